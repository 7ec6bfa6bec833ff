import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { accountProfile } from '$lib/server/db/queries/account';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { profile: accountProfile(getDb(), user.id), changed: event.url.searchParams.has('changed') };
};
