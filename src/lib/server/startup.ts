import { DATABASE_FILE, getDb } from './db';
import { housekeeping, HOUSEKEEPING_MS } from './housekeeping';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from './seed/demo';
import { bootstrapInstallation } from './seed/bootstrap';
import { findUserByUsername } from './db/queries/users';
import { ensureDefaultTemplate } from './admin/templates';

/**
 * Opens and migrates the database, then fills an empty one: with the demo province by default, or with
 * just the root organisation and an administrator when TUSOI_DEMO=0. Says how to sign in.
 */
export async function startUp(env: Record<string, string | undefined> = process.env): Promise<void> {
	const db = getDb();
	ensureDefaultTemplate(db);
	housekeeping(db);
	// Every hour while the server runs; the timer never keeps the process alive on its own.
	setInterval(() => {
		try {
			housekeeping(getDb());
		} catch (err) {
			// A busy database (a long import) is no reason to stop the server; the next hour tries again.
			console.error('tusoi: housekeeping failed', err);
		}
	}, HOUSEKEEPING_MS).unref();
	if (env.TUSOI_DEMO === '0') {
		const adminUsername = env.TUSOI_ADMIN_USERNAME || 'quantri';
		const password = await bootstrapInstallation(db, {
			rootName: env.TUSOI_ROOT_NAME || 'Đảng bộ tỉnh',
			adminUsername,
			adminPassword: env.TUSOI_ADMIN_PASSWORD
		});
		console.log(`tusoi: cơ sở dữ liệu ${DATABASE_FILE}`);
		if (password)
			console.log(
				`Tài khoản quản trị: ${adminUsername}, mật khẩu tạm thời: ${password} (phải đổi khi đăng nhập lần đầu)`
			);
		return;
	}
	const seeded = await seedDemoData(db);
	console.log(`tusoi: cơ sở dữ liệu ${DATABASE_FILE}${seeded ? ' (vừa nạp dữ liệu mẫu)' : ''}`);
	const demo = DEMO_ACCOUNTS.filter((a) => findUserByUsername(db, a.username));
	if (demo.length > 0) {
		console.log(`Tài khoản dùng thử (mật khẩu ${DEMO_PASSWORD}, nếu chưa đổi):`);
		for (const a of demo) console.log(`  ${a.role.padEnd(16)} ${a.username}`);
	}
}
