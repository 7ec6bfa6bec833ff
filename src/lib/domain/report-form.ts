// The Bản kiểm điểm (Mẫu 2A/2B/2C) as printed: shaped once, drawn by the print page and by the PDF.
// Pure data and formatting, no database.

/** One block of the printed form, in the form's order. */
export type FormBlock =
	| { kind: 'heading'; key: string; depth: 1 | 2 | 3; heading: string }
	| { kind: 'text'; key: string; depth: 1 | 2 | 3; heading: string; prior: string | null; text: string }
	| {
			kind: 'items';
			key: string;
			depth: 1 | 2 | 3;
			heading: string;
			guidance: string | null;
			rows: { text: string; status: string; note: string }[];
	  }
	| {
			kind: 'questions';
			key: string;
			depth: 1 | 2 | 3;
			heading: string;
			rows: { question: string; askedBy: string; answer: string }[];
	  }
	| { kind: 'signs'; key: string; depth: 1 | 2 | 3; heading: string; lines: string[] }
	| {
			kind: 'score366';
			key: string;
			depth: 1 | 2 | 3;
			heading: string;
			guidance: string | null;
			lines: { label: string; value: string }[];
	  }
	| {
			kind: 'quality';
			key: string;
			depth: 1 | 2 | 3;
			heading: string;
			guidance: string | null;
			options: { label: string; chosen: boolean }[];
	  };

/** The whole printed Bản kiểm điểm; the self-examination of the signs follows it as a labelled annex. */
export interface FormReport {
	form: string;
	title: string;
	yearLine: string;
	subtitle: string;
	identity: { label: string; value: string }[];
	blocks: FormBlock[];
	signature: string;
	/** Annexes after the signature (2B's task results), then the signs annex. */
	annexes: FormBlock[];
	annexTitle: string;
	annexSubtitle: string;
}

/** The signs annex keeps the sheet's own title, as the content review proposed, and says what it is attached to. */
export const SIGNS_ANNEX_TITLE = 'PHIẾU TỰ SOI, TỰ SỬA';

/** "Phụ lục liên hệ các biểu hiện … — kèm Bản kiểm điểm theo Mẫu 2B (mục A.I.1)". */
export function signsAnnexSubtitle(form: string): string {
	return `Phụ lục liên hệ các biểu hiện về suy thoái, “tự diễn biến”, “tự chuyển hóa” — kèm Bản kiểm điểm theo ${form}, Hướng dẫn 43-HD/BTCTW (mục A.I.1)`;
}

/** Dotted space left for what a member has not written, as on the paper form. */
export const BLANK = '…………………………………………………………';
