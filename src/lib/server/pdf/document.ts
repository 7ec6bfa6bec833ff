// The pieces every printed PDF shares: fonts, the A4 page of a Party document, its header (Hướng dẫn
// 36-HD/VPTW), tables and signatures. The per-report files only arrange these.
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Content, ContentStack, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { PARTY_NAME, type ReportHeader } from '../../domain/report';

// pdfmake is CommonJS whose export is a configured instance; its types declare named functions only, so
// require() gives the instance with the declared type, in Vite's SSR as in plain Node.
const pdfmake = createRequire(import.meta.url)('pdfmake') as typeof import('pdfmake');

const MM = 72 / 25.4;
/** Base size of body text, as Party documents are typed (13–14 pt). */
const FONT_SIZE = 13;

const FOOTER = 'pageFooter';

let fontsReady = false;

/** Registers the serif fonts and shuts pdfmake off from the network and from every other file, once. */
function setUpFonts(): void {
	if (fontsReady) return;
	// The server (and vitest) run from the project root, where static/ is.
	const fontsDir = path.resolve('static/fonts');
	const font = (style: string) => path.join(fontsDir, `LiberationSerif-${style}.ttf`);
	pdfmake.setFonts({
		Serif: { normal: font('Regular'), bold: font('Bold'), italics: font('Italic'), bolditalics: font('BoldItalic') }
	});
	pdfmake.setUrlAccessPolicy(() => false);
	pdfmake.setLocalAccessPolicy((file) => file.startsWith(fontsDir + path.sep));
	fontsReady = true;
}

/** How a document is laid out: the older sheet's 13 pt with "Trang x/y" at the foot, or HD 36's 14 pt body. */
export interface DocumentLayout {
	fontSize: number;
	/** 'footer': "Trang x/y" at the foot of every page; 'top': the number alone, top centre, from page 2. */
	pageNumbers: 'footer' | 'top';
}

const OLD_LAYOUT: DocumentLayout = { fontSize: FONT_SIZE, pageNumbers: 'footer' };

/**
 * The layout of HD 36-HD/VPTW for the Bản kiểm điểm: body 14 pt; page numbers from page 2, Arabic numerals,
 * top centre about 10 mm from the edge (the Party handbook's reading of the guide; HD 36's own text not seen).
 */
export const HD36_LAYOUT: DocumentLayout = { fontSize: 14, pageNumbers: 'top' };

/** A whole document: A4 with a Party document's margins, serif body, page numbers as the layout sets them. */
export function partyDocument(
	title: string,
	content: Content[],
	layout: DocumentLayout = OLD_LAYOUT
): TDocumentDefinitions {
	return {
		info: { title, creator: 'tusoi', producer: 'tusoi' },
		pageSize: 'A4',
		pageMargins: [30 * MM, 20 * MM, 15 * MM, 20 * MM],
		defaultStyle: { font: 'Serif', fontSize: layout.fontSize, lineHeight: 1.1 },
		styles: { [FOOTER]: { alignment: 'center', fontSize: layout.pageNumbers === 'top' ? 14 : 10 } },
		...(layout.pageNumbers === 'footer'
			? {
					footer: (page: number, pages: number) => ({
						text: `Trang ${page}/${pages}`,
						style: FOOTER,
						margin: [0, 8 * MM, 0, 0] as [number, number, number, number]
					})
				}
			: {
					header: (page: number) =>
						page > 1
							? { text: String(page), style: FOOTER, margin: [0, 10 * MM, 0, 0] as [number, number, number, number] }
							: { text: '' }
				}),
		// A section label left last on a page moves to the next one. Each move lays the whole document out again
		// (seconds for a chapter's bundle), so only labels that section() cannot keep with their text ask for it.
		pageBreakBefore: (node, nodes) =>
			node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().every((n) => n.style === FOOTER),
		content
	};
}

/** Type sizes of the header: the older sheet's 12 pt throughout, or HD 36's (15 pt Party name, 14 pt the rest). */
export interface HeaderSizes {
	party: number;
	rest: number;
}

export const HD36_HEADER: HeaderSizes = { party: 15, rest: 14 };

