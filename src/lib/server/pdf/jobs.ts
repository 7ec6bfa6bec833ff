// What a PDF thread is asked to make. A job is plain data (the report as printed), so it crosses to a worker
// thread by structured clone; pdfmake's document definition cannot, since its footer and layouts are functions.
import type { ChapterBundle, ChapterSummaryReport, PersonalReport } from '../../domain/report';
import { renderPersonalPdf } from './personal';
import { renderChapterBundlePdf } from './bundle';
import { renderSummaryPdf } from './summary';

/** One PDF to make: a member's sheet, a chapter's bundle of sheets after its cover, or a chapter's summary report. */
export type PdfJob =
	| { kind: 'personal'; report: PersonalReport }
	| ({ kind: 'bundle' } & ChapterBundle)
	| { kind: 'summary'; report: ChapterSummaryReport };

/** Lays the job's document out and returns the PDF's bytes, on the thread it is called on. */
export function renderJob(job: PdfJob): Promise<Buffer> {
	switch (job.kind) {
		case 'personal':
			return renderPersonalPdf(job.report);
		case 'bundle':
			return renderChapterBundlePdf(job);
		case 'summary':
			return renderSummaryPdf(job.report);
	}
}
