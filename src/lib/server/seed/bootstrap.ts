import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { roleGrant, user } from '../db/schema';
import { createUnit } from '../db/queries/units';
import { generateTemporaryPassword, hashPassword } from '../auth/password';

/**
 * A real installation starts with no demo data (TUSOI_DEMO=0): an empty database then gets the root
 * organisation and one administrator with a temporary password, which must be changed at first sign-in.
 * Returns the password to print, or null when the database already has accounts.
 */
export async function bootstrapInstallation(
	db: Db,
	options: { rootName: string; adminUsername: string; adminPassword?: string }
): Promise<string | null> {
	if (
		db
			.select({ n: sql<number>`count(*)` })
			.from(user)
			.get()!.n > 0
	)
		return null;
	const password = options.adminPassword || generateTemporaryPassword();
	const passwordHash = await hashPassword(password);
	db.transaction((tx) => {
		const root = createUnit(tx, { name: options.rootName, kind: 'dang_bo_tinh', parentId: null });
		const admin = tx
			.insert(user)
			.values({
				username: options.adminUsername,
				fullName: 'Quản trị hệ thống',
				passwordHash,
				mustChangePassword: true
			})
			.returning({ id: user.id })
			.get();
		tx.insert(roleGrant).values({ userId: admin.id, role: 'admin', unitId: root.id }).run();
	});
	return password;
}
