// Who decides a sheet, asked in one place for a member's sheet (domain/review-rights.ts) and for a collective's
// (domain/collective.ts), so the review, the example-setting rating and the pages agree.
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import type { SheetRow } from '../db/queries/sheets';
import { reviewParties } from '../db/queries/roles';
import { decisionRefusal, deciderOf, secretarySheetDecider, type Decider } from '../../domain/review-rights';
import {
	collectiveDecisionRefusal,
	collectiveDeciderOf,
	collectiveDeciderSentence,
	type CollectiveContext
} from '../../domain/collective';
import { isCollectiveGroup } from '../../domain/template';

type Sheet = Pick<SheetRow, 'memberId' | 'collectiveUnitId' | 'chapterId' | 'targetGroup'>;

/** A collective's sheet's context: its unit, its group and the committee directly above the unit. */
export function collectiveContextOf(db: Db, sheet: Sheet, path: string): CollectiveContext | null {
	if (sheet.collectiveUnitId === null || !isCollectiveGroup(sheet.targetGroup)) return null;
	const { committeeAbove } = reviewParties(db, { id: sheet.collectiveUnitId, path });
	return { unitId: sheet.collectiveUnitId, group: sheet.targetGroup, committeeAbove };
}

/** Why this actor may not decide this sheet (return, approve, reopen, rate its example-setting), or null. */
export function sheetDecisionRefusal(db: Db, actor: AuthUser, sheet: Sheet, path: string): string | null {
	const collective = collectiveContextOf(db, sheet, path);
	if (collective) return collectiveDecisionRefusal(actor, collective);
	const parties = reviewParties(db, { id: sheet.chapterId, path });
	return decisionRefusal(actor, { ...parties, ownerId: sheet.memberId! });
}

/** Who decides the sheet and the sentence the pages show about it. */
export function sheetDecider(db: Db, sheet: Sheet, path: string): { decider: Decider; sentence: string } {
	const collective = collectiveContextOf(db, sheet, path);
	if (collective)
		return {
			decider: collectiveDeciderOf(collective),
			sentence: collectiveDeciderSentence(collective)
		};
	const parties = reviewParties(db, { id: sheet.chapterId, path });
	return { decider: deciderOf({ ...parties, ownerId: sheet.memberId! }), sentence: secretarySheetDecider(parties) };
}
