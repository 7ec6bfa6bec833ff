// A unit's breakthrough tasks of a year as CSV or XLSX, with the same formula guards as the results export.
import { error } from '@sveltejs/kit';
import type { Db } from '../db/client';
import type { UnitRow } from '../db/queries/units';
import { reportsOf, tasksInSubtree } from '../db/queries/tasks';
import { cellsToCsv, cellsToXlsx, fileResponse, neutralise } from '../export';
import { taskResultLabel } from '../../domain/tasks';
import { formatDate } from '../../domain/dates';

const COLUMNS = [
	{ header: 'STT', width: 6 },
	{ header: 'Năm', width: 8 },
	{ header: 'Cán bộ được giao', width: 26 },
	{ header: 'Tên đăng nhập', width: 16 },
	{ header: 'Chi bộ', width: 30 },
	{ header: 'Nhiệm vụ', width: 40 },
	{ header: 'Kết quả cần đạt', width: 40 },
	{ header: 'Thời hạn', width: 12 },
	{ header: 'Văn bản giao', width: 16 },
	{ header: 'Cấp ủy giao', width: 30 },
	{ header: 'Báo cáo tiến độ gần nhất', width: 40 },
	{ header: 'Kết quả', width: 20 },
	{ header: 'Nhận xét của cấp ủy', width: 40 }
] as const;

/** The header row. */
export const TASK_EXPORT_HEADERS = COLUMNS.map((c) => c.header);

/** The export's cells, one row per task, in the order of the unit's task page. */
export function taskExportCells(db: Db, unit: UnitRow, year: number): (string | number | null)[][] {
	const tasks = tasksInSubtree(db, unit.path, year);
	const reports = reportsOf(
		db,
		tasks.map((t) => t.id)
	);
	const last = new Map(reports.map((r) => [r.taskId, r.text]));
	return tasks.map((t, i) => [
		i + 1,
		t.year,
		neutralise(t.leaderName),
		neutralise(t.leaderUsername),
		neutralise(t.chapterName),
		neutralise(t.title),
		neutralise(t.expectedResult),
		formatDate(t.deadline),
		neutralise(t.decisionNo),
		neutralise(t.unitName),
		neutralise(last.get(t.id) ?? ''),
		taskResultLabel(t.result),
		neutralise(t.resultComment)
	]);
}

/** The download: `format` is "csv" or "xlsx" (anything else is a 404). */
export async function taskExportResponse(db: Db, unit: UnitRow, format: string, year: number): Promise<Response> {
	if (format !== 'xlsx' && format !== 'csv') error(404, 'Định dạng xuất không hỗ trợ.');
	const title = `Nhiệm vụ đột phá năm ${year} — ${unit.name}`;
	const rows = taskExportCells(db, unit, year);
	const name = `${title}.${format}`;
	if (format === 'csv') return fileResponse(cellsToCsv(TASK_EXPORT_HEADERS, rows), name, format);
	const body = await cellsToXlsx({ title, sheetName: 'Nhiệm vụ đột phá', columns: COLUMNS, rows });
	return fileResponse(body, name, format);
}
