import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { isSecretaryOf } from '$lib/server/auth/access';
import { chapterMembers } from '$lib/server/db/queries/members';
import { CHAPTER_KINDS } from '$lib/server/db/queries/units';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
	if (!CHAPTER_KINDS.includes(unit.kind)) error(404, 'Đơn vị này không phải là chi bộ.');
	return {
		chapter: { id: unit.id, name: unit.name },
		isSecretary: isSecretaryOf(user, unit.id),
		members: chapterMembers(db, unit.id)
	};
};
