import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvent, user } from '../schema';

/** A sheet's history, newest first: who did what, when and why. */
export function sheetHistory(db: Db, sheetId: number) {
	return db
		.select({ id: auditEvent.id, at: auditEvent.at, action: auditEvent.action, reason: auditEvent.reason, detail: auditEvent.detail, actorName: user.fullName })
		.from(auditEvent)
		.leftJoin(user, eq(user.id, auditEvent.actorId))
		.where(and(eq(auditEvent.targetType, 'sheet'), eq(auditEvent.targetId, sheetId)))
		.orderBy(desc(auditEvent.id))
		.all();
}
