import { expect, test } from '@playwright/test';
import { hydrated, signIn } from './helpers';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a new member with a taken login id keeps every other field, the error by the login id', async ({ page }) => {
		await signIn(page, 'quantri');
		await page.goto('/admin/members/new');
		await page.getByLabel('Tên đăng nhập').fill('dangvien001');
		await page.getByLabel('Họ và tên').fill('Lê Văn Trùng');
		await page.getByLabel('Ngày sinh').fill('1988-03-12');
		await page.getByLabel('Chức vụ').fill('Phó trưởng phòng');
		await page.getByLabel('Chi bộ').selectOption({ label: 'Chi bộ Tổ kỹ thuật' });
		await page.getByRole('button', { name: 'Thêm đảng viên' }).click();
		await expect(page.getByText('Tên đăng nhập này đã có người dùng.')).toBeVisible();
		await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('dangvien001');
		await expect(page.getByLabel('Họ và tên')).toHaveValue('Lê Văn Trùng');
		await expect(page.getByLabel('Ngày sinh')).toHaveValue('1988-03-12');
		await expect(page.getByLabel('Chức vụ')).toHaveValue('Phó trưởng phòng');
		await expect(page.getByLabel('Chi bộ').locator('option:checked')).toHaveText('Chi bộ Tổ kỹ thuật');
	});
});

test('editing a member with an empty name is refused and keeps what was typed in the other fields', async ({
	page
}) => {
	await signIn(page, 'quantri');
	await page.goto('/admin/members/new');
	await hydrated(page);
	const username = `sua${Date.now().toString(36)}`;
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Họ và tên').fill('Phan Thị Sửa');
	await page.getByLabel('Ngày sinh').fill('1990-01-01');
	await page.getByRole('button', { name: 'Thêm đảng viên' }).click();
	await page.getByRole('status').getByRole('link', { name: 'Phan Thị Sửa' }).click();
	// A client-side navigation: the body stays marked hydrated, so wait for the member's own page first.
	await expect(page).toHaveURL(/\/admin\/members\/\d+$/);
	await expect(page.getByRole('button', { name: 'Lưu', exact: true })).toBeVisible();
	await expect(page.getByLabel('Họ và tên')).toHaveValue('Phan Thị Sửa');
	await hydrated(page);

	await page.getByLabel('Họ và tên').fill('');
	await page.getByLabel('Chức vụ').fill('Trưởng phòng mới');
	await page.getByRole('button', { name: 'Lưu', exact: true }).click();
	const name = page.getByLabel('Họ và tên');
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Chức vụ')).toHaveValue('Trưởng phòng mới');
	await page.reload();
	await expect(page.getByLabel('Chức vụ')).not.toHaveValue('Trưởng phòng mới');
});
