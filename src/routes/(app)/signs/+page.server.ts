import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { referenceFor } from '$lib/server/reference';
import { TARGET_GROUPS, type TargetGroup } from '$lib/domain/template';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const asked = event.url.searchParams.get('group');
	const group: TargetGroup = TARGET_GROUPS.find((g) => g === asked) ?? user.targetGroup ?? 'A';
	return { group, ownGroup: user.targetGroup, reference: referenceFor(getDb(), group) };
};
