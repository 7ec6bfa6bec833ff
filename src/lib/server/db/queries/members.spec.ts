import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { compareVietnameseNames } from '../../../domain/names';
import { createTestDb, createTestMember, createTestTree, testPasswordHash } from '../../../../../tests/helpers/db';
import type { Db } from '../client';
import { member, membership, user } from '../schema';
import { chapterMembers, createMember, moveMember, type NewMember } from './members';
import { membershipHistory } from '../../../../../tests/helpers/db';
import { findUserByUsername } from './users';

let db: Db;
let tree: ReturnType<typeof createTestTree>;

beforeEach(() => {
	db = createTestDb();
	tree = createTestTree(db);
});

async function newMember(overrides: Partial<NewMember> = {}): Promise<NewMember> {
	return {
		username: 'tranvanan',
		fullName: 'Trần Văn Ân',
		passwordHash: await testPasswordHash(),
		mustChangePassword: true,
		dateOfBirth: '1975-09-02',
		position: 'Trưởng phòng',
		targetGroup: 'A',
		chapterId: tree.chapterA.id,
		joinedOn: '2001-03-26',
		...overrides
	};
}

function counts() {
	const n = (table: typeof user | typeof member | typeof membership) =>
		db
			.select({ n: sql<number>`count(*)` })
			.from(table)
			.get()!.n;
	return { users: n(user), members: n(member), memberships: n(membership) };
}

describe('createMember', () => {
	it('writes the account, the member profile and the first membership', async () => {
		const input = await newMember();
		const id = createMember(db, input);

		expect(db.select().from(user).where(eq(user.id, id)).get()).toMatchObject({
			username: 'tranvanan',
			fullName: 'Trần Văn Ân',
			passwordHash: input.passwordHash,
			mustChangePassword: true,
			active: true
		});
		expect(db.select().from(member).where(eq(member.userId, id)).get()).toEqual({
			userId: id,
			dateOfBirth: '1975-09-02',
			position: 'Trưởng phòng',
			targetGroup: 'A'
		});
		expect(membershipHistory(db, id)).toEqual([
			{ id: expect.any(Number), memberId: id, unitId: tree.chapterA.id, startedOn: '2001-03-26', endedOn: null }
		]);
	});

	it('throws on a duplicate username and leaves nothing half-written', async () => {
		createMember(db, await newMember());
		const before = counts();
		const duplicate = await newMember({ fullName: 'Người Trùng Tên' });

		expect(() => createMember(db, duplicate)).toThrow();
		expect(counts()).toEqual(before);
		expect(db.select().from(user).where(eq(user.fullName, 'Người Trùng Tên')).all()).toEqual([]);
	});

	it('rolls back the account and profile when the membership cannot be written', async () => {
		const before = counts();
		// The chapter does not exist, so the last insert of the three fails on its foreign key.
		const input = await newMember({ username: 'khongchibo', chapterId: 99_999 });
		expect(() => createMember(db, input)).toThrow(/FOREIGN KEY/);
		expect(counts()).toEqual(before);
		expect(findUserByUsername(db, 'khongchibo')).toBeUndefined();
	});

	it('creates an account that can be found by the login id it was given, capitals and all', async () => {
		// Sign-in looks ids up in lower case (findUserByUsername), so they must be stored that way.
		const id = createMember(db, await newMember({ username: 'NguyenVanAn' }));
		expect(findUserByUsername(db, 'NguyenVanAn')?.id).toBe(id);
	});
});

describe('moveMember', () => {
	it('closes the old membership on the date and opens one in the new chapter', async () => {
		const id = await createTestMember(db, tree.chapterA);
		moveMember(db, id, tree.otherChapter.id, '2025-07-01');

		const history = membershipHistory(db, id);
		expect(history.map(({ unitId, startedOn, endedOn }) => ({ unitId, startedOn, endedOn }))).toEqual([
			{ unitId: tree.chapterA.id, startedOn: '2010-01-01', endedOn: '2025-07-01' },
			{ unitId: tree.otherChapter.id, startedOn: '2025-07-01', endedOn: null }
		]);
	});

	it('keeps the whole history and exactly one open membership over several moves', async () => {
		const id = await createTestMember(db, tree.chapterA);
		moveMember(db, id, tree.chapterB.id, '2020-01-01');
		moveMember(db, id, tree.otherChapter.id, '2024-06-15');

		const history = membershipHistory(db, id);
		expect(history.map((m) => m.unitId)).toEqual([tree.chapterA.id, tree.chapterB.id, tree.otherChapter.id]);
		expect(history.filter((m) => m.endedOn === null)).toHaveLength(1);
		expect(history.find((m) => m.endedOn === null)!.unitId).toBe(tree.otherChapter.id);
	});

	it('leaves other members where they are', async () => {
		const moved = await createTestMember(db, tree.chapterA);
		const stays = await createTestMember(db, tree.chapterA);
		moveMember(db, moved, tree.chapterB.id, '2025-01-01');
		expect(membershipHistory(db, stays)).toEqual([
			expect.objectContaining({ unitId: tree.chapterA.id, endedOn: null })
		]);
	});

	it('is backed by a unique index: a second open membership cannot be inserted', async () => {
		const id = await createTestMember(db, tree.chapterA);
		expect(() =>
			db.insert(membership).values({ memberId: id, unitId: tree.chapterB.id, startedOn: '2025-01-01' }).run()
		).toThrow(/UNIQUE/);
		// Closed rows are not limited.
		db.insert(membership)
			.values({ memberId: id, unitId: tree.chapterB.id, startedOn: '2000-01-01', endedOn: '2005-01-01' })
			.run();
		expect(membershipHistory(db, id)).toHaveLength(2);
	});
});

