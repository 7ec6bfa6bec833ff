import type { Db } from '../db/client';
import type { SheetDetail } from '../db/queries/sheets';
import { signCatalog } from '../db/queries/signs';
import { CATEGORY_KEYS, CATEGORY_LABELS, signsForGroup } from '../../domain/template';
import { displayText, type Sign } from '../../domain/catalog';
import { editRefusal } from './member';

/** The sheet as its page shows it: the group's signs under their parents and categories, the answers, and whether it can be changed. */
export function sheetView(db: Db, detail: SheetDetail, today: string) {
	return sheetViewWith(signCatalog(db), detail, today);
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
