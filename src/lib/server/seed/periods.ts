import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { member, membership, sheet } from '../db/schema';
import { createPeriod } from '../db/queries/periods';
import { auditSheet, createSheet, writeSheetChanges } from '../db/queries/sheets';
import { ensureDefaultTemplate } from '../db/queries/templates';
import { rebuildUnitStats } from '../db/queries/stats';
import { scoreSheet } from '../../domain/scoring';
import { levelsOf, type AnswerEntry } from '../../domain/sheet';
import { signsForGroup, type Level } from '../../domain/template';
import { addDays } from '../../domain/dates';

const ACTIONS = [
	'Dành thời gian mỗi tuần đọc kỹ văn kiện, ghi chép và trao đổi trong sinh hoạt chi bộ.',
	'Nhờ đồng chí trong chi ủy nhắc nhở; báo cáo kết quả sửa chữa tại sinh hoạt chi bộ hằng quý.',
	'Lập kế hoạch cá nhân theo tháng và tự kiểm tra việc thực hiện.',
	'Chủ động nhận nhiệm vụ khó, báo cáo tiến độ đúng hạn với người phụ trách.'
];

/**
 * Demo periods: last year's, closed, where most members handed in a sheet that the chi ủy approved
 * (so "last year's plan" has something in it), and this year's, open for the whole province.
 */
export function seedDemoPeriods(db: Db, rootId: number, today: string, random: () => number): void {
	const version = ensureDefaultTemplate(db);
	const year = Number(today.slice(0, 4));
	const last = createPeriod(db, {
		name: `Năm ${year - 1}`,
		year: year - 1,
		unitId: rootId,
		templateVersionId: version.id,
		opensOn: `${year - 1}-11-01`,
		deadline: `${year - 1}-12-15`,
		closedAt: new Date(`${year - 1}-12-31T10:00:00Z`)
	});
	createPeriod(db, { name: `Năm ${year}`, year, unitId: rootId, templateVersionId: version.id, opensOn: addDays(today, -21), deadline: addDays(today, 30) });

	const members = db
		.select({ id: member.userId, group: member.targetGroup, chapterId: membership.unitId })
		.from(member)
		.innerJoin(membership, and(eq(membership.memberId, member.userId), isNull(membership.endedOn)))
		.all();
	for (const m of members) {
		if (random() < 0.1) continue; // some joined this year or did not hand in
		const made = createSheet(db, { periodId: last.id, year: year - 1, memberId: m.id, chapterId: m.chapterId, targetGroup: m.group, templateVersionId: version.id });
		const answers: Record<string, AnswerEntry> = {};
		for (const sign of signsForGroup(version.content, m.group)) {
			const r = random();
			const level: Level = sign.critical ? 0 : r < 0.95 ? 0 : r < 0.995 ? 1 : 2;
			answers[sign.code] = {
				level,
				note: '',
				action: level > 0 ? ACTIONS[Math.floor(random() * ACTIONS.length)] : '',
				actionDeadline: level > 0 ? `${year}-0${1 + Math.floor(random() * 9)}-28` : null
			};
		}
		writeSheetChanges(db, made.id, {
			answers,
			texts: {
				strengths: 'Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước; hoàn thành nhiệm vụ được giao.',
				shortcomings: 'Có lúc chưa chủ động nghiên cứu tài liệu; nguyên nhân chủ yếu là chưa sắp xếp thời gian hợp lý.',
				commitment: 'Tiếp tục tu dưỡng, rèn luyện, giữ gìn phẩm chất đạo đức, lối sống; sửa chữa những hạn chế đã nêu.'
			}
		});
		const score = scoreSheet(version.content, m.group, levelsOf(answers));
		const submittedAt = new Date(`${year - 1}-12-0${1 + Math.floor(random() * 9)}T08:00:00Z`);
		db.update(sheet)
			.set({ status: 'approved', score: score.score, rating: score.rating, answeredCount: score.answered, finalRating: score.rating, assessment: 'Chi ủy thống nhất với kết quả tự đánh giá.', submittedAt, revision: 1, updatedAt: submittedAt })
			.where(eq(sheet.id, made.id))
			.run();
		auditSheet(db, { actorId: m.id, sheetId: made.id, chapterId: m.chapterId, action: 'sheet.submit' });
	}
	// The sheets above were written in bulk, around the per-transition bookkeeping.
	rebuildUnitStats(db, last.id);
}
