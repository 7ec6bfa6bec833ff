import { DATABASE_FILE, getDb } from './db';
import { deleteExpiredSessions } from './auth/session';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from './seed/demo';
import { findUserByUsername } from './db/queries/users';
import { ensureDefaultTemplate } from './db/queries/templates';

/** Opens and migrates the database, loads demo data into an empty one, and says how to sign in. */
export async function startUp(): Promise<void> {
	const db = getDb();
	ensureDefaultTemplate(db);
	const seeded = await seedDemoData(db);
	deleteExpiredSessions(db);
	console.log(`tusoi: cơ sở dữ liệu ${DATABASE_FILE}${seeded ? ' (vừa nạp dữ liệu mẫu)' : ''}`);
	const demo = DEMO_ACCOUNTS.filter((a) => findUserByUsername(db, a.username));
	if (demo.length > 0) {
		console.log(`Tài khoản dùng thử (mật khẩu ${DEMO_PASSWORD}, nếu chưa đổi):`);
		for (const a of demo) console.log(`  ${a.role.padEnd(16)} ${a.username}`);
	}
}
