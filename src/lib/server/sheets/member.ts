import type { Db } from '../db/client';
import { immediateTransaction } from '../db/statements';
import type { AuthUser } from '../auth/types';
import { currentPeriodFor } from '../db/queries/periods';
import { periodLock } from '../../domain/period';
import { findUnit } from '../db/queries/units';
import {
	auditSheet,
	createSheet,
	findMemberSheet,
	loadSaveTarget,
	loadSheetDetail,
	memberSheets,
	resolveReviewNotes,
	sheetAnswers,
	sheetProgress,
	writeSheetSave,
	type SaveTarget,
	type SheetDetail
} from '../db/queries/sheets';
import { recordSheetTransition } from '../db/queries/stats';
import {
	EMPTY_ANSWER,
	lateHandInMessage,
	levelsOf,
	sheetProblems,
	type AnswerEntry,
	type Problem
} from '../../domain/sheet';
import { displayedScore, scoreSheet, type Answers, type SheetScore } from '../../domain/scoring';
import { templateContent } from '../db/queries/template-content';
import {
	isCollectiveGroup,
	signsForGroup,
	type AnswerLevel,
	type SheetGroup,
	type TemplateContent
} from '../../domain/template';
import { writesSheet } from '../../domain/collective';
import { firstIssueMessage, sheetChangesSchema, type SheetChanges } from '../../schemas/sheet';
import { mergedQuestions, mergedSections, sectionRefusal, writeSectionChanges } from './sections';
import { recordSubmission } from '../db/queries/submissions';

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

/**
 * One of the sheets this user writes (their own, or a collective's they fill); any other is reported as not
 * found, so ids reveal nothing.
 */
export function ownSheet(db: Db, user: AuthUser, sheetId: number): SheetDetail | undefined {
	if (!Number.isSafeInteger(sheetId)) return undefined;
	const detail = loadSheetDetail(db, sheetId);
	return detail && writesSheet(user, detail.sheet) ? detail : undefined;
}

/** Why a sheet cannot be changed by its member now, or null when it can. */
export function editRefusal(detail: Pick<SaveTarget, 'sheet' | 'period'>, today: string): Refusal | null {
	const locked = periodLock(detail.period, today);
	if (locked) return { ok: false, status: 409, message: locked };
	const collective = isCollectiveGroup(detail.sheet.targetGroup);
	if (detail.sheet.status === 'submitted')
		return {
			ok: false,
			status: 409,
			message: collective
				? 'Phiếu của tập thể đã nộp nên không sửa được nữa. Nếu cần sửa, hãy đề nghị cấp ủy cấp trên trả lại phiếu.'
				: 'Phiếu đã nộp nên không sửa được nữa. Nếu cần sửa, hãy đề nghị bí thư chi bộ trả lại phiếu.'
		};
	if (detail.sheet.status === 'approved')
		return {
			ok: false,
			status: 409,
			message: collective
				? 'Phiếu của tập thể đã được cấp ủy cấp trên duyệt và khóa.'
				: 'Phiếu đã được chi ủy duyệt và khóa.'
		};
	return null;
}

// The codes of a group's signs, worked out once per template version (versions never change).
const codesCache = new WeakMap<TemplateContent, Map<SheetGroup, Set<string>>>();

function signCodes(content: TemplateContent, group: SheetGroup): Set<string> {
	let byGroup = codesCache.get(content);
	if (!byGroup) codesCache.set(content, (byGroup = new Map()));
	let codes = byGroup.get(group);
	if (!codes) byGroup.set(group, (codes = new Set(signsForGroup(content, group).map((s) => s.code))));
	return codes;
}

/** Checks that a change names only signs and plan lines that belong to this sheet; reads the plan lines only when a change names one. */
function foreignCode(db: Db, target: SaveTarget, changes: SheetChanges): Refusal | null {
	const codes = signCodes(target.content, target.sheet.targetGroup);
	for (const code of Object.keys(changes.answers ?? {})) {
		if (!codes.has(code)) return { ok: false, status: 400, message: `Biểu hiện ${code} không có trong phiếu của bạn.` };
	}
	const named = Object.keys(changes.progress ?? {});
	if (named.length === 0) return null;
	const lines = new Set(sheetProgress(db, target.sheet.id).map((p) => p.code));
	for (const code of named) {
		if (!lines.has(code))
			return { ok: false, status: 400, message: `Kế hoạch năm trước không có biện pháp cho biểu hiện ${code}.` };
	}
	return null;
}

function mergedAnswers(stored: Record<string, AnswerEntry>, changes: SheetChanges): Record<string, AnswerEntry> {
	const merged = { ...stored };
	for (const [code, change] of Object.entries(changes.answers ?? {})) {
		merged[code] = {
			...EMPTY_ANSWER,
			...merged[code],
			...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined))
		};
	}
	return merged;
}

/** The stored levels with the save's level changes on top (null clears a level). */
function mergedLevels(stored: Record<string, AnswerLevel>, changes: SheetChanges): Answers {
	const levels: Answers = { ...stored };
	for (const [code, change] of Object.entries(changes.answers ?? {})) {
		if (change.level === undefined) continue;
		if (change.level === null) delete levels[code];
		else levels[code] = change.level;
	}
	return levels;
}

const changesLevel = (changes: SheetChanges) => Object.values(changes.answers ?? {}).some((a) => a.level !== undefined);

const STALE: Refusal = {
	ok: false,
	status: 409,
	message: 'Phiếu vừa được lưu từ một thẻ hoặc thiết bị khác. Hãy tải lại trang để xem bản mới nhất rồi sửa tiếp.'
};

