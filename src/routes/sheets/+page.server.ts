import { getDb } from '$lib/server/db';
import { requireMember } from '$lib/server/auth/guards';
import { ancestorsOf, findUnit } from '$lib/server/db/queries/units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireMember(event);
	const db = getDb();
	const chapter = findUnit(db, user.chapterId)!;
	return {
		targetGroup: user.targetGroup,
		chain: ancestorsOf(db, chapter).map((u) => u.name)
	};
};
