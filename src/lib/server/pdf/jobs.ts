// What a PDF thread is asked to make. A job is plain data (the report as printed), so it crosses to a worker
// thread by structured clone; pdfmake's document definition cannot, since its footer and layouts are functions.
import type { ChapterSummaryReport, PersonalReport } from '../../domain/report';
import { renderBundlePdf, renderPersonalPdf } from './personal';
import { renderSummaryPdf } from './summary';

/** One PDF to make: a member's sheet, a chapter's bundle of sheets, or a chapter's summary report. */
export type PdfJob =
	| { kind: 'personal'; report: PersonalReport }
	| { kind: 'bundle'; reports: PersonalReport[] }
	| { kind: 'summary'; report: ChapterSummaryReport };

/** Lays the job's document out and returns the PDF's bytes, on the thread it is called on. */
export function renderJob(job: PdfJob): Promise<Buffer> {
	switch (job.kind) {
		case 'personal':
			return renderPersonalPdf(job.report);
		case 'bundle':
			return renderBundlePdf(job.reports);
		case 'summary':
			return renderSummaryPdf(job.report);
	}
}
