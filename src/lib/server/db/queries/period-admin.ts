import { and, desc, eq, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvent, member, membership, period, sheet, template, templateVersion, unit, user } from '../schema';
import { compareVietnameseNames } from '../../../domain/names';
import { findUnit, inSubtree } from './units';
import { createPeriod, findPeriod } from './periods';

export type PeriodChange = { ok: true; id: number } | { ok: false; message: string };

function audit(db: Db, actorId: number, action: string, p: { id: number; unitId: number }, detail: unknown): void {
	db.insert(auditEvent)
		.values({ actorId, action, unitId: p.unitId, targetType: 'period', targetId: p.id, detail })
		.run();
}

/** Every period, newest first, with its unit and template version. */
export function listPeriods(db: Db) {
	return db
		.select({
			id: period.id,
			name: period.name,
			year: period.year,
			opensOn: period.opensOn,
			deadline: period.deadline,
			closedAt: period.closedAt,
			unitId: unit.id,
			unitName: unit.name,
			templateName: template.name,
			version: templateVersion.version
		})
		.from(period)
		.innerJoin(unit, eq(unit.id, period.unitId))
		.innerJoin(templateVersion, eq(templateVersion.id, period.templateVersionId))
		.innerJoin(template, eq(template.id, templateVersion.templateId))
		.orderBy(desc(period.year), desc(period.id))
		.all();
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

/** Per chapter of the period's subtree, the current members who have not handed in a sheet. */
export function notHandedIn(db: Db, periodId: number) {
	const found = findPeriod(db, periodId);
	const root = found && findUnit(db, found.unitId);
	if (!found || !root) return [];
	const rows = db
		.select({
			chapterId: unit.id,
			chapterName: unit.name,
			path: unit.path,
			fullName: user.fullName,
			username: user.username,
			status: sheet.status
		})
		.from(membership)
		.innerJoin(unit, eq(unit.id, membership.unitId))
		.innerJoin(user, eq(user.id, membership.memberId))
		.innerJoin(member, eq(member.userId, membership.memberId))
		.leftJoin(sheet, and(eq(sheet.memberId, membership.memberId), eq(sheet.periodId, periodId)))
		.where(
			and(
				isNull(membership.endedOn),
				inSubtree(root.path),
				or(isNull(sheet.id), notInArray(sheet.status, ['submitted', 'approved']))
			)
		)
		.all();
	const byChapter = new Map<
		number,
		{
			chapterId: number;
			chapterName: string;
			path: string;
			members: { fullName: string; username: string; status: string }[];
		}
	>();
	for (const r of rows) {
		const entry = byChapter.get(r.chapterId) ?? {
			chapterId: r.chapterId,
			chapterName: r.chapterName,
			path: r.path,
			members: []
		};
		entry.members.push({ fullName: r.fullName, username: r.username, status: r.status ?? 'not_started' });
		byChapter.set(r.chapterId, entry);
	}
	return [...byChapter.values()]
		.sort((a, b) => a.path.localeCompare(b.path))
		.map((c) => ({ ...c, members: c.members.sort((a, b) => compareVietnameseNames(a.fullName, b.fullName)) }));
}

/** How many template versions exist (the period form needs at least one). */
export function templateVersionChoices(db: Db) {
	return db
		.select({
			id: templateVersion.id,
			name: template.name,
			version: templateVersion.version,
			signs: sql<number>`json_array_length(${templateVersion.content}, '$.signs')`
		})
		.from(templateVersion)
		.innerJoin(template, eq(template.id, templateVersion.templateId))
		.orderBy(template.name, desc(templateVersion.version))
		.all();
}
