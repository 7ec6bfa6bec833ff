import { error } from '@sveltejs/kit';
import type { Db } from './db/client';
import type { UnitRow } from './db/queries/units';
import { resultRows } from './db/queries/export';
import { CHAPTER_KINDS } from './db/queries/units';
import { choosePeriod, unitOverview } from './overview';
import { attachment, toCsv, toXlsx } from './export';
import { todayIso } from '../domain/dates';

/** The results of a unit's subtree for the period in `?period=` (or the current one) as an XLSX or CSV download; a committee's XLSX adds its units' counts. */
export async function exportResponse(db: Db, unit: UnitRow, format: string, asked: string | null): Promise<Response> {
	if (format !== 'xlsx' && format !== 'csv') error(404, 'Định dạng xuất không hỗ trợ.');
	const { period } = choosePeriod(db, unit, asked, todayIso());
	if (!period) error(404, 'Chưa có đợt kiểm điểm nào cho đơn vị này.');
	const rows = resultRows(db, unit.path, period.id);
	const name = `Kết quả tự soi, tự sửa — ${unit.name} — ${period.name}.${format}`;
	if (format === 'csv') {
		return new Response(toCsv(rows), {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': attachment(name) }
		});
	}
	// A committee's workbook also holds its units' counts, the self-ratings and the chi ủy's side by side.
	const overview = CHAPTER_KINDS.includes(unit.kind) ? null : unitOverview(db, unit, period);
	const units = overview && {
		title: `Kết quả theo đơn vị trực thuộc — ${unit.name} — ${period.name}`,
		children: overview.children,
		total: overview.counts
	};
	const body = await toXlsx(rows, `Kết quả tự soi, tự sửa — ${unit.name} — ${period.name}`, units ?? undefined);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': attachment(name)
		}
	});
}