/** The top of a Party document: the issuing chapter on the left, the Party's name and the date on the right. */
export function partyHeader(header: ReportHeader, sizes: HeaderSizes = { party: 12, rest: 12 }): Content {
	return {
		columns: [
			{
				// The left column takes what the right one leaves, so long unit names wrap as little as possible.
				width: '*',
				stack: [
					header.parentLine,
					{ text: header.chapterLine, bold: true },
					'*',
					...(header.numberLine
						? [{ text: header.numberLine, margin: [0, 4, 0, 0] as [number, number, number, number] }]
						: [])
				],
				alignment: 'center'
			},
			{
				width: 'auto',
				stack: [
					// A one-cell table as wide as the name, with only its bottom border, is the rule "of the same
					// length" under it; the spacer columns centre it over the date.
					{
						columns: [
							{ width: '*', text: '' },
							{
								width: 'auto',
								table: { body: [[{ text: PARTY_NAME, bold: true, fontSize: sizes.party }]] },
								layout: {
									hLineWidth: (i) => (i === 1 ? 0.8 : 0),
									vLineWidth: () => 0,
									paddingLeft: () => 0,
									paddingRight: () => 0,
									paddingTop: () => 0,
									paddingBottom: () => 3
								}
							},
							{ width: '*', text: '' }
						]
					},
					{ text: header.placeDate, italics: true, alignment: 'center', margin: [0, 8, 0, 0] }
				]
			}
		],
		columnGap: 16,
		fontSize: sizes.rest,
		margin: [0, 0, 0, 18]
	};
}

/** The centred bold title with its subtitle under it. */
export function titleBlock(title: string, subtitle: string): Content {
	return {
		stack: [
			{ text: title, bold: true, fontSize: 15 },
			{ text: subtitle, bold: true }
		],
		alignment: 'center',
		margin: [0, 0, 0, 12]
	};
}

/**
 * A labelled section whose label never ends a page alone. A short opening is kept with the label in an
 * unbreakable block; when there is none (the text starts with a long paragraph, which must be free to break),
 * the label carries the headline level partyDocument's pageBreakBefore watches.
 */
export function section(label: string, opening: Content[], rest: Content[] = []): Content[] {
	const labelNode: Content = { text: label, bold: true, margin: [0, 10, 0, 4] };
	if (opening.length === 0) return [{ ...labelNode, headlineLevel: 1 }, ...rest];
	return [{ stack: [labelNode, ...opening], unbreakable: true }, ...rest];
}

/** "label: value" lines. */
export function labelledLines(lines: { label: string; value: string }[]): Content {
	return { stack: lines.map((l) => ({ text: [`${l.label}: `, { text: l.value, bold: true }] })), margin: [0, 0, 0, 6] };
}

/** One body row: plain strings, or cells already styled. */
export type Row = (string | TableCell)[];

/**
 * A ruled table whose label and column names repeat on every page it spans. The label sits in the table
 * (a borderless first header row) so it can never be left at the foot of a page without the first row.
 */
export function ruledTable(options: {
	label?: string;
	widths: (number | string)[];
	columns: string[];
	rows: Row[];
	keepRowsWhole?: boolean;
	fontSize?: number;
}): Content {
	const { label, widths, columns, rows } = options;
	const span = columns.length;
	const head: TableCell[] = columns.map((c) => ({ text: c, bold: true, alignment: 'center', fillColor: '#eeeeee' }));
	// Cells under a colSpan still draw their own borders, so they are turned off too.
	const none = [false, false, false, false] as [boolean, boolean, boolean, boolean];
	const labelRow: TableCell[] = label
		? [
				{ text: label, bold: true, fontSize: 13, colSpan: span, border: none, margin: [-4, 6, 0, 2] },
				...Array.from({ length: span - 1 }, (): TableCell => ({ text: '', border: none }))
			]
		: [];
	return {
		table: {
			widths,
			headerRows: label ? 2 : 1,
			keepWithHeaderRows: 1,
			// Short rows stay whole; rows that may hold 1,000-character notes are allowed to break, since a row
			// taller than what is left of a page would otherwise push a mostly empty page before it.
			dontBreakRows: options.keepRowsWhole ?? true,
			body: [...(label ? [labelRow] : []), head, ...rows]
		},
		layout: {
			hLineWidth: (i) => (label && i === 0 ? 0 : 0.5),
			vLineWidth: () => 0.5,
			paddingLeft: () => 4,
			paddingRight: () => 4,
			paddingTop: () => 2,
			paddingBottom: () => 2
		},
		fontSize: options.fontSize ?? 12,
		margin: [0, 4, 0, 6]
	};
}

/** A signature block: role lines in bold, "(Ký, ghi rõ họ tên)", room to sign, then the name. */
export function signatureBlock(roles: string[], name: string | null, roleLines = roles.length): ContentStack {
	// A block beside one with more role lines leaves that much more room to sign, so the names line up.
	const padding = Array.from({ length: Math.max(0, roleLines - roles.length) }, () => ' ');
	return {
		stack: [
			...roles.map((r) => ({ text: r, bold: true })),
			{ text: '(Ký, ghi rõ họ tên)', italics: true },
			...padding,
			{ text: name ?? ' ', bold: true, margin: [0, 60, 0, 0] }
		],
		alignment: 'center'
	};
}

/** Lays the document out and returns the PDF's bytes. */
export async function render(doc: TDocumentDefinitions): Promise<Buffer> {
	setUpFonts();
	return pdfmake.createPdf(doc).getBuffer();
}
