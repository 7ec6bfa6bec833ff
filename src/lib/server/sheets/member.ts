import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import { currentPeriodFor } from '../db/queries/periods';
import { periodLock } from '../../domain/period';
import { findUnit } from '../db/queries/units';
import {
	auditSheet,
	createSheet,
	findMemberSheet,
	loadSheetCore,
	loadSheetDetail,
	resolveReviewNotes,
	writeSheetChanges,
	type SheetCore,
	type SheetDetail
} from '../db/queries/sheets';
import { recordSheetTransition } from '../db/queries/stats';
import { recordSubmission } from '../db/queries/submissions';
import { sheet } from '../db/schema';
import { and, eq } from 'drizzle-orm';
import { EMPTY_ANSWER, levelsOf, sheetProblems, type AnswerEntry, type Problem } from '../../domain/sheet';
import { scoreSheet, type SheetScore } from '../../domain/scoring';
import { signsForGroup } from '../../domain/template';
import { formatDate } from '../../domain/dates';
import { firstIssueMessage, sheetChangesSchema, type SheetChanges } from '../../schemas/sheet';
import { sectionRefusal, writeSectionChanges } from './sections';

/** A refusal with the HTTP status it maps to and a message for the member. */
export interface Refusal {
	ok: false;
	status: 400 | 403 | 404 | 409 | 422;
	message: string;
	problems?: Problem[];
	/** Set when the refusal came after the typed changes were saved (an incomplete hand-in). */
	revision?: number;
}

/** The open period of the member's chapter and the sheet they have in it, if any; null when none is open. */
function currentOf(db: Db, user: AuthUser & { chapterId: number }, today: string) {
	const chapter = findUnit(db, user.chapterId);
	if (!chapter || !user.targetGroup) return null;
	const period = currentPeriodFor(db, chapter.path, today);
	if (!period) return null;
	return { chapter, period, targetGroup: user.targetGroup, existing: findMemberSheet(db, user.id, period.id) };
}

/** The id of the member's sheet for the open period if they have started it; reads only. */
export function findCurrentSheetId(db: Db, user: AuthUser & { chapterId: number }, today: string): number | null {
	return currentOf(db, user, today)?.existing?.id ?? null;
}

/** The member's sheet for the open period, made on first open; null when no period is open for their chapter. */
export function openCurrentSheet(db: Db, user: AuthUser & { chapterId: number }, today: string): SheetDetail | null {
	const current = currentOf(db, user, today);
	if (!current) return null;
	const { chapter, period, targetGroup } = current;
	const made =
		current.existing ??
		createSheet(db, {
			periodId: period.id,
			year: period.year,
			memberId: user.id,
			chapterId: chapter.id,
			targetGroup,
			templateVersionId: period.templateVersionId
		});
	return loadSheetDetail(db, made.id)!;
}

/** One of the member's own sheets; someone else's is reported as not found, so ids reveal nothing. */
export function ownSheet(db: Db, user: AuthUser, sheetId: number): SheetDetail | undefined {
	if (!Number.isSafeInteger(sheetId)) return undefined;
	const detail = loadSheetDetail(db, sheetId);
	return detail && detail.sheet.memberId === user.id ? detail : undefined;
}

/** Why a sheet cannot be changed by its member now, or null when it can. */
export function editRefusal(detail: Pick<SheetCore, 'sheet' | 'period'>, today: string): Refusal | null {
	const locked = periodLock(detail.period, today);
	if (locked) return { ok: false, status: 409, message: locked };
	if (detail.sheet.status === 'submitted')
		return {
			ok: false,
			status: 409,
			message: 'Phiếu đã nộp nên không sửa được nữa. Nếu cần sửa, hãy đề nghị bí thư chi bộ trả lại phiếu.'
		};
	if (detail.sheet.status === 'approved')
		return { ok: false, status: 409, message: 'Phiếu đã được chi ủy duyệt và khóa.' };
	return null;
}

/** Checks that a change names only signs and plan lines that belong to this sheet. */
function foreignCode(detail: SheetCore, changes: SheetChanges): Refusal | null {
	const codes = new Set(signsForGroup(detail.content, detail.sheet.targetGroup).map((s) => s.code));
	for (const code of Object.keys(changes.answers ?? {})) {
		if (!codes.has(code)) return { ok: false, status: 400, message: `Biểu hiện ${code} không có trong phiếu của bạn.` };
	}
	const lines = new Set(detail.progress.map((p) => p.code));
	for (const code of Object.keys(changes.progress ?? {})) {
		if (!lines.has(code))
			return { ok: false, status: 400, message: `Kế hoạch năm trước không có biện pháp cho biểu hiện ${code}.` };
	}
	return null;
}