describe('chapterMembers', () => {
	it('lists only current members, by given name in Vietnamese order', async () => {
		const names = ['Phạm Văn Đức', 'Nguyễn Đức Dũng', 'Lê Thị Bình', 'Trần Văn Ân'];
		for (const fullName of names) await createTestMember(db, tree.chapterA, { fullName });
		const leaver = await createTestMember(db, tree.chapterA, { fullName: 'Đỗ Văn An' });
		await createTestMember(db, tree.chapterB, { fullName: 'Hoàng Văn Bách' });
		moveMember(db, leaver, tree.chapterB.id, '2025-05-01');

		expect(chapterMembers(db, tree.chapterA.id).map((m) => m.fullName)).toEqual([
			'Trần Văn Ân',
			'Lê Thị Bình',
			'Nguyễn Đức Dũng',
			'Phạm Văn Đức'
		]);
		expect(chapterMembers(db, tree.chapterB.id).map((m) => m.fullName)).toEqual(['Đỗ Văn An', 'Hoàng Văn Bách']);
	});

	it('returns the fields the chapter page shows', async () => {
		const id = await createTestMember(db, tree.chapterB, {
			username: 'lethu',
			fullName: 'Lê Thị Thu',
			targetGroup: 'C'
		});
		expect(chapterMembers(db, tree.chapterB.id)).toEqual([
			{
				userId: id,
				username: 'lethu',
				fullName: 'Lê Thị Thu',
				dateOfBirth: '1980-05-17',
				position: 'Chuyên viên',
				targetGroup: 'C'
			}
		]);
	});

	it('is empty for a chapter whose members have all moved away', async () => {
		const id = await createTestMember(db, tree.otherChapter);
		moveMember(db, id, tree.chapterA.id, '2025-02-01');
		expect(chapterMembers(db, tree.otherChapter.id)).toEqual([]);
	});
});

describe('compareVietnameseNames', () => {
	const sorted = (names: string[]) => [...names].sort(compareVietnameseNames);

	it('orders by given name, with Vietnamese letters in their own place (ă, â after a; đ after d)', () => {
		expect(sorted(['Phạm Văn Đức', 'Nguyễn Đức Dũng', 'Lê Thị Bình', 'Trần Văn Ân'])).toEqual([
			'Trần Văn Ân',
			'Lê Thị Bình',
			'Nguyễn Đức Dũng',
			'Phạm Văn Đức'
		]);
		expect(sorted(['Vũ Văn Ân', 'Lê Thị Ánh', 'Trần Văn An', 'Hồ Văn Anh'])).toEqual([
			'Trần Văn An',
			'Hồ Văn Anh',
			'Lê Thị Ánh',
			'Vũ Văn Ân'
		]);
		expect(compareVietnameseNames('Ngô Văn Dương', 'Ngô Văn Đông')).toBeLessThan(0);
	});

	it('ignores the family name until the given names tie', () => {
		expect(compareVietnameseNames('Vũ Thị An', 'Bùi Văn Bình')).toBeLessThan(0);
		expect(compareVietnameseNames('Lê Văn Hùng', 'Nguyễn Văn Hùng')).toBeLessThan(0);
		expect(compareVietnameseNames('Nguyễn Văn Hùng', 'Lê Văn Hùng')).toBeGreaterThan(0);
		expect(compareVietnameseNames('Nguyễn Thị Thu Hà', 'Nguyễn Thị Hà')).not.toBe(0);
	});

	it('returns 0 only for the same name', () => {
		expect(compareVietnameseNames('Lê Thị Hoa', 'Lê Thị Hoa')).toBe(0);
		// Hoa and Hòa are different given names; treating them as equal leaves the list order to chance.
		expect(compareVietnameseNames('Nguyễn Thị Hoa', 'Nguyễn Thị Hòa')).toBeLessThan(0);
	});

	it('keeps the tone order of the dictionary for given names (Hoa, Hòa, Hỏa, Hõa, Hóa, Họa)', () => {
		expect(sorted(['Lê Thị Hòa', 'Trần Thị Hoa', 'Bùi Văn Họa', 'Đặng Thị Hóa'])).toEqual([
			'Trần Thị Hoa',
			'Lê Thị Hòa',
			'Đặng Thị Hóa',
			'Bùi Văn Họa'
		]);
	});

	it('is antisymmetric over a sample of names', () => {
		const names = [
			'Trần Văn Ân',
			'Lê Thị Bình',
			'Nguyễn Đức Dũng',
			'Phạm Văn Đức',
			'Lê Văn Hùng',
			'Vũ Thị An',
			'Hồ Văn Anh'
		];
		for (const a of names) {
			for (const b of names)
				expect(Math.sign(compareVietnameseNames(a, b))).toBe(-Math.sign(compareVietnameseNames(b, a)) || 0);
		}
	});
});
