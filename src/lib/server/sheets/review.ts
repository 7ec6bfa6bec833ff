import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import { auditSheet, loadSheetDetail, type SheetDetail } from '../db/queries/sheets';
import { flaggedCodes, recordSheetTransition, type SheetState } from '../db/queries/stats';
import { reviewNote, sheet, type SheetStatus } from '../db/schema';
import { RATING_LABELS, signsForGroup, TARGET_GROUPS, type Rating } from '../../domain/template';
import { approveSchema, reopenSchema, returnSchema } from '../../schemas/review';
import type { Refusal } from './member';
import type { AuditAction } from '../../domain/audit';
import { secretarySheetDecider, type Decider } from '../../domain/review-rights';
import { sheetDecider, sheetDecisionRefusal } from './decide';
import { collectiveAction } from '../../domain/audit';
import { closedPeriodMessage } from '../../domain/period';
import { reviewParties } from '../db/queries/roles';
import { submissionCount, submissionsOf } from '../db/queries/submissions';
import { chapterRows } from '../db/queries/overview';
import { handedInRating, neighbours, ratingTallies, reminderText } from '../../domain/chapter-list';
import { chapterOverview } from '../overview';
import { templateContent } from '../db/queries/template-content';
import { findChapterReport } from '../db/queries/chapter-report';
import type { UnitRow } from '../db/queries/units';
import type { PeriodRow } from '../db/queries/periods';
import { reviewerView } from '../../domain/review-rights';
import { changesBetween, type SheetChange, type SubmissionContent } from '../../domain/submission';
import { displayedScore } from '../../domain/scoring';
import { formFor } from '../../domain/sections';

export type ReviewResult = { ok: true } | (Refusal & { field?: string });

/** A sheet of this chapter; a sheet of another chapter is reported as not found. */
export function chapterSheet(db: Db, chapterId: number, sheetId: number): SheetDetail | undefined {
	if (!Number.isSafeInteger(sheetId)) return undefined;
	const detail = loadSheetDetail(db, sheetId);
	return detail && detail.sheet.chapterId === chapterId ? detail : undefined;
}

/** A sheet as anyone but its member may read it: its content once handed in, else its status and progress only. */
export type ReviewedSheet =
	| { readable: true; detail: SheetDetail; handIns: number; changes: SheetChange[] | null; previousAt: Date | null }
	| { readable: false; detail: SheetDetail };

function withContent(detail: SheetDetail, c: SubmissionContent): SheetDetail {
	return {
		...detail,
		sheet: { ...detail.sheet, ...c.texts, score: c.score, rating: c.rating },
		answers: c.answers,
		progress: detail.progress.map((p) => ({
			...p,
			status: c.progress[p.code]?.status ?? null,
			note: c.progress[p.code]?.note ?? ''
		})),
		handedIn: { sections: c.sections, questions: c.questions }
	};
}

/**
 * A sheet of this chapter as its reviewers read it (undefined when it is not this chapter's). A draft stays
 * the member's: only its status and progress. A returned sheet shows what was last handed in, not what the
 * member has changed since: its answers, texts and plan here, its Bản kiểm điểm sections and gợi ý answers
 * through `handedIn` (read by `formView` and the gợi ý page). With two hand-ins or more, what the latest changed in the one before.
 */
export function reviewedSheet(db: Db, chapterId: number, sheetId: number): ReviewedSheet | undefined {
	const detail = chapterSheet(db, chapterId, sheetId);
	if (!detail) return undefined;
	const [latest, previous] = submissionsOf(db, detail.sheet.id, 2);
	if (reviewerView(detail.sheet.status, latest !== undefined) === 'status') return { readable: false, detail };
	const shown = detail.sheet.status === 'returned' && latest ? withContent(detail, latest.content) : detail;
	const codes = signsForGroup(detail.content, detail.sheet.targetGroup).map((s) => s.code);
	return {
		readable: true,
		detail: shown,
		handIns: submissionCount(db, detail.sheet.id),
		changes:
			latest && previous
				? changesBetween(previous.content, latest.content, codes, formFor(detail.content, detail.sheet.targetGroup))
				: null,
		previousAt: previous?.submittedAt ?? null
	};
}

/** The previous and next readable sheets of the chapter for the sheet's period, in the chapter list's order. */
export function sheetNeighbours(db: Db, detail: SheetDetail) {
	const readable = chapterRows(db, detail.sheet.chapterId, detail.period.id)
		.filter(
			(r) => r.sheetId !== null && (r.status === 'submitted' || r.status === 'approved' || r.status === 'returned')
		)
		.map((r) => ({ sheetId: r.sheetId, fullName: r.fullName }));
	return neighbours(readable, detail.sheet.id);
}

