import { and, desc, eq, gte, lt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { auditEvent, sheet, unit, user } from '../schema';
import { inSubtree } from './units';
import type { AuditAction, AuditTargetType } from '../../../domain/audit';

/** One line of the audit log: who did what, to what, in which unit, and why. */
export interface AuditEntry {
	actorId: number | null;
	action: AuditAction;
	target?: { type: AuditTargetType; id: number | null };
	unitId?: number | null;
	reason?: string | null;
	detail?: unknown;
}

/** Appends a line to the audit log; call it inside the transaction of the change it records. */
export function recordAudit(db: Db, entry: AuditEntry): void {
	db.insert(auditEvent)
		.values({
			actorId: entry.actorId,
			action: entry.action,
			unitId: entry.unitId ?? null,
			targetType: entry.target?.type ?? null,
			targetId: entry.target?.id ?? null,
			reason: entry.reason ?? null,
			detail: entry.detail ?? null
		})
		.run();
}

/** A sheet's history, newest first: who did what, when and why. */
export function sheetHistory(db: Db, sheetId: number) {
	return db
		.select({
			id: auditEvent.id,
			at: auditEvent.at,
			action: auditEvent.action,
			reason: auditEvent.reason,
			detail: auditEvent.detail,
			actorName: user.fullName
		})
		.from(auditEvent)
		.leftJoin(user, eq(user.id, auditEvent.actorId))
		.where(and(eq(auditEvent.targetType, 'sheet'), eq(auditEvent.targetId, sheetId)))
		.orderBy(desc(auditEvent.id))
		.all();
}

export interface AuditFilter {
	/** Events about this unit or any unit under it. */
	unitPath?: string;
	/** Events done by, or done to, this account (its sheets too). */
	userId?: number;
	action?: string;
	/** Inclusive dates, YYYY-MM-DD, in Vietnam. */
	from?: string;
	to?: string;
	limit: number;
	offset: number;
}

/** The audit log, newest first, filtered; `more` says whether another page follows. */
export function auditLog(db: Db, f: AuditFilter) {
	const actor = alias(user, 'actor');
	const target = alias(user, 'target');
	// Whose sheet a sheet's line is about.
	const owner = alias(user, 'owner');
	const conditions = [
		f.unitPath ? inSubtree(f.unitPath) : undefined,
		f.userId
			? or(
					eq(auditEvent.actorId, f.userId),
					and(eq(auditEvent.targetType, 'user'), eq(auditEvent.targetId, f.userId)),
					eq(sheet.memberId, f.userId)
				)
			: undefined,
		f.action ? eq(auditEvent.action, f.action) : undefined,
		// Vietnam is UTC+7 all year round.
		f.from ? gte(auditEvent.at, new Date(`${f.from}T00:00:00+07:00`)) : undefined,
		f.to ? lt(auditEvent.at, new Date(new Date(`${f.to}T00:00:00+07:00`).getTime() + 86_400_000)) : undefined
	].filter((c) => c !== undefined);
	const rows = db
		.select({
			id: auditEvent.id,
			at: auditEvent.at,
			action: auditEvent.action,
			reason: auditEvent.reason,
			detail: auditEvent.detail,
			targetType: auditEvent.targetType,
			targetId: auditEvent.targetId,
			actorName: actor.fullName,
			actorUsername: actor.username,
			targetName: target.fullName,
			targetUsername: target.username,
			sheetOwnerName: owner.fullName,
			sheetOwnerUsername: owner.username,
			unitName: unit.name
		})
		.from(auditEvent)
		.leftJoin(actor, eq(actor.id, auditEvent.actorId))
		.leftJoin(target, and(eq(auditEvent.targetType, 'user'), eq(target.id, auditEvent.targetId)))
		.leftJoin(sheet, and(eq(auditEvent.targetType, 'sheet'), eq(sheet.id, auditEvent.targetId)))
		.leftJoin(owner, eq(owner.id, sheet.memberId))
		.leftJoin(unit, eq(unit.id, auditEvent.unitId))
		.where(conditions.length > 0 ? and(...conditions) : undefined)
		.orderBy(desc(auditEvent.id))
		.limit(f.limit + 1)
		.offset(f.offset)
		.all();
	return { rows: rows.slice(0, f.limit), more: rows.length > f.limit };
}

/** The actions that appear in the log, for the filter. */
export function auditActions(db: Db): string[] {
	return db
		.selectDistinct({ action: auditEvent.action })
		.from(auditEvent)
		.orderBy(auditEvent.action)
		.all()
		.map((r) => r.action);
}
