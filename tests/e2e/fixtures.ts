import { expect, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { createDb } from '../../src/lib/server/db/client';
import { createMember } from '../../src/lib/server/db/queries/members';
import { unit } from '../../src/lib/server/db/schema';
import { hashPassword } from '../../src/lib/server/auth/password';
import { E2E_DATABASE } from './paths';

export const DEMO_PASSWORD = 'tusoi2026';

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/** Adds a member with a temporary password straight into the test server's database (it runs in WAL mode, so this is safe while it serves). */
export async function createMemberWithTemporaryPassword(username: string, password: string): Promise<void> {
	const db = createDb(E2E_DATABASE);
	try {
		const found = db.select().from(unit).where(eq(unit.kind, 'chi_bo')).limit(1).get();
		if (!found) throw new Error('The demo data has no chapter');
		createMember(db, {
			username,
			fullName: 'Đỗ Thị Mới',
			passwordHash: await hashPassword(password),
			mustChangePassword: true,
			dateOfBirth: '1995-09-02',
			position: 'Chuyên viên',
			targetGroup: 'B',
			chapterId: found.id,
			joinedOn: '2024-05-19'
		});
	} finally {
		db.$client.close();
	}
}
