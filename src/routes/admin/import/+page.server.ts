import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { commitImport, groupByChapter, previewImport, type ImportPreview } from '$lib/server/import/members';
import { readImportUpload } from '$lib/server/import/parse';
import { refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

const SAMPLE_ROWS = 50;

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return {};
};

/** What the page shows of a check: the first valid rows, the counts and every error. */
function summary(fileName: string, total: number, preview: ImportPreview) {
	const badLines = new Set(preview.errors.map((e) => e.line)).size;
	return {
		fileName,
		total,
		validCount: preview.valid.length,
		badLines,
		sample: preview.valid.slice(0, SAMPLE_ROWS),
		errors: preview.errors
	};
}

// The check stores nothing on the server: "Nhập" posts the same file again and every row is checked again.
export const actions: Actions = {
	preview: async (event) => {
		requireAdmin(event);
		const upload = await readImportUpload(await event.request.formData(), 'file');
		if (!upload.ok) return refuse(400, {}, { file: upload.error });
		const checked = summary(upload.fileName, upload.rows.length, previewImport(getDb(), upload.rows));
		// The rows' errors are in the preview's table, line by line; only a file can be posted, so nothing to refill.
		if (checked.errors.length > 0) return refuse(400, {}, {}, { preview: checked });
		return { preview: checked };
	},
	commit: async (event) => {
		const admin = requireAdmin(event);
		const upload = await readImportUpload(await event.request.formData(), 'file');
		if (!upload.ok) return refuse(400, {}, { file: upload.error });
		const result = await commitImport(getDb(), upload.rows, admin.id);
		if (!result.ok)
			return refuse(
				400,
				{},
				{},
				{ preview: summary(upload.fileName, upload.rows.length, result.preview), refused: true }
			);
		// The temporary passwords exist only in this response (no redirect, nothing kept in clear): keep it out of caches.
		event.setHeaders({ 'cache-control': 'no-store' });
		return {
			imported: { fileName: upload.fileName, count: result.accounts.length, chapters: groupByChapter(result.accounts) }
		};
	}
};
