import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { member, membership, roleGrant, unit, user } from '../schema';

/** What the account page shows: the person, their chapter history and the roles they hold. */
export function accountProfile(db: Db, userId: number) {
	const person = db
		.select({
			username: user.username,
			fullName: user.fullName,
			dateOfBirth: member.dateOfBirth,
			position: member.position,
			targetGroup: member.targetGroup
		})
		.from(user)
		.leftJoin(member, eq(member.userId, user.id))
		.where(eq(user.id, userId))
		.get();
	const memberships = db
		.select({ unitId: unit.id, unitName: unit.name, startedOn: membership.startedOn, endedOn: membership.endedOn })
		.from(membership)
		.innerJoin(unit, eq(unit.id, membership.unitId))
		.where(eq(membership.memberId, userId))
		.orderBy(membership.startedOn)
		.all();
	const roles = db
		.select({ role: roleGrant.role, unitId: unit.id, unitName: unit.name })
		.from(roleGrant)
		.innerJoin(unit, eq(unit.id, roleGrant.unitId))
		.where(eq(roleGrant.userId, userId))
		.all();
	return { person, memberships, roles };
}
