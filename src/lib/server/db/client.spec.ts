import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, MIGRATIONS_DIR } from './client';

const dir = mkdtempSync(join(tmpdir(), 'tusoi-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('createDb', () => {
	it('makes the database, its -wal and -shm owner-only, in a data directory only the owner can enter', () => {
		const file = join(dir, 'data', 'nested', 'tusoi.db');
		const db = createDb(file);
		db.$client.prepare("insert into audit_event (action) values ('test')").run();
		expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual(['600', '600', '600']);
		expect([modeOf(join(dir, 'data')), modeOf(join(dir, 'data', 'nested'))]).toEqual(['700', '700']);
		db.$client.close();
	});

	it('narrows a database that others could read, and the -wal and -shm SQLite makes for it next', () => {
		const shared = join(dir, 'shared');
		mkdirSync(shared, { mode: 0o755 });
		const file = join(shared, 'old.db');
		const old = new Database(file);
		old.pragma('journal_mode = WAL');
		old.close();
		writeFileSync(join(shared, 'other.txt'), 'x');
		expect(modeOf(file)).toBe('644');
		const db = createDb(file);
		db.$client.prepare("insert into audit_event (action) values ('test')").run();
		expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual(['600', '600', '600']);
		db.$client.close();
		// A directory that was there before is not the database's to narrow.
		expect(modeOf(shared)).toBe('755');
		expect(modeOf(join(shared, 'other.txt'))).toBe('644');
	});
});

describe('the collective-sheet migration (0008), which rebuilds the sheet table', () => {
	it("keeps every sheet's answers and history, and lets a sheet be a member's or a collective's, never both or neither", () => {
		// The migrations up to 0007, then a member's sheet with an answer and a note, then the rest.
		const before = join(dir, 'migrations-0007');
		cpSync(MIGRATIONS_DIR, before, { recursive: true });
		const journalFile = join(before, 'meta', '_journal.json');
		const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
		const upTo = journal.entries.findIndex((e) => e.tag.startsWith('0008_'));
		writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
		const file = join(dir, 'upgrade.db');
		const old = createDb(file, { migrationsFolder: before });
		const run = (sql: string) => old.$client.prepare(sql).run();
		run("insert into unit (id, name, kind, path, depth) values (1, 'Chi bộ A', 'chi_bo', '/1/', 0)");
		run("insert into user (id, username, full_name, password_hash) values (1, 'a', 'Nguyễn Văn A', 'x')");
		run("insert into template (id, key, name) values (1, 't', 'T')");
		run("insert into template_version (id, template_id, version, content) values (1, 1, 1, '{}')");
		run(
			"insert into period (id, name, year, unit_id, template_version_id, opens_on, deadline) values (1, 'Năm 2026', 2026, 1, 1, '2026-01-01', '2026-12-31')"
		);
		run(
			"insert into sheet (id, period_id, member_id, chapter_id, target_group, template_version_id) values (1, 1, 1, 1, 'B', 1)"
		);
		run("insert into sheet_answer (sheet_id, code, level) values (1, 'TT1.1', 2)");
		run("insert into review_note (sheet_id, text, author_id) values (1, 'Ghi chú', 1)");
		old.$client.close();

		const db = createDb(file);
		const count = (table: string) =>
			(db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
		expect([count('sheet'), count('sheet_answer'), count('review_note')]).toEqual([1, 1, 1]);
		const insert = (member: string, collective: string, group: string) =>
			db.$client
				.prepare(
					`insert into sheet (period_id, member_id, collective_unit_id, chapter_id, target_group, template_version_id) values (1, ${member}, ${collective}, 1, '${group}', 1)`
				)
				.run();
		insert('null', '1', 'CB');
		expect(() => insert('null', '1', 'CB')).toThrow(/UNIQUE/);
		expect(() => insert('1', '1', 'CB')).toThrow(/CHECK/);
		expect(() => insert('null', 'null', 'CB')).toThrow(/CHECK/);
		// Foreign keys are on again once migrated: deleting a sheet still takes its answers with it.
		db.$client.prepare('delete from sheet where id = 1').run();
		expect(count('sheet_answer')).toBe(0);
		db.$client.close();
	});
});
