import { eq } from 'drizzle-orm';
import { createDb, type Connection, type Db } from '../../src/lib/server/db/client';
import { createMember } from '../../src/lib/server/db/queries/members';
import { createUnit, type UnitRow } from '../../src/lib/server/db/queries/units';
import { membership, roleGrant, user, type GrantedRole } from '../../src/lib/server/db/schema';
import { hashPassword } from '../../src/lib/server/auth/password';
import type { TargetGroup } from '../../src/lib/domain/template';

/** A fresh in-memory database built from the committed migrations. */
export function createTestDb(): Connection {
	return createDb(':memory:');
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'mat-khau-thu-1';

/** One argon2 hash of TEST_PASSWORD, computed once per test file. */
export function testPasswordHash(): Promise<string> {
	cachedHash ??= hashPassword(TEST_PASSWORD);
	return cachedHash;
}

/** A small tree: province → đảng bộ trực thuộc → đảng bộ cơ sở → two chapters, plus a second branch with one chapter. */
export function createTestTree(db: Db) {
	const province = createUnit(db, { name: 'Đảng bộ tỉnh Thử', kind: 'dang_bo_tinh', parentId: null });
	const branch = createUnit(db, { name: 'Đảng bộ phường Một', kind: 'dang_bo_truc_thuoc', parentId: province.id });
	const grassroots = createUnit(db, { name: 'Đảng bộ Trường Một', kind: 'dang_bo_co_so', parentId: branch.id });
	const chapterA = createUnit(db, { name: 'Chi bộ Giáo viên', kind: 'chi_bo', parentId: grassroots.id });
	const chapterB = createUnit(db, { name: 'Chi bộ Hành chính', kind: 'chi_bo', parentId: grassroots.id });
	const otherBranch = createUnit(db, { name: 'Đảng bộ xã Hai', kind: 'dang_bo_truc_thuoc', parentId: province.id });
	const otherChapter = createUnit(db, { name: 'Chi bộ Thôn Hai', kind: 'chi_bo_co_so', parentId: otherBranch.id });
	return { province, branch, grassroots, chapterA, chapterB, otherBranch, otherChapter };
}

let seq = 0;

/** A member of `chapter` with the test password; options set the rest. */
export async function createTestMember(
	db: Db,
	chapter: UnitRow,
	options: { username?: string; fullName?: string; targetGroup?: TargetGroup; mustChangePassword?: boolean } = {}
): Promise<number> {
	seq += 1;
	return createMember(db, {
		username: options.username ?? `thanhvien${seq}`,
		fullName: options.fullName ?? `Nguyễn Văn Thử ${seq}`,
		passwordHash: await testPasswordHash(),
		mustChangePassword: options.mustChangePassword ?? false,
		dateOfBirth: '1980-05-17',
		position: 'Chuyên viên',
		targetGroup: options.targetGroup ?? 'B',
		chapterId: chapter.id,
		joinedOn: '2010-01-01'
	});
}

/** An account without membership (an administrator or committee user, say). */
export async function createTestAccount(db: Db, username: string, mustChangePassword = false): Promise<number> {
	return db
		.insert(user)
		.values({ username, fullName: `Tài khoản ${username}`, passwordHash: await testPasswordHash(), mustChangePassword })
		.returning({ id: user.id })
		.get().id;
}

/** Gives a role over a unit straight in the table (tests only; the use case with its rules is grantRole in queries/roles.ts). */
export function giveRole(db: Db, userId: number, role: GrantedRole, unit: UnitRow): void {
	db.insert(roleGrant).values({ userId, role, unitId: unit.id }).run();
}

/** Membership history of one member, oldest first (the app reads it through memberForAdmin; tests compare whole rows). */
export function membershipHistory(db: Db, memberId: number) {
	return db.select().from(membership).where(eq(membership.memberId, memberId)).orderBy(membership.startedOn).all();
}
