import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestAccount, createTestDb, createTestMember, createTestTree } from '../../../../tests/helpers/db';
import type { Connection } from '../db/client';
import { auditEvent, unit } from '../db/schema';
import { findUserByUsername } from '../db/queries/users';
import { verifyPassword } from '../auth/password';
import { parseImportFile, type ImportRow } from './parse';
import { previewImport } from './members';
import {
	CHUNK_ROWS,
	dismissImportJob,
	importJob,
	latestImportJob,
	runningImportJob,
	startImportJob,
	type ImportJob
} from './job';

const HEADER = 'Họ và tên,Ngày sinh,Chức vụ,Nhóm đối tượng,Chi bộ,Tên đăng nhập';

async function rowsOf(lines: string[]): Promise<ImportRow[]> {
	const parsed = await parseImportFile(new TextEncoder().encode([HEADER, ...lines].join('\n')));
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.rows;
}

const count = (db: Connection, table: string) =>
	(db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('member import as a background job', () => {
	let db: Connection;
	let tree: ReturnType<typeof createTestTree>;
	let adminId: number;
	beforeEach(async () => {
		db = createTestDb();
		tree = createTestTree(db);
		adminId = await createTestAccount(db, 'quantri');
	});

	const file = (n: number) =>
		Array.from(
			{ length: n },
			(_, i) =>
				`Lê Văn Nền ${i},0${(i % 9) + 1}/05/1980,Đảng viên,B,${i % 2 ? tree.chapterA.name : tree.chapterB.name},nen${i}`
		);

	/** Starts the job and waits until it ends, counting the turns of the event loop other work got meanwhile. */
	async function run(rows: ImportRow[], admin = adminId) {
		const { valid } = previewImport(db, rows);
		let finished!: (job: ImportJob) => void;
		const ended = new Promise<ImportJob>((resolve) => (finished = resolve));
		const job = startImportJob(db, { rows, total: valid.length, fileName: 'ds.csv', adminId: admin }, finished);
		const seen: number[] = [];
		let over = false;
		const other = () => {
			if (over) return;
			seen.push(job.done);
			setImmediate(other);
		};
		setImmediate(other);
		const result = await ended;
		over = true;
		return { job: result, seen, startedAs: job };
	}

	it('writes 2,500 members in chunks, reporting progress, with the codes for its administrator only', async () => {
		const rows = await rowsOf(file(2500));
		const { job, seen } = await run(rows);
		expect(job).toMatchObject({ state: 'done', total: 2500, done: 2500, preview: null, message: null });
		expect(job.accounts).toHaveLength(2500);
		// Other work ran between the chunks, and saw the progress grow one chunk at a time.
		expect(new Set(seen)).toEqual(new Set([CHUNK_ROWS, 2 * CHUNK_ROWS, 2500]));
		expect(count(db, 'user')).toBe(2501);
		const memberCount = (id: number) => db.select().from(unit).where(eq(unit.id, id)).get()!.memberCount;
		expect([memberCount(tree.chapterA.id), memberCount(tree.chapterB.id), memberCount(tree.province.id)]).toEqual([
			1250, 1250, 2500
		]);
		const audit = db.select().from(auditEvent).where(eq(auditEvent.action, 'member.import')).all();
		expect(audit).toMatchObject([{ actorId: adminId, detail: { count: 2500, chapters: 2 } }]);
		const first = job.accounts![0]!;
		expect(await verifyPassword(findUserByUsername(db, first.username)!.passwordHash, first.temporaryPassword)).toBe(
			true
		);

		expect(importJob(job.id, adminId)).toBe(job);
		expect(latestImportJob(adminId)).toBe(job);
		const other = await createTestAccount(db, 'quantri2');
		expect(importJob(job.id, other)).toBeUndefined();
		expect(dismissImportJob(job.id, other)).toBe(false);
		expect(dismissImportJob(job.id, adminId)).toBe(true);
		expect(importJob(job.id, adminId)).toBeUndefined();
		expect(runningImportJob()).toBeUndefined();
	});

	it('leaves nothing behind when a later chunk no longer passes: a login id taken after the check', async () => {
		const rows = await rowsOf(file(2500));
		const { valid } = previewImport(db, rows);
		expect(valid).toHaveLength(2500);
		const before = { user: count(db, 'user'), member: count(db, 'member'), membership: count(db, 'membership') };
		let finished!: (job: ImportJob) => void;
		const ended = new Promise<ImportJob>((resolve) => (finished = resolve));
		startImportJob(db, { rows, total: 2500, fileName: 'ds.csv', adminId }, finished);
		// Another administrator creates an account with a login id of the third chunk while the first is written.
		await createTestMember(db, tree.chapterA, { username: 'nen2400' });
		const job = await ended;
		expect(job.state).toBe('failed');
		expect(job.accounts).toBeNull();
		expect(job.preview!.errors.map((e) => e.message)).toEqual([
			'Dòng 2402: tên đăng nhập «nen2400» đã có tài khoản trong hệ thống'
		]);
		expect({ user: count(db, 'user'), member: count(db, 'member'), membership: count(db, 'membership') }).toEqual({
			user: before.user + 1,
			member: before.member + 1,
			membership: before.membership + 1
		});
		expect(db.select().from(auditEvent).where(eq(auditEvent.action, 'member.import')).all()).toEqual([]);
	});
});
