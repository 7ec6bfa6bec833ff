// Gợi ý kiểm điểm (HD 43 §2): the chi ủy or a committee above a chapter may attach questions to a member's
// sheet, which the member answers in section A.IV. Pure: who may ask, in whose name.
import { SECTION_LIMITS } from './sections';

/** A role held over a unit, with the unit's path for "above this chapter". */
export interface AskerGrant {
	role: string;
	unitId: number;
	unitPath: string;
}

/** The unit in whose name this actor may ask about a sheet of this chapter, or why they may not. */
export function questionAsker(
	actor: { id: number; grants: readonly AskerGrant[] },
	chapter: { id: number; path: string },
	ownerId: number
): { ok: true; unitId: number } | { ok: false; message: string } {
	if (actor.id === ownerId) return { ok: false, message: 'Không tự gợi ý kiểm điểm cho chính mình.' };
	const secretary = actor.grants.find((g) => g.role === 'secretary' && g.unitId === chapter.id);
	if (secretary) return { ok: true, unitId: chapter.id };
	// The nearest committee above the chapter asks in its own name.
	const committees = actor.grants
		.filter((g) => g.role === 'committee' && chapter.path.startsWith(g.unitPath))
		.sort((a, b) => b.unitPath.length - a.unitPath.length);
	if (committees[0]) return { ok: true, unitId: committees[0].unitId };
	return { ok: false, message: 'Chỉ chi ủy của chi bộ hoặc cấp ủy cấp trên được gợi ý kiểm điểm.' };
}

/** Why a question's text cannot be attached, or null. */
export function questionTextProblem(text: string): string | null {
	const t = text.trim();
	if (t.length < 10) return 'Hãy viết nội dung gợi ý kiểm điểm (ít nhất 10 ký tự).';
	if (t.length > SECTION_LIMITS.question)
		return `Nội dung gợi ý kiểm điểm không quá ${SECTION_LIMITS.question.toLocaleString('vi-VN')} ký tự.`;
	return null;
}
