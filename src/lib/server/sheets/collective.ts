// A collective's sheet (tập thể chi bộ, tập thể cấp ủy; HD 43-HD/BTCTW, Mẫu 1): opened and filled on the
// collective's behalf by its secretary (or the committee's members), with the member's sheet page, autosave and
// scoring; decided by the committee directly above (review.ts with the rule of domain/collective.ts).
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import type { UnitRow } from '../db/queries/units';
import type { PeriodRow } from '../db/queries/periods';
import { currentPeriodFor, isPeriodOpen } from '../db/queries/periods';
import {
	createCollectiveSheet,
	findCollectiveSheet,
	loadSheetCore,
	loadSheetDetail,
	type SheetDetail
} from '../db/queries/sheets';
import { findExampleRating } from '../db/queries/example-setting';
import { reviewGate } from '../example-setting/review';
import { countExampleRatings, selfRatingRefusal } from '../../domain/example-setting';
import { editRefusal } from './member';
import { collectiveSheetsBelow } from '../db/queries/collectives';
import { templateContent } from '../db/queries/template-content';
import { reviewParties } from '../db/queries/roles';
import { sheetDecisionRefusal } from './decide';
import {
	collectiveDecisionRefusal,
	collectiveDeciderSentence,
	collectiveGroupOf,
	collectiveName,
	fillRefusal,
	mayFill
} from '../../domain/collective';
import { closedPeriodMessage } from '../../domain/period';
import { COLLECTIVE_GROUP_LABELS, isCollectiveGroup, signsForGroup } from '../../domain/template';
import { formFor } from '../../domain/sections';
import { isHandedIn, SHEET_STATUSES, type SheetStatusKey } from '../../domain/sheet';
import type { Refusal } from './member';

/** Whether a template version has a collective's sheet for this group (edition 3 of the default and later). */
function versionHasGroup(db: Db, versionId: number, group: 'CB' | 'CU'): boolean {
	const content = templateContent(db, versionId);
	return !!content && signsForGroup(content, group).length > 0 && formFor(content, group) !== null;
}

/**
 * A unit's collective's sheet for a period as its unit's page shows it, and what this user may do with it: open
 * it (whoever fills it, in the period open today, on a template that has the collective's form), review it (the
 * committee above, once handed in, while the period is not closed).
 */
export function collectiveSheetState(db: Db, actor: AuthUser, unit: UnitRow, period: PeriodRow | null, today: string) {
	const group = collectiveGroupOf(unit.kind);
	const { committeeAbove } = reviewParties(db, unit);
	const existing = period ? findCollectiveSheet(db, unit.id, period.id) : undefined;
	const fills = mayFill(actor, { unitId: unit.id, group });
	const available = period ? versionHasGroup(db, period.templateVersionId, group) : false;
	const current = currentPeriodFor(db, unit.path, today);
	const openToday = !!period && current?.id === period.id && isPeriodOpen(period, today);
	const decides = collectiveDecisionRefusal(actor, { unitId: unit.id, group, committeeAbove }) === null;
	return {
		label: COLLECTIVE_GROUP_LABELS[group],
		name: collectiveName(group, unit.name),
		mayFill: fills,
		mayOpen: fills && !existing && available && openToday,
		mayReview: decides && !!existing && existing.status !== 'draft' && !!period && closedPeriodMessage(period) === null,
		available,
		decider: collectiveDeciderSentence({ committeeAbove }),
		sheet: existing ? { id: existing.id, status: existing.status as SheetStatusKey } : null,
		example: existing ? collectiveExample(db, actor, existing.id, today) : null
	};
}

/**
 * The collective's example-setting (nêu gương): its own four-level rating, given by whoever fills its sheet while
 * the sheet can change, and the committee above's once handed in; apart from the sheet's result, never mixed.
 */
