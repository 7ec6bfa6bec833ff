import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from './client';

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
