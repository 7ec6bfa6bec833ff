import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { allUnits } from '$lib/server/db/queries/units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const units = allUnits(getDb()).map((u) => ({
		id: u.id,
		name: u.name,
		kind: u.kind,
		depth: u.depth,
		parentId: u.parentId
	}));
	return { units };
};
