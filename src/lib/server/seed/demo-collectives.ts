// The demo province's collectives' sheets, so each step can be tried from the README's accounts: `bithu01` fills the
// sheet of the collective of Chi bộ Văn phòng Sở (last year's approved, this year's handed in) and prints it;
// `capuy`, the committee above it, reviews it from its unit page; `bithu03` starts one from nothing.
import { desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditSheet, createCollectiveSheet, writeSheetChanges } from '../db/queries/sheets';
import { recordSubmission } from '../db/queries/submissions';
import { period, sheet, unit, user } from '../db/schema';
import { templateContent } from '../db/queries/template-content';
import { scoreSheet } from '../../domain/scoring';
import { levelsOf, type AnswerEntry } from '../../domain/sheet';
import { signsForGroup } from '../../domain/template';

const TEXTS = {
	strengths:
		'Chi bộ lãnh đạo cơ quan hoàn thành các chỉ tiêu được giao; duy trì sinh hoạt định kỳ, nội dung gắn với nhiệm vụ chuyên môn.',
	shortcomings:
		'Tự phê bình và phê bình có lúc còn nể nang; việc kiểm tra, giám sát đảng viên thực hiện nhiệm vụ chưa thường xuyên.',
	commitment:
		'Mỗi quý một kỳ sinh hoạt chuyên đề về tự phê bình và phê bình; lập kế hoạch kiểm tra, giám sát đảng viên hằng năm.'
};

/** The flagged sign of the demo collective, with its remediation. */
const FLAGGED = {
	code: 'TT5.9',
	action: 'Sinh hoạt chuyên đề về tự phê bình và phê bình mỗi quý; chi ủy góp ý trước.'
};

/** Writes a complete collective sheet of a chapter for a period and hands it in (approved with `approve`). */
function collectiveSheet(
	db: Db,
	p: typeof period.$inferSelect,
	chapterId: number,
	people: { secretaryId: number; committeeId: number },
	approve: boolean
): void {
	const content = templateContent(db, p.templateVersionId);
	if (!content || signsForGroup(content, 'CB').length === 0) return;
	const made = createCollectiveSheet(db, {
		periodId: p.id,
		year: p.year,
		unitId: chapterId,
		group: 'CB',
		templateVersionId: p.templateVersionId
	});
	const answers: Record<string, AnswerEntry> = {};
	for (const s of signsForGroup(content, 'CB'))
		answers[s.code] =
			s.code === FLAGGED.code
				? { level: 1, note: '', action: FLAGGED.action, actionDeadline: `${p.year}-12-31` }
				: { level: 0, note: '', action: '', actionDeadline: null };
	// This year's reports on last year's remediation (the line is there when last year's sheet flagged the sign).
	const progress = approve
		? {}
		: { [FLAGGED.code]: { status: 'in_progress' as const, note: 'Đã tổ chức ba kỳ chuyên đề.' } };
	writeSheetChanges(db, made.id, { answers, texts: TEXTS, progress });
	const score = scoreSheet(content, 'CB', levelsOf(answers));
	const at = new Date(`${p.deadline}T02:00:00Z`);
	db.update(sheet)
		.set({
			status: approve ? 'approved' : 'submitted',
			score: score.score,
			rating: score.rating,
			answeredCount: score.answered,
			finalRating: approve ? score.rating : null,
			assessment: approve ? 'Cấp ủy cấp trên thống nhất với kết quả tự kiểm điểm của tập thể chi bộ.' : '',
			revision: 1,
			submittedAt: at,
			updatedAt: at
		})
		.where(eq(sheet.id, made.id))
		.run();
	recordSubmission(db, made.id, at);
	auditSheet(db, { actorId: people.secretaryId, sheetId: made.id, chapterId, action: 'collective.submit' });
	if (approve)
		auditSheet(db, {
			actorId: people.committeeId,
			sheetId: made.id,
			chapterId,
			action: 'collective.approve',
			detail: { computed: score.rating, final: score.rating }
		});
}

/** Last year's collective sheet of `bithu01`'s chapter, approved by `capuy`; this year's, handed in and waiting. */
export function seedDemoCollectives(db: Db): void {
	const office = db.select().from(unit).where(eq(unit.name, 'Chi bộ Văn phòng Sở')).get();
	const secretary = db.select({ id: user.id }).from(user).where(eq(user.username, 'bithu01')).get();
	const committee = db.select({ id: user.id }).from(user).where(eq(user.username, 'capuy')).get();
	if (!office || !secretary || !committee) return;
	const people = { secretaryId: secretary.id, committeeId: committee.id };
	const last = db.select().from(period).where(isNotNull(period.closedAt)).orderBy(desc(period.year)).get();
	const current = db.select().from(period).where(isNull(period.closedAt)).orderBy(desc(period.year)).get();
	if (last) collectiveSheet(db, last, office.id, people, true);
	if (current) collectiveSheet(db, current, office.id, people, false);
}
