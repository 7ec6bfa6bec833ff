// A chapter's summary report for a period (báo cáo tổng hợp) as a PDF.
import type { Content } from 'pdfmake/interfaces';
import type { ChapterSummaryReport } from '../../domain/report';
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
		return section('Biểu hiện được tự nhận nhiều nhất', ['Chưa có biểu hiện nào được tự nhận.']);
	return [
		ruledTable({
			label: 'Biểu hiện được tự nhận nhiều nhất',
			widths: [38, '*', 60],
			columns: ['Mã', 'Biểu hiện', 'Số phiếu'],
			rows: topSigns.map((s) => [centred(s.code), s.text, centred(String(s.count))])
		})
	];
}

/** The summary report's content. */
export function summaryContent(report: ChapterSummaryReport): Content[] {
	return [
		partyHeader(report.header),
		titleBlock(report.title, report.subtitle),
		...section('Tình hình thực hiện', [labelledLines(report.figures)]),
		ruledTable({
			label: 'Kết quả tự xếp loại',
			widths: ['*', 80, 80],
			columns: ['Xếp loại', 'Số phiếu', 'Tỷ lệ'],
			rows: report.ratings.map((r) => [r.label, centred(String(r.count)), centred(r.percent)])
		}),
		...topSignsSection(report.topSigns),
		ruledTable({
			label: 'Danh sách đảng viên',
			widths: [26, '*', 36, 72, 38, 56, 56],
			columns: ['STT', 'Họ và tên', 'Nhóm', 'Trạng thái', 'Điểm', 'Tự xếp loại', 'Chi ủy xếp loại'],
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
		{
			unbreakable: true,
			columns: [
				{ width: '*', text: '' },
				{ width: '50%', ...signatureBlock(['T/M CHI ỦY', 'BÍ THƯ'], report.secretaryName) }
			],
			margin: [0, 24, 0, 0]
		}
	];
}

/** A chapter's summary report as a PDF. */
export function renderSummaryPdf(report: ChapterSummaryReport): Promise<Buffer> {
	return render(partyDocument(`${report.title} — ${report.subtitle}`, summaryContent(report)));
}
