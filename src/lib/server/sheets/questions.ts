// Gợi ý kiểm điểm: a chi ủy or a committee attaches a question to a member's sheet, with its audit line.
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import type { SheetDetail } from '../db/queries/sheets';
import { auditSheet } from '../db/queries/sheets';
import { insertQuestion } from '../db/queries/sections';
import { questionAsker, questionTextProblem } from '../../domain/questions';
import { closedPeriodMessage } from '../../domain/period';
import { formFor } from '../../domain/sections';
import type { Refusal } from './member';
import { reviewedSheet } from './review';
import { questionsFor } from './sections';

/**
 * Attaches a question to a sheet in the name of the actor's chapter or committee. Refused for one's own sheet,
 * a reader without the role, a closed period, an approved sheet, or a sheet made with a form-less version.
 */
export function askQuestion(
	db: Db,
	actor: AuthUser,
	detail: SheetDetail,
	text: unknown
): { ok: true; id: number } | (Refusal & { field?: string }) {
	// Gợi ý kiểm điểm go to members; a collective's report has no such section here.
	if (detail.sheet.memberId === null)
		return { ok: false, status: 409, message: 'Phiếu của tập thể không nhận gợi ý kiểm điểm trong ứng dụng.' };
	const asker = questionAsker(actor, detail.chapter, detail.sheet.memberId);
	if (!asker.ok) return { ok: false, status: 403, message: asker.message };
	const closed = closedPeriodMessage(detail.period);
	if (closed) return { ok: false, status: 409, message: closed };
	if (detail.sheet.status === 'approved')
		return { ok: false, status: 409, message: 'Phiếu đã được duyệt; hãy mở lại phiếu trước khi gợi ý thêm.' };
	if (!formFor(detail.content, detail.sheet.targetGroup))
		return { ok: false, status: 409, message: 'Phiếu này làm theo mẫu cũ, không có mục giải trình gợi ý kiểm điểm.' };
	const value = typeof text === 'string' ? text.trim() : '';
	const problem = questionTextProblem(value);
	if (problem) return { ok: false, status: 400, message: problem, field: 'question' };
	const id = db.transaction((tx) => {
		const id = insertQuestion(tx, { sheetId: detail.sheet.id, text: value, askedBy: actor.id, unitId: asker.unitId });
		auditSheet(tx, {
			actorId: actor.id,
			sheetId: detail.sheet.id,
			chapterId: detail.sheet.chapterId,
			action: 'sheet.question.ask',
			detail: { questionId: id, unitId: asker.unitId }
		});
		return id;
	});
	return { ok: true, id };
}

/**
 * The gợi ý kiểm điểm page of one sheet of this chapter (undefined when it is not this chapter's): what has been
 * asked, and the member's answers only when `reviewedSheet` lets a reader see the sheet's content — the one rule
 * for the whole sheet, so an answer stays the member's until the hand-in, and a returned sheet's are as handed in.
 */
export function questionsPage(db: Db, chapterId: number, sheetId: number) {
	const reviewed = reviewedSheet(db, chapterId, sheetId);
	if (!reviewed) return undefined;
	const { detail, readable } = reviewed;
	return {
		detail,
		answersHidden: !readable,
		questions: questionsFor(db, detail, readable)
	};
}
