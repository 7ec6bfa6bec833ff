import { error } from '@sveltejs/kit';
import type { Db } from './db/client';
import type { UnitRow } from './db/queries/units';
import { loadSheetDetail } from './db/queries/sheets';
import { chapterRows } from './db/queries/overview';
import { choosePeriod } from './overview';
import { personalReport } from './reports';
import { todayIso } from '../domain/dates';

/** The period a chapter's print or PDF is for (`?period=`, else the open one, else the newest); 404 when there is none. */
export function periodForPrint(db: Db, chapter: UnitRow, asked: string | null) {
	const { period } = choosePeriod(db, chapter, asked, todayIso());
	if (!period) error(404, 'Chưa có đợt kiểm điểm nào cho chi bộ này.');
	return period;
}

/** Every sheet of a chapter for a period, in the order of the member list, as printed reports. */
export function bundleReports(db: Db, chapter: UnitRow, periodId: number) {
	return chapterRows(db, chapter.id, periodId)
		.filter((r) => r.sheetId !== null)
		.map((r) => personalReport(db, loadSheetDetail(db, r.sheetId!)!));
}

/** A file name from a person's or unit's name and the year. */
export function reportFileName(kind: string, name: string, year: number): string {
	return `${kind} — ${name} — ${year}.pdf`;
}
