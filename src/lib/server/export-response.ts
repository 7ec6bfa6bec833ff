import { error } from '@sveltejs/kit';
import type { Db } from './db/client';
import type { UnitRow } from './db/queries/units';
import { CHAPTER_KINDS } from './db/queries/units';
import { choosePeriod, unitOverview } from './overview';
import { fileResponse, toCsv, toXlsx, type ExportRow } from './export';
import { resultRows } from './db/queries/export';
import { templateContent } from './db/queries/template-content';
import { scoreBesideRating } from '../domain/scoring';
import { todayIso } from '../domain/dates';

/** The rows of a unit's subtree for a period, each score read with the period's template version. */
export function exportRows(db: Db, unitPath: string, period: { id: number; templateVersionId: number }): ExportRow[] {
	const content = templateContent(db, period.templateVersionId);
	return resultRows(db, unitPath, period.id).map((r) => ({
		...r,
		shownScore: content ? scoreBesideRating(content, r.score, r.rating) : null
	}));
}

/** The results of a unit's subtree for the period in `?period=` (or the current one) as an XLSX or CSV download; a committee's XLSX adds its units' counts. */
export async function exportResponse(db: Db, unit: UnitRow, format: string, asked: string | null): Promise<Response> {
	if (format !== 'xlsx' && format !== 'csv') error(404, 'Định dạng xuất không hỗ trợ.');
	const { period } = choosePeriod(db, unit, asked, todayIso());
	if (!period) error(404, 'Chưa có đợt kiểm điểm nào cho đơn vị này.');
	const rows = exportRows(db, unit.path, period);
	const title = `Kết quả tự soi, tự sửa — ${unit.name} — ${period.name}`;
	const name = `${title}.${format}`;
	if (format === 'csv') return fileResponse(toCsv(rows), name, format);
	// A committee's workbook also holds its units' counts, the self-ratings and the chi ủy's side by side.
	const overview = CHAPTER_KINDS.includes(unit.kind) ? null : unitOverview(db, unit, period);
	const units = overview && {
		title: `Kết quả theo đơn vị trực thuộc — ${unit.name} — ${period.name}`,
		children: overview.children,
		total: overview.counts
	};
	return fileResponse(await toXlsx(rows, title, units ?? undefined), name, format);
}