function mergedAnswers(detail: SheetCore, changes: SheetChanges): Record<string, AnswerEntry> {
	const merged = { ...detail.answers };
	for (const [code, change] of Object.entries(changes.answers ?? {})) {
		merged[code] = {
			...EMPTY_ANSWER,
			...merged[code],
			...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined))
		};
	}
	return merged;
}

export type SaveResult =
	{ ok: true; revision: number; savedAt: number; score: SheetScore; problems: Problem[] } | Refusal;

/**
 * Applies one save to a member's own sheet. The revision check makes a stale tab's write fail
 * instead of silently overwriting what another tab saved; everything happens in one transaction.
 */
export function saveSheet(
	db: Db,
	user: AuthUser,
	sheetId: number,
	payload: unknown,
	today: string,
	options: { submit?: boolean } = {}
): SaveResult {
	const parsed = sheetChangesSchema.safeParse(payload);
	if (!parsed.success) return { ok: false, status: 400, message: firstIssueMessage(parsed.error) };
	const changes = parsed.data;
	return db.transaction(
		(tx) => {
			const core = Number.isSafeInteger(sheetId) ? loadSheetCore(tx, sheetId) : undefined;
			// Someone else's sheet is "not found", so ids reveal nothing.
			const detail = core && core.sheet.memberId === user.id ? core : undefined;
			if (!detail) return { ok: false, status: 404, message: 'Không tìm thấy phiếu.' } satisfies Refusal;
			const refused = editRefusal(detail, today) ?? foreignCode(detail, changes) ?? sectionRefusal(tx, detail, changes);
			if (refused) return refused;
			if (changes.revision !== detail.sheet.revision) {
				return {
					ok: false,
					status: 409,
					message:
						'Phiếu vừa được lưu từ một thẻ hoặc thiết bị khác. Hãy tải lại trang để xem bản mới nhất rồi sửa tiếp.'
				} satisfies Refusal;
			}
			const answers = mergedAnswers(detail, changes);
			const progress = Object.fromEntries(
				detail.progress.map((p) => {
					const changed = changes.progress?.[p.code]?.status;
					return [p.code, { status: changed !== undefined ? changed : p.status, note: p.note }];
				})
			);
			const score = scoreSheet(detail.content, detail.sheet.targetGroup, levelsOf(answers));
			const texts = {
				strengths: changes.texts?.strengths ?? detail.sheet.strengths,
				shortcomings: changes.texts?.shortcomings ?? detail.sheet.shortcomings,
				commitment: changes.texts?.commitment ?? detail.sheet.commitment
			};
			const problems = sheetProblems(detail.content, detail.sheet.targetGroup, answers, progress, { texts, today });

			if (options.submit && detail.period.deadline < today) {
				return {
					ok: false,
					status: 403,
					message: `Đã quá hạn nộp phiếu (${formatDate(detail.period.deadline)}). Vui lòng liên hệ bí thư chi bộ.`
				} satisfies Refusal;
			}
			writeSheetChanges(tx, sheetId, changes);
			writeSectionChanges(tx, sheetId, changes);
			const now = new Date();
			const submitting = options.submit === true && problems.length === 0;
			const revision = detail.sheet.revision + 1;
			tx.update(sheet)
				.set({
					revision,
					score: score.score,
					rating: score.rating,
					answeredCount: score.answered,
					updatedAt: now,
					...(submitting
						? { status: 'submitted' as const, submittedAt: now, finalRating: null, finalRatingReason: null }
						: {})
				})
				.where(and(eq(sheet.id, sheetId), eq(sheet.revision, detail.sheet.revision)))
				.run();
			if (submitting) {
				auditSheet(tx, {
					actorId: user.id,
					sheetId,
					chapterId: detail.sheet.chapterId,
					action: 'sheet.submit',
					detail: { score: score.score, rating: score.rating }
				});
				resolveReviewNotes(tx, sheetId, now);
				// What this hand-in contained, so the chi ủy can see what a later one changed.
				recordSubmission(tx, sheetId, now);
				recordSheetTransition(tx, {
					periodId: detail.period.id,
					chapterPath: detail.chapter.path,
					before: {
						status: detail.sheet.status,
						rating: detail.sheet.rating,
						finalRating: detail.sheet.finalRating,
						flagged: []
					},
					after: { status: 'submitted', rating: score.rating, finalRating: null, flagged: score.flagged }
				});
			}
			if (options.submit && !submitting) {
				// What was typed is kept; only the hand-in waits until the gaps are filled.
				return {
					ok: false,
					status: 422,
					message: 'Phiếu chưa đủ để nộp. Hãy bổ sung các mục dưới đây.',
					problems,
					revision
				} satisfies Refusal;
			}
			return { ok: true, revision, savedAt: now.getTime(), score, problems };
		},
		{ behavior: 'immediate' }
	);
}
