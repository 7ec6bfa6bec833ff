import { expect, test } from '@playwright/test';
import { hydrated, signIn } from './helpers';

test('an administrator adds a member, edits, moves and deactivates them', async ({ page, browser }) => {
	const username = `moi${Date.now().toString(36)}`;
	await signIn(page, 'quantri');
	await page.goto('/admin/members/new');
	await hydrated(page);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Họ và tên').fill('Trịnh Thị Thanh Hương');
	await page.getByLabel('Ngày sinh').fill('1992-08-19');
	await page.getByLabel('Chức vụ').fill('Chuyên viên');
	await page
		.getByLabel('Nhóm đối tượng')
		.selectOption({ label: 'Nhóm B (Mẫu 2B) — Đảng viên không giữ chức vụ lãnh đạo, quản lý' });
	await page.getByLabel('Chi bộ').selectOption({ label: 'Chi bộ Tổ kỹ thuật' });
	await page.getByRole('button', { name: 'Thêm đảng viên' }).click();
	const created = page.getByRole('status');
	await expect(created).toContainText(`Tên đăng nhập: ${username}`);
	const password = (await created.locator('.password').textContent())!.trim();
	expect(password).toMatch(/^[a-z0-9]{12}$/);

	await created.getByRole('link', { name: 'Trịnh Thị Thanh Hương' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trịnh Thị Thanh Hương');
	await hydrated(page);
	await page.getByLabel('Chức vụ').fill('Phó Trưởng phòng');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByText('Đã lưu.')).toBeVisible();

	await page.getByLabel('Đến chi bộ').selectOption({ label: 'Chi bộ Văn phòng Công ty' });
	await page.getByRole('button', { name: 'Chuyển' }).click();
	await expect(page.getByText('Đã chuyển sinh hoạt.')).toBeVisible();
	const history = page.locator('section', { hasText: 'Quá trình sinh hoạt' });
	await expect(history.getByRole('listitem')).toHaveCount(2);
	await expect(history).toContainText('Chi bộ Tổ kỹ thuật: từ');
	await expect(history).toContainText('Chi bộ Văn phòng Công ty: từ');
	await expect(history).toContainText('đến nay');

	// Before deactivation the member can sign in (and must change the temporary password).
	const other = await browser.newContext();
	const memberPage = await other.newPage();
	await memberPage.goto('/login');
	await hydrated(memberPage);
	await memberPage.getByLabel('Tên đăng nhập').fill(username);
	await memberPage.getByLabel('Mật khẩu').fill(password);
	await memberPage.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(memberPage).toHaveURL(/\/account\/password$/);

	await page.getByRole('button', { name: 'Ngừng tài khoản' }).click();
	await expect(page.getByText('Đã ngừng tài khoản.')).toBeVisible();
	await memberPage.goto('/account/password');
	await expect(memberPage).toHaveURL(/\/login/);
	await memberPage.getByLabel('Tên đăng nhập').fill(username);
	await memberPage.getByLabel('Mật khẩu').fill(password);
	await memberPage.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(memberPage.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
	await other.close();
});

test('a new member with a login id already taken is refused with the reason next to the field', async ({ page }) => {
	await signIn(page, 'quantri');
	await page.goto('/admin/members/new');
	await hydrated(page);
	await page.getByLabel('Tên đăng nhập').fill('dangvien001');
	await page.getByLabel('Họ và tên').fill('Người Trùng Tên');
	await page.getByLabel('Ngày sinh').fill('1990-01-01');
	await page.getByRole('button', { name: 'Thêm đảng viên' }).click();
	await expect(page.getByText('Tên đăng nhập này đã có người dùng.')).toBeVisible();
	await expect(page.getByLabel('Họ và tên')).toHaveValue('Người Trùng Tên');
});