function stateOf(db: Db, detail: SheetDetail, status: SheetStatus, finalRating: Rating | null): SheetState {
	return { status, rating: detail.sheet.rating, finalRating, flagged: flaggedCodes(db, detail.sheet.id) };
}

/** Moves a sheet to a new status inside a transaction, keeping the counts and the audit log in step. */
function transition(
	db: Db,
	actor: AuthUser,
	detail: SheetDetail,
	change: { status: SheetStatus; finalRating: Rating | null; finalRatingReason: string | null; assessment?: string },
	audit: { action: AuditAction; reason?: string | null; detail?: unknown },
	extra?: (tx: Db) => void
): boolean {
	return db.transaction(
		(tx) => {
			const { status, finalRating, finalRatingReason, assessment } = change;
			const written = tx
				.update(sheet)
				.set({
					status,
					finalRating,
					finalRatingReason,
					revision: detail.sheet.revision + 1,
					updatedAt: new Date(),
					...(assessment === undefined ? {} : { assessment })
				})
				// Only from the state the secretary was looking at: a sheet changed meanwhile is left alone.
				.where(and(eq(sheet.id, detail.sheet.id), eq(sheet.revision, detail.sheet.revision)))
				.run().changes;
			if (written === 0) return false;
			// A collective is not a member: its sheet stays out of the members' counts.
			if (detail.collective === null)
				recordSheetTransition(tx, {
					periodId: detail.period.id,
					chapterPath: detail.chapter.path,
					before: stateOf(tx, detail, detail.sheet.status, detail.sheet.finalRating),
					after: stateOf(tx, detail, status, finalRating)
				});
			auditSheet(tx, {
				actorId: actor.id,
				sheetId: detail.sheet.id,
				chapterId: detail.sheet.chapterId,
				...audit,
				// The committee above decides a collective's sheet: its own actions in the log.
				action: detail.collective ? collectiveAction(audit.action) : audit.action
			});
			extra?.(tx);
			return true;
		},
		{ behavior: 'immediate' }
	);
}

const changedMeanwhile: Refusal = {
	ok: false,
	status: 409,
	message: 'Phiếu đã thay đổi kể từ khi bạn mở trang. Hãy tải lại để xem bản mới nhất.'
};

/** Who may decide this sheet, and the sentence the pages show about who decides it (a secretary's own, a collective's). */
export function reviewRights(
	db: Db,
	actor: AuthUser,
	detail: SheetDetail
): { canDecide: boolean; decider: Decider; deciderSentence: string } {
	const { decider, sentence } = sheetDecider(db, detail.sheet, detail.chapter.path);
	return {
		canDecide:
			sheetDecisionRefusal(db, actor, detail.sheet, detail.chapter.path) === null &&
			closedPeriodMessage(detail.period) === null,
		decider,
		deciderSentence: sentence
	};
}

/** "Phiếu của bí thư do … xem xét" for a chapter. */
export function secretarySheetSentence(db: Db, chapter: { id: number; path: string }): string {
	return secretarySheetDecider(reviewParties(db, chapter));
}

/**
 * What every decision checks before its own rules: the actor may decide this sheet (nobody decides their own),
 * the period is still open, and the sheet is the one the page showed (`revision` is what the form carried, not
 * what was just loaded, so a sheet changed since the secretary read it is refused).
 */
function decisionGate(db: Db, actor: AuthUser, detail: SheetDetail, input: unknown): Refusal | null {
	const refused = sheetDecisionRefusal(db, actor, detail.sheet, detail.chapter.path);
	if (refused) return { ok: false, status: 403, message: refused };
	const closed = closedPeriodMessage(detail.period);
	if (closed) return { ok: false, status: 409, message: closed };
	const given = (input as { revision?: unknown } | null)?.revision;
	const shown = typeof given === 'number' ? given : typeof given === 'string' && given.trim() ? Number(given) : NaN;
	if (shown !== detail.sheet.revision) return changedMeanwhile;
	return null;
}

const notHandedIn: Refusal = { ok: false, status: 409, message: 'Chỉ xem xét được phiếu đã nộp.' };

