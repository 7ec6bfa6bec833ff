// A chapter's summary report for a period (báo cáo tổng hợp) as a PDF: an issued Party report (HD 36-HD/VPTW)
// with its number, the chapter's locality and date, Nơi nhận and the signature that fits the chapter.
import type { Content } from 'pdfmake/interfaces';
import { SUMMARY_RESULT_WORDS as W, type ChapterSummaryReport } from '../../domain/report';
import { SELF_RESULT_NOTE } from '../../domain/template';
import { SCORE_BLANK_NOTE } from '../../domain/scoring';
import {
	labelledLines,
	partyDocument,
	partyHeader,
	render,
	ruledTable,
	section,
	signatureBlock,
	titleBlock
} from './document';

const centred = (text: string) => ({ text, alignment: 'center' as const });

function topSignsSection(topSigns: ChapterSummaryReport['topSigns']): Content[] {
	if (topSigns.length === 0)
		return section('3. Biểu hiện được tự nhận nhiều nhất', ['Chưa có biểu hiện nào được tự nhận.']);
	return [
		ruledTable({
			label: '3. Biểu hiện được tự nhận nhiều nhất',
			widths: [38, '*', 60],
			columns: ['Mã', 'Biểu hiện', 'Số phiếu'],
			rows: topSigns.map((s) => [centred(s.code), s.text, centred(String(s.count))])
		})
	];
}

function planSection(plan: string): Content[] {
	const parts = plan.split(/\r?\n/).filter((p) => p.trim() !== '');
	const label = '4. Phương hướng, biện pháp của chi bộ';
	if (parts.length === 0) return section(label, [{ text: 'Chi bộ chưa ghi phương hướng.', italics: true }]);
	const body: Content[] = parts.map((p) => ({
		text: p,
		alignment: 'justify',
		leadingIndent: 20,
		margin: [0, 0, 0, 3]
	}));
	return section(label, body.slice(0, 1), body.slice(1));
}

/** The summary report's content. */
export function summaryContent(report: ChapterSummaryReport): Content[] {
	return [
		partyHeader(report.header),
		titleBlock(report.title, report.subtitle),
		...section('1. Tình hình thực hiện', [labelledLines(report.figures)]),
		ruledTable({
			label: W.section,
			widths: ['*', 70, 50, 70, 50],
			columns: [W.level, W.self(report.rated.self), 'Tỷ lệ', W.final(report.rated.final), 'Tỷ lệ'],
			rows: report.ratings.map((r) => [
				r.label,
				centred(String(r.self)),
				centred(r.selfPercent),
				centred(String(r.final)),
				centred(r.finalPercent)
			])
		}),
		{ text: SELF_RESULT_NOTE, italics: true, fontSize: 11, margin: [0, 2, 0, 4] },
		...topSignsSection(report.topSigns),
		...planSection(report.plan),
		ruledTable({
			label: '5. Danh sách đảng viên',
			widths: [26, '*', 36, 72, 38, 56, 56],
			columns: [...W.memberColumns],
			// Seven columns on a portrait page: a smaller size keeps names on one line.
			fontSize: 11,
			rows: report.members.map((m, i) => [
				centred(String(i + 1)),
				m.name,
				centred(m.group),
				m.status,
				centred(m.score),
				centred(m.rating),
				centred(m.finalRating)
			])
		}),
		{ text: SCORE_BLANK_NOTE, italics: true, fontSize: 11, margin: [0, 2, 0, 4] },
		{
			unbreakable: true,
			columns: [
				{
					width: '*',
					stack: [
						{ text: 'Nơi nhận:', bold: true, italics: true, decoration: 'underline' },
						...report.recipients.map((r, i) => `- ${r}${i === report.recipients.length - 1 ? '.' : ','}`)
					],
					fontSize: 11
				},
				{ width: '50%', ...signatureBlock(report.signature, report.secretaryName) }
			],
			margin: [0, 24, 0, 0]
		}
	];
}

/** A chapter's summary report as a PDF. */
export function renderSummaryPdf(report: ChapterSummaryReport): Promise<Buffer> {
	return render(partyDocument(`${report.title} — ${report.subtitle}`, summaryContent(report)));
}
