import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { roleGrant, user } from '../schema';

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
