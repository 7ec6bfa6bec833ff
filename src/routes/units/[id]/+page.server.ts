import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { canViewUnit } from '$lib/server/auth/access';
import { ancestorsOf, CHAPTER_KINDS, childSummaries } from '$lib/server/db/queries/units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
	const crumbs = ancestorsOf(db, unit).map((u) => ({
		id: u.id,
		name: u.name,
		href: canViewUnit(user, u.id, u.path) ? `/units/${u.id}` : undefined
	}));
	const children = childSummaries(db, unit.id).map((c) => ({
		id: c.unit.id,
		name: c.unit.name,
		kind: c.unit.kind,
		isChapter: CHAPTER_KINDS.includes(c.unit.kind),
		members: c.members,
		chapters: c.chapters
	}));
	return {
		unit: { id: unit.id, name: unit.name, kind: unit.kind, isChapter: CHAPTER_KINDS.includes(unit.kind) },
		crumbs,
		children,
		totals: {
			members: children.reduce((s, c) => s + c.members, 0),
			chapters: children.reduce((s, c) => s + c.chapters, 0)
		}
	};
};
