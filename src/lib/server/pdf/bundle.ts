// A chapter's bundle of sheets as one PDF: a cover naming who is in it and who is not, then each sheet as the
// personal report prints it, each numbered on its own ("Trang 1/5"), so one member's pages file on their own.
import type { Content, ContentStack } from 'pdfmake/interfaces';
import type { BundleCover, ChapterBundle } from '../../domain/report';
import { partyDocument, partyHeader, render, ruledTable, section, titleBlock } from './document';
import { personalContent } from './personal';

const centred = (text: string) => ({ text, alignment: 'center' as const });

function coverContent(cover: BundleCover): Content[] {
	const list = (label: string, people: { name: string; status: string }[], empty: string): Content[] =>
		people.length === 0
			? section(label, [{ text: empty, italics: true }])
			: [
					ruledTable({
						label,
						widths: [30, '*', 130],
						columns: ['STT', 'Họ và tên', 'Trạng thái phiếu'],
						rows: people.map((p, i) => [centred(String(i + 1)), p.name, p.status])
					})
				];
	return [
		partyHeader(cover.header),
		titleBlock(cover.title, cover.subtitle),
		{
			text: `Tập gồm ${cover.included.length} phiếu đã nộp hoặc đã được chi ủy duyệt, theo thứ tự dưới đây; mỗi phiếu đánh số trang riêng.`,
			margin: [0, 0, 0, 6]
		},
		...list(`Phiếu có trong tập (${cover.included.length})`, cover.included, 'Chưa có phiếu nào được nộp.'),
		...list(`Chưa có trong tập (${cover.missing.length})`, cover.missing, 'Không có: mọi đảng viên đã nộp phiếu.')
	];
}

/** Page positions pdfmake writes on a laid-out node (not in its public types). */
type Placed = ContentStack & { positions?: { pageNumber: number }[] };

/** The cover, then every sheet from a new page; each sheet's pages are numbered from 1 to its own count. */
export function renderChapterBundlePdf(bundle: ChapterBundle): Promise<Buffer> {
	const sheets: Placed[] = bundle.reports.map((r) => ({ stack: personalContent(r), pageBreak: 'before' }));
	const { cover } = bundle;
	// Without a cover the first sheet starts the file, on its first page.
	if (!cover && sheets[0]) delete sheets[0].pageBreak;
	const title = cover
		? `${cover.title} — ${cover.header.chapterLine} — ${cover.subtitle}`
		: `Phiếu tự soi, tự sửa — ${bundle.reports[0]?.header.chapterLine ?? ''}`.trim();
	const content: Content[] = [...(cover ? [{ stack: coverContent(cover) }] : []), ...sheets];
	const doc = partyDocument(title, content.length > 0 ? content : ['Không có phiếu nào.']);
	const footer = doc.footer as (page: number, pages: number) => Content;
	// pdfmake lays every node out before it draws the footers, and writes each node's pages on it: a sheet
	// starts on its first node's page and ends where the next one starts.
	doc.footer = (page, pages) => {
		const starts = sheets.map((s) => s.positions?.[0]?.pageNumber ?? Infinity);
		const i = starts.findLastIndex((start) => start <= page);
		if (i < 0) return starts.length === 0 ? footer(page, pages) : null;
		const end = (starts[i + 1] ?? pages + 1) - 1;
		return footer(page - starts[i] + 1, end - starts[i] + 1);
	};
	return render(doc);
}
