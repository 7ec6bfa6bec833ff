// A member's sheet as a PDF, alone or in one file with the rest of the chapter's sheets.
import type { Content, Style, TableCell } from 'pdfmake/interfaces';
import { SELF_REPORT_DISCLAIMER, type PersonalReport } from '../../domain/report';
import { SELF_RESULT_NOTE } from '../../domain/template';
import { formContent } from './form';
import {
	HD36_LAYOUT,
	labelledLines,
	partyDocument,
	partyHeader,
	render,
	ruledTable,
	section,
	signatureBlock,
	titleBlock,
	type Row
} from './document';
import { exampleSettingContent, leaderTasksContent } from './tasks';

/** Rows holding text longer than this may break across pages; shorter ones are kept whole. */
const LONG_CELL = 500;

const FLAGGED_FILL = '#ececec';

/** Free text as a labelled section of justified paragraphs that flow across pages. */
export function textSection(label: string, text: string, empty = 'Chưa có'): Content[] {
	const parts = text.split(/\r?\n/).filter((p) => p.trim() !== '');
	if (parts.length === 0) return section(label, [{ text: empty, italics: true }]);
	const body: Content[] = parts.map((p) => ({
		text: p,
		alignment: 'justify',
		leadingIndent: 20,
		margin: [0, 0, 0, 3]
	}));
	// A first paragraph short enough to move whole goes with the label; a longer one must be free to break.
	const keep = parts[0].length <= LONG_CELL ? 1 : 0;
	return section(label, body.slice(0, keep), body.slice(keep));
}

/** A cell with its main text and, when there is one, a note under it in italics. */
function withNote(text: string, note: string, style: Style = {}): TableCell {
	const noteLine: Content[] = note.trim()
		? [{ text: `Ghi chú: ${note}`, italics: true, bold: false, margin: [0, 2, 0, 0] }]
		: [];
	return { ...style, stack: [text, ...noteLine] };
}

/** Whether every cell of these rows is short enough to keep the rows whole. */
function shortRows(...texts: string[]): boolean {
	return texts.every((t) => t.length <= LONG_CELL);
}

export function categoryTable(category: PersonalReport['categories'][number]): Content {
	const rows: Row[] = category.signs.map((s) => {
		const style: Style = s.flagged ? { bold: true, fillColor: FLAGGED_FILL } : {};
		return [
			{ text: s.code, alignment: 'center', ...style },
			withNote(s.text, s.note, style),
			{ text: s.level, ...style }
		];
	});
	return ruledTable({
		label: category.title,
		widths: [38, '*', 100],
		columns: ['Mã', 'Biểu hiện cụ thể', 'Mức độ'],
		rows,
		keepRowsWhole: shortRows(...category.signs.flatMap((s) => [s.text, s.note]))
	});
}

/** tusoi's result, named so it is never read as the official rating, with what decided it. */
export function scoreSection(score: PersonalReport['score']): Content[] {
	return section('Kết quả tự soi theo các biểu hiện', [
		{ text: ['Kết quả tự soi: ', { text: score.rating, bold: true }, score.provisional ? ' (tạm tính)' : ''] },
		// A score is printed only where it set the result; otherwise the reasons say what did.
		...(score.value !== null ? [{ text: ['Điểm tự soi: ', { text: score.value, bold: true }, ' (thang 100)'] }] : []),
		{ text: `Số biểu hiện tự nhận — ${score.levels}.` },
		...(score.reasons.length > 0 ? [{ ul: score.reasons, margin: [0, 2, 0, 0] } as Content] : []),
		{ text: SELF_RESULT_NOTE, italics: true, margin: [0, 4, 0, 0] },
		{ text: SELF_REPORT_DISCLAIMER, italics: true }
	]);
}

export function planSection(plan: PersonalReport['plan']): Content[] {
	if (plan.length === 0) return section('Kế hoạch khắc phục', ['Không có biểu hiện cần khắc phục.']);
	return [
		ruledTable({
			label: 'Kế hoạch khắc phục',
			widths: [38, '*', '*', 70],
			columns: ['Mã', 'Biểu hiện', 'Biện pháp khắc phục', 'Thời hạn'],
			rows: plan.map((p) => [
				{ text: p.code, alignment: 'center' },
				p.text,
				p.action,
				{ text: p.deadline, alignment: 'center' }
			]),
			keepRowsWhole: shortRows(...plan.flatMap((p) => [p.text, p.action]))
		})
	];
}

export function progressSection(progress: PersonalReport['progress']): Content[] {
	if (progress.length === 0) return [];
	return [
		ruledTable({
			label: 'Kết quả khắc phục kế hoạch năm trước',
			widths: [38, '*', '*', 110],
			columns: ['Mã', 'Biểu hiện', 'Biện pháp khắc phục', 'Kết quả'],
			rows: progress.map((p) => [{ text: p.code, alignment: 'center' }, p.text, p.action, withNote(p.status, p.note)]),
			keepRowsWhole: shortRows(...progress.flatMap((p) => [p.text, p.action, p.note]))
		})
	];
}

/** The chi ủy's rating and the signatures, in one block so the signatures never stand on a page alone. */
export function closing(report: PersonalReport): Content {
	const { finalRating, reason } = report.review;
	return {
		unbreakable: true,
		stack: [
			{
				text: [
					'Chi ủy đánh giá kết quả tự soi: ',
					finalRating ? { text: finalRating, bold: true } : { text: 'Chưa có', italics: true }
				],
				margin: [0, 4, 0, 0]
			},
			...(reason?.trim() ? [{ text: `Lý do: ${reason}`, alignment: 'justify' as const }] : []),
			{
				columns: [
					signatureBlock(report.signature, report.secretaryName),
					signatureBlock(['NGƯỜI TỰ ĐÁNH GIÁ'], report.memberName, 2)
				],
				columnGap: 20,
				margin: [0, 24, 0, 0]
			}
		]
	};
}

/** The printed sheet's content, for one PDF or as one part of a bundle: the Bản kiểm điểm where the version has a form. */
export function personalContent(report: PersonalReport): Content[] {
	if (report.form) return formContent(report, report.form);
	return [
		partyHeader(report.header),
		titleBlock(report.title, report.subtitle),
		labelledLines(report.identity),
		...report.categories.map(categoryTable),
		...scoreSection(report.score),
		...planSection(report.plan),
		...progressSection(report.progress),
		...report.texts.flatMap((t) => textSection(t.label, t.text)),
		...leaderTasksContent(report.leaderTasks),
		...exampleSettingContent(report.exampleSetting),
		...textSection('Nhận xét và xếp loại của chi ủy', report.review.assessment, 'Chưa có nhận xét.'),
		closing(report)
	];
}

/** One member's sheet as a PDF; the Bản kiểm điểm in the layout of HD 36, an older sheet as it always printed. */
export function renderPersonalPdf(report: PersonalReport): Promise<Buffer> {
	const title = `${report.form?.title ?? report.title} — ${report.memberName}`;
	return render(partyDocument(title, personalContent(report), report.form ? HD36_LAYOUT : undefined));
}

/** Several sheets in one PDF, each starting on a new page (page numbers run over the whole file). */
export function renderBundlePdf(reports: PersonalReport[]): Promise<Buffer> {
	const content: Content[] = reports.map((r, i) => ({
		stack: personalContent(r),
		...(i > 0 ? { pageBreak: 'before' as const } : {})
	}));
	const chapter = reports[0]?.header.chapterLine ?? '';
	return render(
		partyDocument(`Phiếu tự soi, tự sửa — ${chapter}`.trim(), content.length > 0 ? content : ['Không có phiếu nào.'])
	);
}
