// Reads of collectives' sheets (tập thể chi bộ, tập thể cấp ủy) for the committee's pages: counted apart from the
// members' sheets, which the maintained unit_stats hold. Data only: who decides which is in the domain.
import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { exampleRating, sheet, unit } from '../schema';
import { inSubtree } from './units';

/** One collective's sheet in a subtree, with its unit. */
export interface CollectiveSheetRow {
	sheetId: number;
	unitId: number;
	unitName: string;
	unitPath: string;
	targetGroup: (typeof sheet.$inferSelect)['targetGroup'];
	collectiveUnitId: number;
	memberId: null;
	chapterId: number;
	status: (typeof sheet.$inferSelect)['status'];
	rating: (typeof sheet.$inferSelect)['rating'];
	finalRating: (typeof sheet.$inferSelect)['finalRating'];
	submittedAt: Date | null;
	exampleSelf: (typeof exampleRating.$inferSelect)['selfRating'] | null;
	exampleReviewer: (typeof exampleRating.$inferSelect)['reviewerRating'];
}

/** The collectives' sheets of a period in a unit's subtree, the unit's own left out, in the tree's order. */
export function collectiveSheetsBelow(db: Db, root: { id: number; path: string }, periodId: number) {
	return db
		.select({
			sheetId: sheet.id,
			unitId: unit.id,
			unitName: unit.name,
			unitPath: unit.path,
			targetGroup: sheet.targetGroup,
			collectiveUnitId: sheet.collectiveUnitId,
			chapterId: sheet.chapterId,
			status: sheet.status,
			rating: sheet.rating,
			finalRating: sheet.finalRating,
			submittedAt: sheet.submittedAt,
			exampleSelf: exampleRating.selfRating,
			exampleReviewer: exampleRating.reviewerRating
		})
		.from(sheet)
		.innerJoin(unit, eq(unit.id, sheet.collectiveUnitId))
		.leftJoin(exampleRating, eq(exampleRating.sheetId, sheet.id))
		.where(
			and(eq(sheet.periodId, periodId), isNotNull(sheet.collectiveUnitId), inSubtree(root.path), ne(unit.id, root.id))
		)
		.orderBy(asc(unit.path))
		.all()
		.map((r) => ({ ...r, collectiveUnitId: r.collectiveUnitId!, memberId: null }) satisfies CollectiveSheetRow);
}
