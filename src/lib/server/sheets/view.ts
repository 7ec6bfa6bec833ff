import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import { sectionNoneCodes, type SheetDetail } from '../db/queries/sheets';
import { signCatalog } from '../db/queries/signs';
import { templateContent } from '../db/queries/template-content';
import {
	CATEGORY_KEYS,
	CATEGORY_LABELS,
	signsForGroup,
	type SheetGroup,
	type TemplateContent
} from '../../domain/template';
import { displayText, type Sign } from '../../domain/catalog';
import { editRefusal } from './member';
import { reviewedSheet, reviewRights, sheetNeighbours } from './review';
import { sheetHistory } from '../db/queries/audit';
import type { AuthUser } from '../auth/types';
import { describeSheetEvent } from '../../domain/audit';
import { scoreSheet } from '../../domain/scoring';
import { levelsOf } from '../../domain/sheet';
import { formView, questionsFor } from './sections';
import { formFor } from '../../domain/sections';
import { neighbours } from '../../domain/chapter-list';
import { decidingBody } from '../../domain/review-rights';

/**
 * The questionnaire of one template version for one group: the scoring rules and the group's signs (enough for the
 * browser to score live with the server's function), under their parents and categories. The same for every member
 * of the group, so the member's page fetches it once per version (`questionnaireUrl`) instead of in every page's data.
 */
export function questionnaire(db: Db, content: TemplateContent, group: SheetGroup) {
	return questionnaireWith(signCatalog(db), content, group);
}

/** The same, with the signs' wording given (the benchmark's form floor has no database). */
function questionnaireWith(catalog: Sign[], content: TemplateContent, group: SheetGroup) {
	const signs = signsForGroup(content, group);
	return {
		content: { ...content, signs, exclusions: [] },
		categories: CATEGORY_KEYS.map((key) => ({
			key,
			label: CATEGORY_LABELS[key],
			parents: catalog
				.filter((p) => p.category === key)
				.map((p) => ({ id: p.id, number: p.number, ...displayText(p), signs: signs.filter((s) => s.parent === p.id) }))
				.filter((p) => p.signs.length > 0)
		}))
	};
}
export type Questionnaire = ReturnType<typeof questionnaire>;

/** The questionnaire of a template version for a group, or undefined when there is no such version. */
export function versionQuestionnaire(db: Db, versionId: number, group: SheetGroup): Questionnaire | undefined {
	const content = Number.isSafeInteger(versionId) ? templateContent(db, versionId) : undefined;
	return content && questionnaire(db, content, group);
}

/** A short digest of a questionnaire: its address changes when its wording does, so a browser may keep it for good. */
export function questionnaireDigest(q: Questionnaire): string {
	return createHash('sha256').update(JSON.stringify(q)).digest('base64url').slice(0, 16);
}

/** The address of a sheet's questionnaire, with its digest. */
export function questionnaireUrl(detail: SheetDetail, q: Questionnaire): string {
	return `/sheets/questionnaire/${detail.sheet.templateVersionId}/${detail.sheet.targetGroup}.json?h=${questionnaireDigest(q)}`;
}

/**
 * The member's own sheet page: the state of the sheet and the address of its questionnaire (see `questionnaire`).
 * The questionnaire itself comes along only with a whole page (`withQuestionnaire`), which must render without
 * JavaScript; the page's data on its own (a navigation in the app, a reload of the data) leaves it out, and the page
 * takes it from its address, kept by the browser and the service worker.
 * `sectionNone`: the signs answered "Không có biểu hiện" for the rest of their section at once.
 */
export function memberSheetView(db: Db, detail: SheetDetail, today: string, withQuestionnaire: boolean) {
	const { content, categories, ...state } = sheetView(db, detail, today);
	const url = questionnaireUrl(detail, { content, categories });
	return {
		...state,
		questionnaireUrl: url,
		questionnaire: withQuestionnaire ? { content, categories } : null,
		sectionNone: sectionNoneCodes(db, detail.sheet.id)
	};
}

/** The sheet as its page shows it: the group's signs under their parents and categories, the answers, and whether it can be changed. */
export function sheetView(db: Db, detail: SheetDetail, today: string) {
	// The Bản kiểm điểm's sections (null for a sheet of a version without them).
	return { ...sheetViewWith(signCatalog(db), detail, today), form: formView(db, detail) };
}

/** The same, with the signs' wording given: the benchmark's form floor renders it with no database. */
export function sheetViewWith(catalog: Sign[], detail: SheetDetail, today: string) {
	const group = detail.sheet.targetGroup;
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
		...questionnaireWith(catalog, detail.content, group),
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
		finalRating: detail.sheet.finalRating,
		/** Set on a collective's sheet: the collective it is filled for. */
		collective: detail.collective
			? {
					name: detail.person.fullName,
					back: collectiveHome(group, detail.collective.unitId)
				}
			: null
	};
}

/** The page of the unit whose collective a sheet is: the chapter's page for a chi bộ, the unit's for a cấp ủy. */
function collectiveHome(group: SheetGroup, unitId: number): string {
	return `/${group === 'CB' ? 'chapters' : 'units'}/${unitId}`;
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
		deciderSentence: rights.deciderSentence,
		// Who the decision is written in the name of: the chi ủy, or the committee above (a collective's sheet, a
		// secretary's own sheet in a chapter with no other secretary).
		decidedBy: decidingBody(rights.decider),
		person: detail.person,
		// Where the page leads back to: the chapter's list for a member's sheet, the collective's unit for its own.
		back: detail.collective
			? { href: collectiveHome(detail.sheet.targetGroup, detail.collective.unitId), name: detail.collective.unitName }
			: { href: `/chapters/${chapter.id}`, name: chapter.name },
		isCollective: detail.collective !== null,
		status: detail.sheet.status,
		period: { name: detail.period.name, year: detail.period.year },
		group: detail.sheet.targetGroup,
		// A collective's sheet is not among the members' in the chapter's order.
		neighbours: detail.collective ? neighbours([], detail.sheet.id) : sheetNeighbours(db, detail),
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
			// The chi ủy may attach gợi ý kiểm điểm before the hand-in; the member's answers stay theirs until then.
			questions: formFor(detail.content, detail.sheet.targetGroup) ? questionsFor(db, detail, false) : null,
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
