import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { groupByChapter, previewImport } from '$lib/server/import/members';
import {
	dismissImportJob,
	importJob,
	latestImportJob,
	runningImportJob,
	startImportJob,
	type ImportJob
} from '$lib/server/import/job';
import { readImportUpload } from '$lib/server/import/parse';
import { previewSummary } from '$lib/server/import/summary';
import { refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

/**
 * Up to this many accounts, the finished page holds every chapter's list, ready to print at once; above it (a
 * province), it lists the chapters and prints one chapter's list at a time: 54,000 rows on one page would hold the
 * server for seconds and no browser prints them.
 */
const WHOLE_LIST = 2000;

/** What the page shows of a job: its progress, then the accounts (with their one-time codes) or why it failed. */
function jobView(job: ImportJob, chapterId: number | null) {
	const chapters = job.accounts ? groupByChapter(job.accounts) : [];
	const whole = (job.accounts?.length ?? 0) <= WHOLE_LIST;
	return {
		id: job.id,
		fileName: job.fileName,
		state: job.state,
		total: job.total,
		done: job.done,
		message: job.message,
		preview: job.preview && previewSummary(job.fileName, job.total, job.preview),
		imported: job.accounts && {
			fileName: job.fileName,
			count: job.accounts.length,
			/** Every chapter with how many accounts it got, for the list of lists. */
			summary: chapters.map((c) => ({ chapterId: c.chapterId, chapterName: c.chapterName, count: c.accounts.length })),
			whole,
			/** The lists on this page: all of them, or the one chapter asked for. */
			chapters: whole ? chapters : chapters.filter((c) => c.chapterId === chapterId)
		}
	};
}

export const load: PageServerLoad = (event) => {
	const admin = requireAdmin(event);
	const id = event.url.searchParams.get('job');
	const job = id ? importJob(id, admin.id) : latestImportJob(admin.id);
	if (id && !job) error(404, 'Không tìm thấy lượt nhập này (máy chủ có thể đã khởi động lại).');
	// The one-time codes are on this page until the list is closed: keep it out of caches.
	if (job) event.setHeaders({ 'cache-control': 'no-store' });
	const chapter = Number(event.url.searchParams.get('chapter'));
	return { job: job ? jobView(job, Number.isSafeInteger(chapter) && chapter > 0 ? chapter : null) : null };
};

// The check stores nothing on the server: "Nhập" posts the same file again, every row is checked again, and the
// accounts are written by a background job whose progress the page follows.
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
		if (runningImportJob())
			return refuse(409, {}, { file: 'Đang nhập một danh sách khác. Hãy đợi lượt đó xong rồi nhập tiếp.' });
		const checked = previewImport(getDb(), upload.rows);
		if (checked.errors.length > 0 || checked.valid.length === 0)
			return refuse(
				400,
				{},
				{},
				{ preview: previewSummary(upload.fileName, upload.rows.length, checked), refused: true }
			);
		const job = startImportJob(getDb(), {
			rows: upload.rows,
			total: checked.valid.length,
			fileName: upload.fileName,
			adminId: admin.id
		});
		redirect(303, `/admin/import?job=${job.id}`);
	},
	dismiss: async (event) => {
		const admin = requireAdmin(event);
		const id = String((await event.request.formData()).get('job') ?? '');
		if (!dismissImportJob(id, admin.id))
			return refuse(
				404,
				{},
				{ job: 'Không tìm thấy danh sách này: có thể đã được đóng, hoặc máy chủ đã khởi động lại.' }
			);
		redirect(303, '/admin/import');
	}
};
