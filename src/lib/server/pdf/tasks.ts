// A leader's sections of the printed review (pdfmake), mounted by pdf/personal.ts: breakthrough tasks and example-setting.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { LEADER_TASKS_TITLE, type LeaderTaskLine } from '../../domain/tasks';
import { EXAMPLE_SETTING_PROMPT, EXAMPLE_SETTING_TITLE, type ExampleSettingLines } from '../../domain/example-setting';
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

/** The example-setting ratings, or nothing for a member outside group A. */
export function exampleSettingContent(lines: ExampleSettingLines | null | undefined): Content[] {
	if (!lines) return [];
	return [
		{
			unbreakable: lines.note.length + lines.reason.length <= LONG_CELL,
			stack: [
				{ text: EXAMPLE_SETTING_TITLE, bold: true, margin: [0, 8, 0, 2] },
				{ text: ['Tự đánh giá: ', { text: lines.self, bold: true }] },
				...(lines.note ? [{ text: `${EXAMPLE_SETTING_PROMPT}: ${lines.note}`, alignment: 'justify' } as Content] : []),
				{
					text: [
						'Cấp ủy đánh giá: ',
						{ text: lines.reviewer, bold: true },
						lines.reason ? ` (lý do: ${lines.reason})` : ''
					]
				},
				{ text: 'Kết quả nêu gương không cộng vào điểm tự soi, tự sửa.', italics: true, margin: [0, 2, 0, 0] }
			]
		}
	];
}