/** Thrown inside the save's transaction to roll back what it wrote and answer with the refusal. */
class RolledBack extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.message);
	}
}

/** A save's answer: the new revision; the score when it changed (a level was given or cleared, or the sheet handed in). */
export type SaveResult = { ok: true; revision: number; savedAt: number; score?: SheetScore } | Refusal;

/**
 * Applies one save to a member's own sheet. The revision check makes a stale tab's write fail
 * instead of silently overwriting what another tab saved; everything happens in one transaction.
 * An autosave reads the sheet once (with the levels given so far only when a level changed), writes the answer and
 * the sheet row, and nothing else; a hand-in reads every answer and plan line to check the sheet is complete.
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
	const submit = options.submit === true;
	const rescore = !submit && changesLevel(changes);
	try {
		return immediateTransaction(db, saveIn)(user, sheetId, changes, today, submit, rescore);
	} catch (err) {
		if (err instanceof RolledBack) return err.refusal;
		throw err;
	}
}

function saveIn(
	tx: Db,
	user: AuthUser,
	sheetId: number,
	changes: SheetChanges,
	today: string,
	submit: boolean,
	rescore: boolean
): SaveResult {
	const found = Number.isSafeInteger(sheetId) ? loadSaveTarget(tx, sheetId, { levels: rescore }) : undefined;
	// Someone else's sheet is "not found", so ids reveal nothing.
	const target = found && writesSheet(user, found.sheet) ? found : undefined;
	if (!target) return { ok: false, status: 404, message: 'Không tìm thấy phiếu.' } satisfies Refusal;
	const refused = editRefusal(target, today) ?? foreignCode(tx, target, changes) ?? sectionRefusal(tx, target, changes);
	if (refused) return refused;
	if (changes.revision !== target.sheet.revision) return STALE;
	const group = target.sheet.targetGroup;
	let score: SheetScore | undefined;
	let problems: Problem[] = [];
	if (submit) {
		if (target.period.deadline < today) {
			return {
				ok: false,
				status: 403,
				message: lateHandInMessage(target.period.deadline, group)
			} satisfies Refusal;
		}
		const answers = mergedAnswers(sheetAnswers(tx, sheetId), changes);
		const progress = Object.fromEntries(
			sheetProgress(tx, sheetId).map((p) => {
				const changed = changes.progress?.[p.code]?.status;
				return [p.code, { status: changed !== undefined ? changed : p.status, note: p.note }];
			})
		);
		const texts = {
			strengths: changes.texts?.strengths ?? target.sheet.strengths,
			shortcomings: changes.texts?.shortcomings ?? target.sheet.shortcomings,
			commitment: changes.texts?.commitment ?? target.sheet.commitment
		};
		const sections = mergedSections(tx, target, changes);
		const questions = mergedQuestions(tx, target, changes);
		score = scoreSheet(target.content, group, levelsOf(answers));
		problems = sheetProblems(target.content, group, answers, progress, { texts, sections, questions, today });
	} else if (rescore) {
		score = scoreSheet(target.content, group, mergedLevels(target.levels ?? {}, changes));
	}
	const now = new Date();
	const submitting = submit && problems.length === 0;
	const revision = target.sheet.revision + 1;
	const written = writeSheetSave(tx, sheetId, target.sheet.revision, changes, {
		updatedAt: now,
		texts: changes.texts,
		score: score && { score: score.score, rating: score.rating, answered: score.answered },
		submittedAt: submitting ? now : undefined
	});
	// The row was read under the write lock, so this only happens if something else changed it meanwhile.
	if (!written) throw new RolledBack(STALE);
	writeSectionChanges(tx, sheetId, changes);
	if (submitting) {
		const collective = target.sheet.collectiveUnitId !== null;
		auditSheet(tx, {
			actorId: user.id,
			sheetId,
			chapterId: target.sheet.chapterId,
			action: collective ? 'collective.submit' : 'sheet.submit',
			detail: { score: score!.score, rating: score!.rating }
		});
		resolveReviewNotes(tx, sheetId, now);
		// What this hand-in contained, so the chi ủy can see what a later one changed.
		recordSubmission(tx, sheetId, now);
		// A collective is not a member: its sheet stays out of the members' counts.
		if (!collective)
			recordSheetTransition(tx, {
				periodId: target.period.id,
				chapterPath: target.chapter.path,
				before: {
					status: target.sheet.status,
					rating: target.sheet.rating,
					finalRating: target.sheet.finalRating,
					flagged: []
				},
				after: { status: 'submitted', rating: score!.rating, finalRating: null, flagged: score!.flagged }
			});
	}
	if (submit && !submitting) {
		// What was typed is kept; only the hand-in waits until the gaps are filled.
		return {
			ok: false,
			status: 422,
			message: 'Phiếu chưa đủ để nộp. Hãy bổ sung các mục dưới đây.',
			problems,
			revision
		} satisfies Refusal;
	}
	return { ok: true, revision, savedAt: now.getTime(), score };
}

/**
 * The member's sheets of every year for the "Các năm" table, each score only where it set the result (a score
 * beside a result a serious or critical sign decided would contradict it), read with the sheet's own version.
 */
export function memberYears(db: Db, memberId: number) {
	return memberSheets(db, memberId).map(({ templateVersionId, ...s }) => {
		const content = templateContent(db, templateVersionId);
		return {
			...s,
			shownScore: content ? displayedScore(content, s.score, s.rating) : null,
			flagged: s.flagged ? s.flagged.split(' ') : []
		};
	});
}
