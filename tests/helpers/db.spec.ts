import { describe, expect, it } from 'vitest';
import { createTestDb, createTestTree } from './db';

describe('test database', () => {
	it('is built from the migrations with foreign keys enforced', () => {
		const db = createTestDb();
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		const tables = db.$client.prepare("select name from sqlite_master where type = 'table'").all() as {
			name: string;
		}[];
		expect(tables.map((t) => t.name)).toEqual(
			expect.arrayContaining(['unit', 'user', 'member', 'membership', 'session'])
		);
	});

	it('gives each unit the path of its ancestors', () => {
		const db = createTestDb();
		const tree = createTestTree(db);
		expect(tree.chapterA.path).toBe(
			`/${tree.province.id}/${tree.branch.id}/${tree.grassroots.id}/${tree.chapterA.id}/`
		);
		expect(tree.chapterA.depth).toBe(3);
	});
});
