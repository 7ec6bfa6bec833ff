// Review periods: opening, extending and closing, each checked, written in one transaction and audited.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { period, templateVersion } from '../db/schema';
import { findUnit } from '../db/queries/units';
import { createPeriod, findPeriod, openPeriodsOfYear } from '../db/queries/periods';
import { overlapMessage, overlappingPeriod } from '../../domain/period';
import { recordAudit } from '../db/queries/audit';
import type { AuditAction } from '../../domain/audit';

export type PeriodChange = { ok: true; id: number } | { ok: false; message: string };

function audit(db: Db, actorId: number, action: AuditAction, p: { id: number; unitId: number }, detail: unknown): void {
	recordAudit(db, { actorId, action, unitId: p.unitId, target: { type: 'period', id: p.id }, detail });
}

/** Opens a review period for a unit's subtree with a template version. */
export function openPeriod(
	db: Db,
	input: { name: string; year: number; unitId: number; templateVersionId: number; opensOn: string; deadline: string },
	actorId: number
): PeriodChange {
	const target = findUnit(db, input.unitId);
	if (!target || target.closedAt) return { ok: false, message: 'Hãy chọn một đơn vị đang hoạt động.' };
	if (
		!db
			.select({ id: templateVersion.id })
			.from(templateVersion)
			.where(eq(templateVersion.id, input.templateVersionId))
			.get()
	)
		return { ok: false, message: 'Không tìm thấy phiên bản mẫu phiếu.' };
	if (input.deadline < input.opensOn) return { ok: false, message: 'Hạn nộp phải sau ngày mở đợt.' };
	return db.transaction((tx) => {
		// Checked inside the transaction; the database's trigger holds the same rule against any other writer.
		const overlap = overlappingPeriod({ year: input.year, unitPath: target.path }, openPeriodsOfYear(tx, input.year));
		if (overlap) return { ok: false as const, message: overlapMessage(overlap) };
		const created = createPeriod(tx, input);
		audit(tx, actorId, 'period.create', created, input);
		return { ok: true as const, id: created.id };
	});
}

/** Moves a period's deadline later. */
export function extendDeadline(db: Db, periodId: number, deadline: string, actorId: number): PeriodChange {
	const found = findPeriod(db, periodId);
	if (!found) return { ok: false, message: 'Không tìm thấy đợt kiểm điểm.' };
	if (found.closedAt) return { ok: false, message: 'Đợt kiểm điểm đã kết thúc.' };
	if (deadline <= found.deadline) return { ok: false, message: 'Hạn mới phải sau hạn hiện tại.' };
	db.transaction((tx) => {
		tx.update(period).set({ deadline }).where(eq(period.id, periodId)).run();
		audit(tx, actorId, 'period.extend', found, { from: found.deadline, to: deadline });
	});
	return { ok: true, id: periodId };
}

/** Ends a period: its sheets can no longer be changed by members. */
export function closePeriod(db: Db, periodId: number, actorId: number): PeriodChange {
	const found = findPeriod(db, periodId);
	if (!found) return { ok: false, message: 'Không tìm thấy đợt kiểm điểm.' };
	if (found.closedAt) return { ok: false, message: 'Đợt kiểm điểm đã kết thúc.' };
	db.transaction((tx) => {
		tx.update(period).set({ closedAt: new Date() }).where(eq(period.id, periodId)).run();
		audit(tx, actorId, 'period.close', found, {});
	});
	return { ok: true, id: periodId };
}

/**
 * Reopens a closed period so a closed year can be corrected: an administrator's deliberate, audited act with a
 * reason, never a side effect of a sheet action. Refused while another open period of that year overlaps it.
 */
export function reopenPeriod(db: Db, periodId: number, reason: string, actorId: number): PeriodChange {
	const found = findPeriod(db, periodId);
	if (!found) return { ok: false, message: 'Không tìm thấy đợt kiểm điểm.' };
	if (!found.closedAt) return { ok: false, message: 'Đợt kiểm điểm đang mở.' };
	const why = reason.trim();
	if (why.length < 5) return { ok: false, message: 'Hãy ghi lý do mở lại đợt kiểm điểm (ít nhất 5 ký tự).' };
	if (why.length > 1000) return { ok: false, message: 'Lý do không quá 1.000 ký tự.' };
	const scope = findUnit(db, found.unitId);
	if (!scope) return { ok: false, message: 'Không tìm thấy đơn vị của đợt kiểm điểm.' };
	return db.transaction((tx) => {
		const overlap = overlappingPeriod(
			{ year: found.year, unitPath: scope.path, exceptId: found.id },
			openPeriodsOfYear(tx, found.year)
		);
		if (overlap) return { ok: false as const, message: overlapMessage(overlap) };
		tx.update(period).set({ closedAt: null }).where(eq(period.id, periodId)).run();
		recordAudit(tx, {
			actorId,
			action: 'period.reopen',
			unitId: found.unitId,
			target: { type: 'period', id: found.id },
			reason: why,
			detail: { closedAt: found.closedAt?.getTime() ?? null }
		});
		return { ok: true as const, id: periodId };
	});
}
