import type { ImportPreview } from './members';

/** Errors listed on the page; the rest are only counted, so a file with an error on every row stays a small page. */
export const PREVIEW_ERRORS = 50;
/** Valid rows shown as a sample. */
export const PREVIEW_ROWS = 50;

/** What the page shows of a check: counts, valid members per chapter, the first errors and the first valid rows. */
export function previewSummary(fileName: string, total: number, preview: ImportPreview) {
	const perChapter = new Map<number, { chapterId: number; chapterName: string; count: number }>();
	for (const m of preview.valid) {
		const entry = perChapter.get(m.chapterId) ?? { chapterId: m.chapterId, chapterName: m.chapterName, count: 0 };
		entry.count++;
		perChapter.set(m.chapterId, entry);
	}
	const collator = new Intl.Collator('vi');
	return {
		fileName,
		total,
		validCount: preview.valid.length,
		badLines: new Set(preview.errors.map((e) => e.line)).size,
		errorCount: preview.errors.length,
		errors: preview.errors.slice(0, PREVIEW_ERRORS),
		sample: preview.valid.slice(0, PREVIEW_ROWS),
		chapters: [...perChapter.values()].sort(
			(a, b) => collator.compare(a.chapterName, b.chapterName) || a.chapterId - b.chapterId
		)
	};
}
