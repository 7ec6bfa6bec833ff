import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { roleGrant, unit, user } from '../schema';

/** Who holds which role over a unit. */
export function grantsOn(db: Db, unitId: number) {
	return db
		.select({ userId: user.id, username: user.username, fullName: user.fullName, role: roleGrant.role })
		.from(roleGrant)
		.innerJoin(user, eq(user.id, roleGrant.userId))
		.where(eq(roleGrant.unitId, unitId))
		.orderBy(roleGrant.role, user.fullName)
		.all();
}

/**
 * The people around a chapter's review: every active holder of its secretary role, and the nearest unit
 * above it where an active account holds the committee role (the committee directly above).
 */
export function reviewParties(db: Db, chapter: { id: number; path: string }) {
	const secretaryIds = db
		.select({ id: roleGrant.userId })
		.from(roleGrant)
		.innerJoin(user, eq(user.id, roleGrant.userId))
		.where(and(eq(roleGrant.unitId, chapter.id), eq(roleGrant.role, 'secretary'), eq(user.active, true)))
		.all()
		.map((r) => r.id);
	const ancestorIds = chapter.path
		.split('/')
		.filter(Boolean)
		.map(Number)
		.filter((id) => id !== chapter.id);
	const committee =
		ancestorIds.length === 0
			? undefined
			: db
					.select({ unitId: unit.id, unitName: unit.name })
					.from(roleGrant)
					.innerJoin(unit, eq(unit.id, roleGrant.unitId))
					.innerJoin(user, eq(user.id, roleGrant.userId))
					.where(and(inArray(roleGrant.unitId, ancestorIds), eq(roleGrant.role, 'committee'), eq(user.active, true)))
					.orderBy(desc(unit.depth))
					.limit(1)
					.get();
	return { chapterId: chapter.id, secretaryIds, committeeAbove: committee ?? null };
}
