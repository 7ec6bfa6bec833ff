// The leader's breakthrough tasks as a section of the printed review (pdfmake), mounted by pdf/personal.ts.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { LEADER_TASKS_TITLE, type LeaderTaskLine } from '../../domain/tasks';
import { ruledTable } from './document';

/** Rows longer than this may break across pages (as in the personal report). */
const LONG_CELL = 500;

function taskCell(t: LeaderTaskLine): TableCell {
	return {
		stack: [
			{ text: t.title, bold: true },
			{ text: `Kết quả cần đạt: ${t.expectedResult}`, margin: [0, 2, 0, 0] },
			{ text: `Thời hạn ${t.deadline}; ${t.decision} (${t.assignedBy})`, italics: true, margin: [0, 2, 0, 0] },
			...(t.lastReport ? [{ text: `Báo cáo tiến độ: ${t.lastReport}`, margin: [0, 2, 0, 0] } as Content] : [])
		]
	};
}

function resultCell(t: LeaderTaskLine): TableCell {
	return {
		stack: [
			{ text: t.result, bold: true },
			...(t.comment ? [{ text: t.comment, italics: true, margin: [0, 2, 0, 0] } as Content] : [])
		]
	};
}

/** The section, or nothing for a member who carried no task that year. */
export function leaderTasksContent(tasks: readonly LeaderTaskLine[] | undefined): Content[] {
	if (!tasks || tasks.length === 0) return [];
	const long = tasks.some((t) =>
		[t.title, t.expectedResult, t.lastReport, t.comment].some((x) => x.length > LONG_CELL)
	);
	return [
		ruledTable({
			label: LEADER_TASKS_TITLE,
			widths: [28, '*', 120],
			columns: ['TT', 'Nhiệm vụ được giao', 'Kết quả (cấp ủy đánh giá)'],
			rows: tasks.map((t, i) => [{ text: String(i + 1), alignment: 'center' }, taskCell(t), resultCell(t)]),
			keepRowsWhole: !long
		})
	];
}