function collectiveExample(db: Db, actor: AuthUser, sheetId: number, today: string) {
	const core = loadSheetCore(db, sheetId)!;
	const rating = findExampleRating(db, sheetId);
	const lock = editRefusal(core, today)?.message ?? null;
	const gate = reviewGate(db, actor, sheetId);
	return {
		self: rating?.selfRating ?? null,
		selfNote: rating?.selfNote ?? '',
		reviewer: rating?.reviewerRating ?? null,
		reviewerReason: rating?.reviewerReason ?? null,
		maySelfRate: selfRatingRefusal(actor, core.sheet, lock) === null,
		mayReview: gate !== undefined && gate.refused === null
	};
}

/**
 * Opens the collective's sheet of the unit for the open period, making it on first use; only whoever fills it
 * may, and only while the period is open and its template has the collective's form.
 */
export function openCollectiveSheet(
	db: Db,
	actor: AuthUser,
	unit: UnitRow,
	today: string
): { ok: true; detail: SheetDetail } | Refusal {
	const group = collectiveGroupOf(unit.kind);
	const refused = fillRefusal(actor, { unitId: unit.id, group });
	if (refused) return { ok: false, status: 403, message: refused };
	const period = currentPeriodFor(db, unit.path, today);
	if (!period || !isPeriodOpen(period, today))
		return { ok: false, status: 409, message: 'Hiện không có đợt kiểm điểm nào đang mở cho đơn vị này.' };
	const existing = findCollectiveSheet(db, unit.id, period.id);
	if (existing) return { ok: true, detail: loadSheetDetail(db, existing.id)! };
	if (!versionHasGroup(db, period.templateVersionId, group))
		return {
			ok: false,
			status: 409,
			message: `Mẫu phiếu của ${period.name} chưa có phiếu kiểm điểm của ${COLLECTIVE_GROUP_LABELS[group].toLowerCase()}.`
		};
	const made = createCollectiveSheet(db, {
		periodId: period.id,
		year: period.year,
		unitId: unit.id,
		group,
		templateVersionId: period.templateVersionId
	});
	return { ok: true, detail: loadSheetDetail(db, made.id)! };
}

/**
 * The collectives' sheets below a unit for a period, counted apart from the members: how many collectives have a
 * sheet in each status; and the ones this user decides (the committee directly above them), to review.
 */
export function collectivesBelow(db: Db, actor: AuthUser, unit: UnitRow, period: PeriodRow) {
	const rows = collectiveSheetsBelow(db, unit, period.id);
	const counts = Object.fromEntries(
		SHEET_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])
	) as Record<(typeof SHEET_STATUSES)[number], number>;
	const closed = closedPeriodMessage(period) !== null;
	const toReview = rows.flatMap((r) => {
		if (!isCollectiveGroup(r.targetGroup)) return [];
		const subject = { memberId: null, collectiveUnitId: r.unitId, chapterId: r.unitId, targetGroup: r.targetGroup };
		if (sheetDecisionRefusal(db, actor, subject, r.unitPath) !== null) return [];
		return [
			{
				sheetId: r.sheetId,
				unitId: r.unitId,
				name: collectiveName(r.targetGroup, r.unitName),
				status: r.status,
				// What the collective gave itself, once handed in; the committee's rating once approved.
				rating: isHandedIn(r.status) ? r.rating : null,
				finalRating: r.status === 'approved' ? r.finalRating : null,
				decidable: !closed && r.status !== 'draft',
				// Example-setting, beside the sheet's result (the collective's own once handed in, and the committee's).
				exampleSelf: isHandedIn(r.status) ? r.exampleSelf : null,
				exampleReviewer: r.exampleReviewer
			}
		];
	});
	const handedIn = rows.filter((r) => isHandedIn(r.status));
	const example = countExampleRatings(handedIn.map((r) => ({ self: r.exampleSelf, reviewer: r.exampleReviewer })));
	return { total: rows.length, handedIn: handedIn.length, counts, toReview, example };
}
