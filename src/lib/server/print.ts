import { error } from '@sveltejs/kit';
import type { Db } from './db/client';
import type { UnitRow } from './db/queries/units';
import { choosePeriod } from './overview';
import { todayIso } from '../domain/dates';
import { reviewedSheet } from './sheets/review';
import type { SheetDetail } from './db/queries/sheets';

/** The period a chapter's print or PDF is for (`?period=`, else the open one, else the newest); 404 when there is none. */
export function periodForPrint(db: Db, chapter: UnitRow, asked: string | null) {
	const { period } = choosePeriod(db, chapter, asked, todayIso());
	if (!period) error(404, 'Chưa có đợt kiểm điểm nào cho chi bộ này.');
	return period;
}

/** A sheet's content for its print or PDF: 404 when it is not this chapter's, 403 while it is the member's draft. */
export function readableSheet(db: Db, chapterId: number, sheetId: number): SheetDetail {
	const reviewed = reviewedSheet(db, chapterId, sheetId);
	if (!reviewed) error(404, 'Không tìm thấy phiếu trong chi bộ này.');
	if (!reviewed.readable) error(403, DRAFT_IS_MEMBERS);
	return reviewed.detail;
}

/** Why a reviewer cannot read a sheet that has not been handed in. */
export const DRAFT_IS_MEMBERS = 'Đảng viên chưa nộp phiếu này. Trước khi nộp, chỉ đảng viên xem được nội dung phiếu.';

/** A file name from a person's or unit's name and the year. */
export function reportFileName(kind: string, name: string, year: number): string {
	return `${kind} — ${name} — ${year}.pdf`;
}
