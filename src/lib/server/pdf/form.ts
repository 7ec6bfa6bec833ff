// The Bản kiểm điểm, tự đánh giá, xếp loại cá nhân (Mẫu 2A/2B/2C of HD 43-HD/BTCTW) as a PDF in the layout of
// HD 36-HD/VPTW, followed by the annexes: 2B's task results, then the self-examination of the signs.
import type { Content } from 'pdfmake/interfaces';
import type { PersonalReport } from '../../domain/report';
import { BLANK, type FormBlock, type FormReport } from '../../domain/report-form';
import { HD36_HEADER, labelledLines, partyHeader, ruledTable, section, signatureBlock } from './document';
import { exampleSettingContent, leaderTasksContent } from './tasks';
import { categoryTable, closing, planSection, progressSection, scoreSection, textSection } from './personal';

const LONG = 500;

function headingNode(block: FormBlock): Content {
	return { text: block.heading, bold: true, margin: [0, block.depth === 1 ? 10 : 6, 0, 3], alignment: 'justify' };
}

/** Paragraphs that flow across pages; the heading stays with the first short one. */
function paragraphs(heading: string, text: string, before: Content[] = []): Content[] {
	const parts = text.split(/\r?\n/).filter((p) => p.trim() !== '');
	const body: Content[] = parts.map((p) => ({
		text: p,
		alignment: 'justify',
		leadingIndent: 28,
		margin: [0, 0, 0, 3]
	}));
	if (body.length === 0) body.push({ text: BLANK, color: '#555555' });
	const keep = (parts[0]?.length ?? 0) <= LONG ? 1 : 0;
	return section(heading, [...before, ...body.slice(0, keep)], body.slice(keep));
}

function blockContent(block: FormBlock): Content[] {
	switch (block.kind) {
		case 'heading':
			return [{ ...(headingNode(block) as object), headlineLevel: 1 } as Content];
		case 'text':
			return paragraphs(
				block.heading,
				block.text,
				block.prior ? [{ text: block.prior, italics: true, alignment: 'justify', margin: [0, 0, 0, 3] }] : []
			);
		case 'signs':
			return section(
				block.heading,
				block.lines.map((l) => ({ text: l, alignment: 'justify' }) as Content)
			);
		case 'items':
			return [
				headingNode(block),
				...(block.guidance ? [{ text: block.guidance, italics: true, alignment: 'justify' } as Content] : []),
				block.rows.length === 0
					? { text: 'Không có.', italics: true }
					: ruledTable({
							widths: [26, '*', 90, '*'],
							columns: ['TT', 'Nội dung', 'Kết quả', 'Ghi chú'],
							rows: block.rows.map((r, i) => [{ text: String(i + 1), alignment: 'center' }, r.text, r.status, r.note]),
							keepRowsWhole: block.rows.every((r) => r.text.length + r.note.length <= LONG),
							fontSize: 13
						})
			];
		case 'questions':
			return [
				headingNode(block),
				...(block.rows.length === 0
					? [{ text: 'Không có vấn đề được gợi ý kiểm điểm.', italics: true } as Content]
					: block.rows.flatMap((r, i) => [
							{ text: `${i + 1}. ${r.question} (${r.askedBy} gợi ý)`, bold: true, margin: [0, 2, 0, 1] } as Content,
							{ text: r.answer.trim() || BLANK, alignment: 'justify', leadingIndent: 28 } as Content
						]))
			];
		case 'score366':
			return section(block.heading, [
				...(block.guidance ? [{ text: block.guidance, alignment: 'justify' } as Content] : []),
				...block.lines.map((l) => ({ text: [`${l.label}: `, { text: l.value, bold: true }] }) as Content)
			]);
		case 'quality':
			return section(block.heading, [
				...block.options.map((o) => ({ text: `${o.chosen ? '[x]' : '[  ]'} ${o.label}`, bold: o.chosen }) as Content),
				...(block.guidance ? [{ text: block.guidance, italics: true, alignment: 'justify' } as Content] : [])
			]);
	}
}

/** The member's signature (a collective's: on its behalf, by its secretary), right-aligned, kept whole. */
function signature(form: FormReport, report: PersonalReport): Content {
	const lines = report.collective?.signature ?? [form.signature];
	const name = report.collective ? report.secretaryName : report.memberName;
	return {
		unbreakable: true,
		columns: [
			{ width: '*', text: '' },
			{ width: 240, ...signatureBlock(lines, name) }
		],
		margin: [0, 20, 0, 0]
	};
}

/** The self-examination of the signs, as the annex of section A.I.1. */
function signsAnnex(report: PersonalReport, form: FormReport): Content[] {
	return [
		{
			stack: [
				{ text: form.annexTitle, bold: true, fontSize: 15 },
				{ text: form.annexSubtitle, italics: true }
			],
			alignment: 'center',
			margin: [0, 0, 0, 10],
			pageBreak: 'before'
		},
		...report.categories.map(categoryTable),
		...scoreSection(report.score),
		...planSection(report.plan),
		...progressSection(report.progress),
		...leaderTasksContent(report.leaderTasks),
		...exampleSettingContent(report.exampleSetting),
		// The chi ủy's view of the self-examination is tusoi's own addition: the official form has no such block.
		...textSection(
			report.collective
				? 'Nhận xét của cấp ủy cấp trên về kết quả tự soi của tập thể (phần thêm của tusoi)'
				: 'Nhận xét của chi ủy về kết quả tự soi (phần thêm của tusoi)',
			report.review.assessment,
			'Chưa có nhận xét.'
		),
		closing(report)
	];
}

/** The whole Bản kiểm điểm of a sheet with its annexes. */
export function formContent(report: PersonalReport, form: FormReport): Content[] {
	return [
		partyHeader(report.header, HD36_HEADER),
		{
			stack: [
				{ text: form.title, bold: true, fontSize: 15 },
				{ text: form.yearLine, bold: true },
				{ text: form.subtitle, italics: true }
			],
			alignment: 'center',
			margin: [0, 0, 0, 12]
		},
		labelledLines(form.identity),
		...form.blocks.flatMap(blockContent),
		signature(form, report),
		...form.annexes.flatMap((a, i) => [
			{
				text: a.heading,
				bold: true,
				alignment: 'center',
				margin: [0, 0, 0, 8],
				...(i === 0 ? { pageBreak: 'before' as const } : {})
			} as Content,
			...blockContent({ ...a, heading: '' } as FormBlock).slice(1)
		]),
		...signsAnnex(report, form)
	];
}
