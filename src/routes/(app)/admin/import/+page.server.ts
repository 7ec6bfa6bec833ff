import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { commitImport, groupByChapter, previewImport } from '$lib/server/import/members';
import { readImportUpload } from '$lib/server/import/parse';
import { previewSummary } from '$lib/server/import/summary';
import { refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return {};
};

// The check stores nothing on the server: "Nhập" posts the same file again and every row is checked again.
export const actions: Actions = {
	preview: async (event) => {
		requireAdmin(event);
		const upload = await readImportUpload(await event.request.formData(), 'file');
		if (!upload.ok) return refuse(400, {}, { file: upload.error });
		const checked = previewSummary(upload.fileName, upload.rows.length, previewImport(getDb(), upload.rows));
		// The rows' errors are in the preview, line by line; only a file can be posted, so nothing to refill.
		if (checked.errorCount > 0) return refuse(400, {}, {}, { preview: checked });
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
				{ preview: previewSummary(upload.fileName, upload.rows.length, result.preview), refused: true }
			);
		// The temporary passwords exist only in this response (no redirect, nothing kept in clear): keep it out of caches.
		event.setHeaders({ 'cache-control': 'no-store' });
		return {
			imported: { fileName: upload.fileName, count: result.accounts.length, chapters: groupByChapter(result.accounts) }
		};
	}
};
