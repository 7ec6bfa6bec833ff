// A member import as a background job: the request checks the file and starts the job; the job writes the members in
// chunks of CHUNK_ROWS, one short transaction each, yielding to the event loop between them, so the server keeps
// answering members while a province of 54,000 is imported. The page follows its progress, also after a reload.
// Kept in memory (never in the database): the one-time codes are shown to the administrator who started the job
// until they close the list, and a restart forgets them (the administrator then resets those passwords).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { statement } from '../db/statements';
import { generateOneTimeCode, hashOneTimeCode } from '../auth/password';
import { todayIso } from '../../domain/dates';
import type { ImportRow } from './parse';
import {
	finishImport,
	insertMembers,
	previewImport,
	sortAccounts,
	type ImportedAccount,
	type ImportPreview,
	type ParsedMember
} from './members';

/** Rows written per transaction: ~20 ms of work, so a member's save waits at most that long for the write lock. */
export const CHUNK_ROWS = 1000;
/** How long a finished job (and its one-time codes) is kept for its administrator. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export type ImportJobState = 'running' | 'done' | 'failed';

export interface ImportJob {
	id: string;
	adminId: number;
	fileName: string;
	total: number;
	/** Rows written so far. */
	done: number;
	state: ImportJobState;
	startedAt: number;
	finishedAt: number | null;
	/** Why it failed (nothing of the file is left in the database then). */
	preview: ImportPreview | null;
	message: string | null;
	accounts: ImportedAccount[] | null;
}

const jobs = new Map<string, ImportJob>();

function prune(now: number): void {
	for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) jobs.delete(id);
}

/** The job running now, if any: one import at a time, since every chunk takes the write lock. */
export function runningImportJob(): ImportJob | undefined {
	return [...jobs.values()].find((j) => j.state === 'running');
}

/** One of the administrator's jobs (another administrator's is not found: it holds their codes). */
export function importJob(id: string, adminId: number): ImportJob | undefined {
	const job = jobs.get(id);
	return job && job.adminId === adminId ? job : undefined;
}

/** The administrator's newest job, for the import page opened without a job in its address. */
export function latestImportJob(adminId: number): ImportJob | undefined {
	return [...jobs.values()].filter((j) => j.adminId === adminId).sort((a, b) => b.startedAt - a.startedAt)[0];
}

/** Forgets a finished job and its one-time codes (the administrator has printed them). */
export function dismissImportJob(id: string, adminId: number): boolean {
	const job = importJob(id, adminId);
	if (!job || job.state === 'running') return false;
	return jobs.delete(id);
}

class ChunkRefused extends Error {
	constructor(readonly preview: ImportPreview) {
		super('A chunk of the import no longer passes the checks');
	}
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Starts writing `rows` (already checked by previewImport) and returns at once. Each chunk is checked again in its
 * transaction (another administrator may have taken a login id or closed a chapter meanwhile); if one fails, the
 * accounts of the chunks before it are removed, so the file is imported whole or not at all.
 */
export function startImportJob(
	db: Db,
	input: { rows: ImportRow[]; total: number; fileName: string; adminId: number },
	done?: (job: ImportJob) => void
): ImportJob {
	const now = Date.now();
	prune(now);
	const job: ImportJob = {
		id: randomUUID(),
		adminId: input.adminId,
		fileName: input.fileName,
		total: input.total,
		done: 0,
		state: 'running',
		startedAt: now,
		finishedAt: null,
		preview: null,
		message: null,
		accounts: null
	};
	jobs.set(job.id, job);
	void run(db, job, input.rows).finally(() => done?.(job));
	return job;
}

async function run(db: Db, job: ImportJob, rows: ImportRow[]): Promise<void> {
	const joinedOn = todayIso();
	const created: number[] = [];
	const members: ParsedMember[] = [];
	const accounts: ImportedAccount[] = [];
	try {
		for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
			await nextTurn();
			const chunk = rows.slice(start, start + CHUNK_ROWS);
			db.transaction(
				(tx) => {
					const checked = previewImport(tx, chunk);
					if (checked.errors.length > 0) throw new ChunkRefused(checked);
					const codes = checked.valid.map(() => generateOneTimeCode());
					created.push(...insertMembers(tx, checked.valid, codes.map(hashOneTimeCode), joinedOn));
					members.push(...checked.valid);
					checked.valid.forEach((m, i) =>
						accounts.push({
							chapterId: m.chapterId,
							chapterName: m.chapterName,
							fullName: m.fullName,
							username: m.username,
							temporaryPassword: codes[i]!
						})
					);
				},
				{ behavior: 'immediate' }
			);
			job.done = members.length;
		}
		await nextTurn();
		db.transaction((tx) => finishImport(tx, members, job.adminId), { behavior: 'immediate' });
		job.accounts = sortAccounts(accounts);
		job.state = 'done';
	} catch (err) {
		undo(db, created);
		job.state = 'failed';
		if (err instanceof ChunkRefused) job.preview = err.preview;
		else {
			console.error('A member import failed:', err);
			job.message = 'Không nhập được danh sách do lỗi ở máy chủ; không đảng viên nào được thêm. Vui lòng thử lại.';
		}
	} finally {
		job.finishedAt = Date.now();
	}
}

/** Removes the accounts an import made before it failed (their profiles and memberships go with them). */
function undo(db: Db, ids: number[]): void {
	if (ids.length === 0) return;
	db.transaction((tx) => {
		const remove = statement(tx, 'delete from user where id = ?');
		for (const id of ids) remove.run(id);
	});
}
