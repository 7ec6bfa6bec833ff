import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { homePathFor } from '$lib/server/auth/access';
import type { PageServerLoad } from './$types';

// The home page sends each user to the work of their role.
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	redirect(303, homePathFor(user));
};
