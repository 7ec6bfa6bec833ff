import { expect, test, type Browser, type Page } from '@playwright/test';
import { hydrated, signIn } from './helpers';

const CHAPTER = 'Chi bộ Văn phòng Sở';

/** A page of its own (cookies and all) signed in as `username`. */
async function signedIn(browser: Browser, username: string, password?: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, username, password);
	return page;
}

async function upload(page: Page, csv: string, button: 'Kiểm tra' | 'Nhập'): Promise<void> {
	await page
		.getByLabel('Tệp danh sách (.csv hoặc .xlsx)')
		.setInputFiles({ name: 'danh-sach.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
	await page.getByRole('button', { name: button, exact: true }).click();
}

test('an administrator imports members: a bad row stops everything, the fixed file creates accounts with temporary passwords', async ({
	browser
}) => {
	// Other browser tests share the database, so the login ids and names are unique to this run.
	const tag = Date.now().toString(36);
	const people = [
		{ name: `Lâm Thị Nhập ${tag}`, username: `nhap${tag}a`, date: '12/03/1985', group: 'B' },
		{ name: `Hoàng Văn Nhập ${tag}`, username: `nhap${tag}b`, date: '31/02/1980', group: 'Mẫu 2A' },
		{ name: `Đinh Thị Nhập ${tag}`, username: `nhap${tag}c`, date: '1990-07-01', group: 'C' }
	];
	const csv = (rows: typeof people) =>
		[
			'Họ và tên;Ngày sinh;Chức vụ;Nhóm đối tượng;Chi bộ;Tên đăng nhập',
			...rows.map((p) => `${p.name};${p.date};Chuyên viên;${p.group};${CHAPTER};${p.username}`)
		].join('\r\n');

	const admin = await signedIn(browser, 'quantri');
	await admin.goto('/admin');
	await admin.getByRole('link', { name: 'Nhập danh sách đảng viên' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Nhập danh sách đảng viên');
	await hydrated(admin);

	await upload(admin, csv(people), 'Kiểm tra');
	await expect(admin.getByRole('alert')).toContainText('Dòng 3: ngày sinh «31/02/1980» không hợp lệ');
	await expect(admin.getByText('3 dòng dữ liệu: 2 dòng hợp lệ, 1 dòng có lỗi.')).toBeVisible();
	await admin.getByRole('button', { name: 'Nhập', exact: true }).click();
	await expect(admin.getByText('Chưa nhập: tệp còn lỗi nên không có đảng viên nào được thêm.')).toBeVisible();
	await expect(admin.getByRole('alert').filter({ hasText: 'Các lỗi cần sửa' })).toContainText(
		'Dòng 3: ngày sinh «31/02/1980» không hợp lệ'
	);

	const secretary = await signedIn(browser, 'bithu01');
	await expect(secretary.getByRole('heading', { level: 1 })).toHaveText(CHAPTER);
	await expect(secretary.getByRole('table').first()).toBeVisible();
	for (const p of people) await expect(secretary.getByText(p.name)).toHaveCount(0);

	people[1]!.date = '28/02/1980';
	await upload(admin, csv(people), 'Kiểm tra');
	await expect(admin.getByText('Mọi dòng đều hợp lệ. Nhấn «Nhập» để tạo 3 tài khoản.')).toBeVisible();
	await admin.getByRole('button', { name: 'Nhập', exact: true }).click();
	await expect(admin.getByText(`Đã nhập 3 đảng viên từ tệp «danh-sach.csv» vào 1 chi bộ.`)).toBeVisible();
	const list = admin.getByRole('region', { name: 'Danh sách mật khẩu tạm thời' });
	await expect(list.getByRole('heading', { name: `Danh sách tài khoản đăng nhập — ${CHAPTER}` })).toBeVisible();
	await expect(admin.getByRole('button', { name: 'In danh sách' })).toBeVisible();
	const row = list.getByRole('row').filter({ hasText: people[0]!.username });
	await expect(row.getByRole('cell').nth(1)).toHaveText(people[0]!.name);
	const password = (await row.getByRole('cell').nth(3).textContent())!.trim();
	// A one-time code in four groups of four, read off paper.
	expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
	await expect(list.getByRole('row')).toHaveCount(4);
	// The accounts were made by a background job: the page follows it by its address, and a reload shows them again.
	await expect(admin).toHaveURL(/\/admin\/import\?job=/);
	await admin.reload();
	await expect(list.getByRole('row').filter({ hasText: people[0]!.username })).toContainText(password);

	await secretary.reload();
	for (const p of people) await expect(secretary.getByRole('rowheader', { name: p.name })).toBeVisible();

	const newcomer = await (await browser.newContext()).newPage();
	await signIn(newcomer, people[0]!.username.toUpperCase(), password);
	await expect(newcomer).toHaveURL(/\/account\/password$/);
	await expect(newcomer.getByText('Bạn đang dùng mật khẩu tạm thời.')).toBeVisible();

	// Once printed, the administrator closes the list: the codes are gone from the server's memory too.
	const jobUrl = admin.url();
	await admin.getByRole('button', { name: 'Đã in xong — đóng danh sách' }).click();
	await expect(admin).toHaveURL(/\/admin\/import$/);
	await expect(list).toHaveCount(0);
	const gone = await admin.goto(jobUrl);
	expect(gone?.status()).toBe(404);
	await expect(admin.getByText(password)).toHaveCount(0);

	for (const p of [admin, secretary, newcomer]) await p.context().close();
});

test('someone who is not an administrator cannot open the import page', async ({ page }) => {
	await signIn(page, 'bithu01');
	const response = await page.goto('/admin/import');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập');
});