/** Sends a handed-in sheet back to its member with notes on the whole sheet or on particular signs. */
export function returnSheet(db: Db, actor: AuthUser, detail: SheetDetail, input: unknown): ReviewResult {
	const parsed = returnSchema.safeParse(input);
	const gate = decisionGate(db, actor, detail, input);
	if (gate) return gate;
	if (!parsed.success) return { ok: false, status: 400, message: parsed.error.issues[0].message, field: 'notes' };
	if (detail.sheet.status !== 'submitted') return notHandedIn;
	const codes = new Set(signsForGroup(detail.content, detail.sheet.targetGroup).map((s) => s.code));
	const foreign = parsed.data.notes.find((n) => n.code !== null && !codes.has(n.code));
	if (foreign)
		return { ok: false, status: 400, message: `Biểu hiện ${foreign.code} không có trong phiếu này.`, field: 'notes' };
	const done = transition(
		db,
		actor,
		detail,
		{ status: 'returned', finalRating: null, finalRatingReason: null, assessment: parsed.data.assessment },
		{ action: 'sheet.return', detail: { notes: parsed.data.notes.length } },
		(tx) => {
			for (const note of parsed.data.notes)
				tx.insert(reviewNote)
					.values({ sheetId: detail.sheet.id, code: note.code, text: note.text, authorId: actor.id })
					.run();
		}
	);
	return done ? { ok: true } : changedMeanwhile;
}

/** Approves a handed-in sheet and locks it; a final rating other than the computed one needs a reason, and both are kept. */
export function approveSheet(db: Db, actor: AuthUser, detail: SheetDetail, input: unknown): ReviewResult {
	const parsed = approveSchema.safeParse(input);
	const gate = decisionGate(db, actor, detail, input);
	if (gate) return gate;
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { ok: false, status: 400, message: issue.message, field: String(issue.path[0] ?? 'form') };
	}
	if (detail.sheet.status !== 'submitted') return notHandedIn;
	const computed = detail.sheet.rating;
	const { finalRating, reason, assessment } = parsed.data;
	const adjusted = finalRating !== computed;
	if (adjusted && !reason) {
		return {
			ok: false,
			status: 400,
			message: `Xếp loại khác với kết quả tự đánh giá («${computed ? RATING_LABELS[computed] : '—'}»): hãy ghi lý do điều chỉnh.`,
			field: 'reason'
		};
	}
	const done = transition(
		db,
		actor,
		detail,
		{ status: 'approved', finalRating, finalRatingReason: adjusted ? reason : null, assessment },
		{
			action: adjusted ? 'sheet.approve.adjusted' : 'sheet.approve',
			reason: adjusted ? reason : null,
			detail: { computed, final: finalRating }
		}
	);
	return done ? { ok: true } : changedMeanwhile;
}

/** Reopens an approved sheet for revision; the reason goes to the member as a note and into the audit log. */
export function reopenSheet(db: Db, actor: AuthUser, detail: SheetDetail, input: unknown): ReviewResult {
	const parsed = reopenSchema.safeParse(input);
	const gate = decisionGate(db, actor, detail, input);
	if (gate) return gate;
	if (!parsed.success)
		return { ok: false, status: 400, message: parsed.error.issues[0].message, field: 'reopenReason' };
	if (detail.sheet.status !== 'approved') return { ok: false, status: 409, message: 'Chỉ mở lại được phiếu đã duyệt.' };
	const done = transition(
		db,
		actor,
		detail,
		{ status: 'returned', finalRating: null, finalRatingReason: null },
		{ action: 'sheet.reopen', reason: parsed.data.reason },
		(tx) =>
			tx
				.insert(reviewNote)
				.values({
					sheetId: detail.sheet.id,
					code: null,
					text: `Mở lại phiếu: ${parsed.data.reason}`,
					authorId: actor.id
				})
				.run()
	);
	return done ? { ok: true } : changedMeanwhile;
}

/**
 * A chapter's page for a period, as its reviewers may see it: each member's status and, once handed in, score
 * and self-rating (a draft's or a returned sheet's stay the member's: progress only), the chi ủy's rating of
 * approved sheets; both ratings counted side by side; and the reminder for those still to hand in.
 */
export function chapterReviewList(db: Db, chapter: UnitRow, period: PeriodRow) {
	const { rows, counts, topSigns } = chapterOverview(db, chapter, period);
	const content = templateContent(db, period.templateVersionId);
	const totals = new Map(TARGET_GROUPS.map((g) => [g, content ? signsForGroup(content, g).length : 0]));
	const shown = rows.map((r) => ({
		...r,
		score: handedInRating(r) === null ? null : r.score,
		// Beside its result only where the score set it: "97,8 — Yếu kém" would contradict itself.
		shownScore: handedInRating(r) === null || !content ? null : displayedScore(content, r.score, r.rating),
		rating: handedInRating(r),
		finalRating: r.status === 'approved' ? r.finalRating : null,
		signs: totals.get(r.targetGroup) ?? 0
	}));
	return {
		rows: shown,
		counts,
		topSigns,
		tallies: ratingTallies(shown),
		report: findChapterReport(db, period.id, chapter.id),
		reminder: reminderText({ chapterName: chapter.name, periodName: period.name, deadline: period.deadline, rows })
	};
}
