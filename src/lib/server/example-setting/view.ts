// What the example-setting pages show: a leader's own sheets with their ratings, and a unit's roll-up of
// group A sheets where the example-setting ratings stand beside (never inside) the sheets' own result.
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import type { UnitRow } from '../db/queries/units';
import type { PeriodRow } from '../db/queries/periods';
import { CHAPTER_KINDS } from '../db/queries/units';
import { loadSheetCore, memberSheets } from '../db/queries/sheets';
import { exampleCountsInSubtree, exampleRowsInSubtree, findExampleRating } from '../db/queries/example-setting';
import { editRefusal } from '../sheets/member';
import { reviewGate } from './review';
import {
	EXAMPLE_RATINGS,
	exampleSettingApplies,
	exampleSettingLines,
	selfRatingRefusal,
	type ExampleRating,
	type ExampleSettingLines
} from '../../domain/example-setting';
import { handedInRating } from '../../domain/chapter-list';
import type { SheetGroup } from '../../domain/template';

/** The leader's group A sheets, newest first, each with its example-setting ratings and whether they may rate now. */
export function myExampleSheets(db: Db, user: AuthUser, today: string) {
	return memberSheets(db, user.id).flatMap((s) => {
		const core = loadSheetCore(db, s.id);
		if (!core || !exampleSettingApplies(core.sheet.targetGroup)) return [];
		const lock = editRefusal(core, today)?.message ?? null;
		const rating = findExampleRating(db, s.id);
		return [
			{
				sheetId: s.id,
				periodName: s.periodName,
				status: s.status,
				// The sheet's own result (kết quả tự soi), never the chi ủy's under its name.
				sheetResult: handedInRating(s),
				self: rating?.selfRating ?? null,
				selfNote: rating?.selfNote ?? '',
				reviewer: rating?.reviewerRating ?? null,
				reviewerReason: rating?.reviewerReason ?? null,
				mayRate: selfRatingRefusal(user, core.sheet, lock) === null,
				lock
			}
		];
	});
}

type Tally = Record<ExampleRating, number>;
const zero = (): Tally => ({ tot: 0, kha: 0, trung_binh: 0, yeu_kem: 0 });

/**
 * A unit's roll-up for a period: how the group A sheets' own results, the members' example-setting ratings and
 * the reviewers' fall, in three separate columns; for a chapter also each sheet, with a form where this user decides it.
 */
export function unitExample(db: Db, user: AuthUser, unit: UnitRow, period: PeriodRow) {
	const sheetResult = zero();
	const self = zero();
	const reviewer = zero();
	let sheets = 0;
	let notSelfRated = 0;
	let notReviewed = 0;
	let noSheetResult = 0;
	for (const row of exampleCountsInSubtree(db, unit.path, period.id)) {
		sheets += row.n;
		const result = handedInRating(row);
		if (result) sheetResult[result] += row.n;
		else noSheetResult += row.n;
		if (row.self) self[row.self] += row.n;
		else notSelfRated += row.n;
		if (row.reviewer) reviewer[row.reviewer] += row.n;
		else notReviewed += row.n;
	}
	const isChapter = CHAPTER_KINDS.includes(unit.kind);
	const rows = isChapter
		? exampleRowsInSubtree(db, unit.path, period.id).map((r) => {
				const gate = reviewGate(db, user, r.sheetId);
				return {
					...r,
					sheetResult: handedInRating(r),
					mayReview: gate !== undefined && gate.refused === null
				};
			})
		: [];
	return {
		levels: EXAMPLE_RATINGS,
		counts: { sheets, sheetResult, self, reviewer, notSelfRated, notReviewed, noSheetResult },
		isChapter,
		rows
	};
}

/** The example-setting lines of a sheet's printed review: only for group A, null for everyone else. */
export function exampleSettingOf(db: Db, sheet: { id: number; targetGroup: SheetGroup }): ExampleSettingLines | null {
	return exampleSettingApplies(sheet.targetGroup) ? exampleSettingLines(findExampleRating(db, sheet.id) ?? null) : null;
}
