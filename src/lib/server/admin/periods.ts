// Review periods: opening, extending and closing, each checked, written in one transaction and audited.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { period, templateVersion } from '../db/schema';
import { findUnit } from '../db/queries/units';
import { createPeriod, findPeriod } from '../db/queries/periods';
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
