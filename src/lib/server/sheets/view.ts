import type { Db } from '../db/client';
import type { SheetDetail } from '../db/queries/sheets';
import { signCatalog } from '../db/queries/signs';
import { CATEGORY_KEYS, CATEGORY_LABELS, signsForGroup } from '../../domain/template';
import { displayText, type Sign } from '../../domain/catalog';
import { editRefusal } from './member';
import { reviewedSheet, reviewRights, sheetNeighbours } from './review';
import { sheetHistory } from '../db/queries/audit';
import type { AuthUser } from '../auth/types';
import { describeSheetEvent } from '../../domain/audit';
import { scoreSheet } from '../../domain/scoring';
import { levelsOf } from '../../domain/sheet';
import { formView } from './sections';

/** The sheet as its page shows it: the group's signs under their parents and categories, the answers, and whether it can be changed. */
export function sheetView(db: Db, detail: SheetDetail, today: string) {
	// The Bản kiểm điểm's sections (null for a sheet of a version without them).
	return { ...sheetViewWith(signCatalog(db), detail, today), form: formView(db, detail) };
}

/** The same, with the signs' wording given: the benchmark's form floor renders it with no database. */
export function sheetViewWith(catalog: Sign[], detail: SheetDetail, today: string) {
	const group = detail.sheet.targetGroup;
	const signs = signsForGroup(detail.content, group);
	const refusal = editRefusal(detail, today);
	return {
		id: detail.sheet.id,
		status: detail.sheet.status,
		revision: detail.sheet.revision,
		group,
		period: {
			name: detail.period.name,
			year: detail.period.year,
			deadline: detail.period.deadline,
			deadlinePassed: detail.period.deadline < today
		},
		editable: refusal === null,
		lockedReason: refusal?.message ?? null,
		updatedAt: detail.sheet.updatedAt.getTime(),
		hasSaved: detail.sheet.revision > 0,
		// Only the rules and this group's signs: enough for the browser to score live with the server's function.
		content: { ...detail.content, signs, exclusions: [] },
		categories: CATEGORY_KEYS.map((key) => ({
			key,
			label: CATEGORY_LABELS[key],
			parents: catalog
				.filter((p) => p.category === key)
				.map((p) => ({ id: p.id, number: p.number, ...displayText(p), signs: signs.filter((s) => s.parent === p.id) }))
				.filter((p) => p.signs.length > 0)
		})),
		answers: detail.answers,
		texts: {
			strengths: detail.sheet.strengths,
			shortcomings: detail.sheet.shortcomings,
			commitment: detail.sheet.commitment
		},
		progress: detail.progress,
		// The member sees the notes still waiting for an answer; older ones are in the history.
		notes: detail.notes
			.filter((n) => n.resolvedAt === null)
			.map((n) => ({
				id: n.id,
				code: n.code,
				text: n.text,
				authorName: n.authorName,
				createdAt: n.createdAt.getTime()
			})),
		assessment: detail.sheet.assessment,
		finalRating: detail.sheet.finalRating
	};
}

/**
 * Everything the secretary's review page shows: who, the status, the neighbours in the chapter's order and
 * the history; the sheet itself only when the reader may read it (a draft stays the member's: its progress only).
 */
export function reviewPage(
	db: Db,
	actor: AuthUser,
	chapter: { id: number; name: string },
	sheetId: number,
	today: string
) {
	const reviewed = reviewedSheet(db, chapter.id, sheetId);
	if (!reviewed) return undefined;
	const { detail } = reviewed;
	const rights = reviewRights(db, actor, detail);
	const base = {
		chapter,
		// Whether this user decides this very sheet: nobody decides their own, a secretary's goes to someone else.
		isSecretary: rights.canDecide,
		secretarySheet: rights.secretarySheet,
		person: detail.person,
		status: detail.sheet.status,
		period: { name: detail.period.name, year: detail.period.year },
		group: detail.sheet.targetGroup,
		neighbours: sheetNeighbours(db, detail),
		history: sheetHistory(db, detail.sheet.id).map((h) => ({
			id: h.id,
			at: h.at.getTime(),
			actorName: h.actorName ?? '',
			text: describeSheetEvent(h.action, h.detail),
			reason: h.reason
		}))
	};
	if (!reviewed.readable)
		return {
			...base,
			readable: false as const,
			progress: {
				answered: detail.sheet.answeredCount,
				total: signsForGroup(detail.content, detail.sheet.targetGroup).length,
				updatedAt: detail.sheet.updatedAt.getTime(),
				started: detail.sheet.revision > 0
			}
		};
	return {
		...base,
		readable: true as const,
		sheet: sheetView(db, detail, today),
		score: scoreSheet(detail.content, detail.sheet.targetGroup, levelsOf(detail.answers)),
		finalRatingReason: detail.sheet.finalRatingReason,
		submittedAt: detail.sheet.submittedAt?.getTime() ?? null,
		handIns: reviewed.handIns,
		changes: reviewed.changes,
		previousAt: reviewed.previousAt?.getTime() ?? null,
		allNotes: detail.notes.map((n) => ({
			...n,
			createdAt: n.createdAt.getTime(),
			resolvedAt: n.resolvedAt?.getTime() ?? null
		}))
	};
}
