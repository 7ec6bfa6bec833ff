import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../src/lib/server/db/client';
import { loadSheetDetail } from '../../src/lib/server/db/queries/sheets';
import { seedDemoData } from '../../src/lib/server/seed/demo';

const dir = mkdtempSync(join(tmpdir(), 'tusoi-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A second process that keeps writing sheets, as a busy server would.
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000');
const insert = db.prepare("insert into audit_event (action, detail) values ('load', ?)");
const until = Date.now() + Number(process.argv[2]);
let n = 0;
while (Date.now() < until) { db.transaction(() => { for (let i = 0; i < 50; i++) insert.run(JSON.stringify({ n: n++ })); })(); }
console.log(n);
`;

describe('npm run backup', () => {
	it('copies the live database while another process writes; the copy is whole and restores with every sheet', async () => {
		const file = join(dir, 'live.db');
		const db = createDb(file);
		await seedDemoData(db);
		const before = db.$client.prepare('select count(*) as n from audit_event').get() as { n: number };
		const sheetIds = (db.$client.prepare('select id from sheet order by id').all() as { id: number }[]).map(
			(r) => r.id
		);
		expect(sheetIds.length).toBeGreaterThan(100);
		// A handed-in sheet's answers as the live database holds them, to find again in the restored copy.
		const answered = db.$client
			.prepare("select id from sheet where status in ('submitted', 'approved') order by id limit 1")
			.get() as { id: number };
		const liveAnswers = loadSheetDetail(db, answered.id)!.answers;
		expect(Object.keys(liveAnswers).length).toBeGreaterThan(10);
		db.$client.close();

		const writer = spawn(process.execPath, ['-e', WRITER, file, '1500'], { stdio: ['ignore', 'pipe', 'inherit'] });
		let written = '';
		writer.stdout.on('data', (d) => (written += d));
		await new Promise((r) => setTimeout(r, 200));
		const target = join(dir, 'copy.db');
		const out = execFileSync(process.execPath, ['scripts/backup.js', target], {
			env: { ...process.env, DATABASE_URL: file },
			encoding: 'utf8'
		});
		await new Promise((r) => writer.on('exit', r));

		expect(out).toContain('integrity_check: ok');
		expect(Number(written)).toBeGreaterThan(0);
		const copy = new Database(target, { readonly: true });
		expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
		const copied = (copy.prepare('select count(*) as n from audit_event').get() as { n: number }).n;
		// Every row committed before the backup began is there; rows are copied in whole transactions of 50.
		expect(copied).toBeGreaterThanOrEqual(before.n);
		expect((copied - before.n) % 50).toBe(0);
		const tables = copy.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
		expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['sheet', 'user', 'unit', 'period']));
		copy.close();

		// Restoring is putting the copy in place of the live file: it opens, migrates (nothing to do) and holds every sheet.
		const restored = createDb(target);
		const restoredIds = (restored.$client.prepare('select id from sheet order by id').all() as { id: number }[]).map(
			(r) => r.id
		);
		expect(restoredIds).toEqual(sheetIds);
		expect(loadSheetDetail(restored, answered.id)?.answers).toEqual(liveAnswers);
		restored.$client.close();
	}, 60_000);

	it('writes the copy owner-only, in a backups directory only the owner can enter', () => {
		const file = join(dir, 'live3.db');
		createDb(file).$client.close();
		const target = join(dir, 'backups', 'copy.db');
		execFileSync(process.execPath, ['scripts/backup.js', target], { env: { ...process.env, DATABASE_URL: file } });
		const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
		expect([modeOf(target), modeOf(join(dir, 'backups'))]).toEqual(['600', '700']);
	});

	it('refuses to overwrite an existing file', () => {
		const file = join(dir, 'live2.db');
		createDb(file).$client.close();
		const target = join(dir, 'exists.db');
		createDb(target).$client.close();
		const existing = readFileSync(target);
		const run = spawnSync(process.execPath, ['scripts/backup.js', target], {
			env: { ...process.env, DATABASE_URL: file },
			encoding: 'utf8'
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(`Tệp đích đã tồn tại, không ghi đè: ${target}`);
		expect(run.stdout).toBe('');
		expect(readFileSync(target).equals(existing)).toBe(true);
	});
});
