import { expect, test, type Browser, type Page } from '@playwright/test';
import { hydrated, signIn } from './helpers';
import { addDays, formatDate } from '../../src/lib/domain/dates';

// Other browser tests share this database and run at the same time: this file only adds units, roles and a
// period of its own (unique names), and never renames, moves or closes the demo units or periods.

/** A page of its own (cookies and all) signed in as `username`. */
async function signedIn(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, username);
	return page;
}

const idFrom = (page: Page) => Number(/\/(\d+)$/.exec(new URL(page.url()).pathname)![1]);

/** Adds a unit through the form on the current unit page and opens the new unit's page; returns its id. */
async function addChild(admin: Page, name: string, kindLabel: string): Promise<number> {
	await admin.getByLabel('Tên', { exact: true }).fill(name);
	await admin.getByLabel('Loại', { exact: true }).selectOption({ label: kindLabel });
	await admin.getByRole('button', { name: 'Thêm', exact: true }).click();
	await expect(admin.getByRole('status')).toHaveText(`Đã thêm ${name}.`);
	await admin.getByRole('link', { name, exact: true }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(name);
	await hydrated(admin);
	return idFrom(admin);
}

test('an administrator builds units, gives and takes a role that changes what a member can open, and extends a period', async ({
	browser
}) => {
	const tag = Date.now().toString(36);
	const grassroots = `Đảng bộ Công ty Thử ${tag}`;
	const renamed = `Đảng bộ Công ty Thử Nghiệm ${tag}`;
	const chapter = `Chi bộ Phân xưởng ${tag}`;

	const admin = await signedIn(browser, 'quantri');
	await admin.getByRole('link', { name: 'Đảng bộ phường Hòa Bình', exact: true }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Đảng bộ phường Hòa Bình');
	const wardId = idFrom(admin);
	await hydrated(admin);

	const grassrootsId = await addChild(admin, grassroots, 'Đảng bộ cơ sở');
	await expect(admin.getByText('Đảng bộ cơ sở · 0 đảng viên')).toBeVisible();
	const chapterId = await addChild(admin, chapter, 'Chi bộ');
	const crumbs = admin.getByRole('navigation', { name: 'Vị trí trong tổ chức' });
	await expect(crumbs.getByRole('link', { name: 'Đảng bộ phường Hòa Bình', exact: true })).toHaveAttribute(
		'href',
		`/admin/units/${wardId}`
	);
	await expect(crumbs.getByRole('link', { name: grassroots, exact: true })).toHaveAttribute(
		'href',
		`/admin/units/${grassrootsId}`
	);

	await admin.goto(`/admin/units/${grassrootsId}`);
	await hydrated(admin);
	await admin.getByLabel('Tên đơn vị').fill('ab');
	await admin.getByRole('button', { name: 'Đổi tên' }).click();
	await expect(admin.getByRole('alert')).toHaveText('Tên đơn vị cần ít nhất 3 ký tự.');
	await admin.getByLabel('Tên đơn vị').fill(renamed);
	await admin.getByRole('button', { name: 'Đổi tên' }).click();
	await expect(admin.getByRole('status')).toHaveText('Đã đổi tên.');
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(renamed);
	await expect(admin.getByRole('link', { name: chapter, exact: true })).toBeVisible();

	// The committee role on the new đảng bộ cơ sở, for a member of a chapter elsewhere in the province.
	await admin.getByLabel('Tên đăng nhập').fill('dangvien050');
	await admin.getByLabel('Vai trò').selectOption({ label: 'Cấp ủy cấp trên (theo dõi, giao và đánh giá nhiệm vụ)' });
	await admin.getByRole('button', { name: 'Giao vai trò' }).click();
	await expect(admin.getByRole('status')).toHaveText('Đã giao vai trò.');
	const grantLine = admin
		.getByRole('listitem')
		.filter({ hasText: '(dangvien050) — Cấp ủy cấp trên (theo dõi, giao và đánh giá nhiệm vụ)' });
	await expect(grantLine).toHaveCount(1);

	const member = await signedIn(browser, 'dangvien050');
	const nav = member.getByRole('navigation', { name: 'Điều hướng chính' });
	await expect(member).toHaveURL(new RegExp(`/units/${grassrootsId}$`));
	await expect(nav.getByRole('link', { name: 'Theo dõi đơn vị' })).toHaveAttribute('href', `/units/${grassrootsId}`);
	await nav.getByRole('link', { name: 'Theo dõi đơn vị' }).click();
	await expect(member.getByRole('heading', { level: 1 })).toHaveText(renamed);
	expect((await member.goto(`/units/${chapterId}`))?.status()).toBe(200);
	await expect(member.getByRole('heading', { level: 1 })).toHaveText(chapter);
	expect((await member.goto(`/units/${wardId}`))?.status()).toBe(403);

	await grantLine.getByRole('button', { name: 'Thu hồi' }).click();
	await expect(admin.getByRole('status')).toHaveText('Đã thu hồi vai trò.');
	await expect(grantLine).toHaveCount(0);

	// The same session, on its next request, has lost the role.
	const refused = await member.goto(`/units/${grassrootsId}`);
	expect(refused?.status()).toBe(403);
	await expect(member.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập');
	await expect(member.getByText('Bạn không có quyền xem đơn vị này.')).toBeVisible();
	await member.goto('/sheets');
	await expect(nav.getByRole('link', { name: 'Phiếu của tôi' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Theo dõi đơn vị' })).toHaveCount(0);

	// A period of this test's own (the demo periods are shared), opened and then extended.
	const periodName = `Đợt thử ${tag}`;
	await admin.goto('/admin/periods');
	await hydrated(admin);
	await admin.getByLabel('Tên đợt').fill(periodName);
	await admin.getByLabel('Phạm vi (đơn vị và mọi đơn vị trực thuộc)').selectOption(String(grassrootsId));
	await admin.getByLabel('Năm').fill('2026');
	await admin.getByRole('button', { name: 'Mở đợt' }).click();
	// The demo's province-wide 2026 period already covers this unit: one open period per subtree and year.
	await expect(admin.getByRole('alert')).toContainText('trùng phạm vi đơn vị này');
	await expect(admin.getByLabel('Tên đợt')).toHaveValue(periodName);
	await admin.getByLabel('Năm').fill('2027');
	await admin.getByRole('button', { name: 'Mở đợt' }).click();
	await expect(admin).toHaveURL(/\/admin\/periods\/\d+$/);
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(periodName);
	await hydrated(admin);
	const deadline = await admin.getByLabel('Gia hạn đến').inputValue();
	await expect(admin.getByText(`${renamed} · mở`)).toContainText(`hạn nộp ${formatDate(deadline)} · đang mở`);

	await admin.getByLabel('Gia hạn đến').fill(addDays(deadline, -1));
	await admin.getByRole('button', { name: 'Gia hạn' }).click();
	await expect(admin.getByRole('alert')).toHaveText('Hạn mới phải sau hạn hiện tại.');
	const later = addDays(deadline, 14);
	await admin.getByLabel('Gia hạn đến').fill(later);
	await admin.getByRole('button', { name: 'Gia hạn' }).click();
	await expect(admin.getByRole('status')).toHaveText('Đã gia hạn.');
	await expect(admin.getByText(`${renamed} · mở`)).toContainText(`hạn nộp ${formatDate(later)} · đang mở`);
	await admin.reload();
	await expect(admin.getByLabel('Gia hạn đến')).toHaveValue(later);

	// The audit log, filtered by action, shows the grant on the new unit.
	await admin.goto('/admin/audit');
	await hydrated(admin);
	await admin.getByLabel('Hành động').selectOption({ label: 'Giao vai trò' });
	await admin.getByRole('button', { name: 'Lọc' }).click();
	await expect(admin).toHaveURL(/[?&]action=role\.grant(&|$)/);
	const rows = admin.getByRole('table').getByRole('row');
	const grantRow = rows.filter({ hasText: renamed });
	await expect(grantRow).toHaveCount(1);
	await expect(grantRow).toContainText('Quản trị hệ thống (quantri)');
	// The row says what was given and to whom.
	await expect(
		grantRow.getByRole('cell', { name: /^Giao vai trò: cấp ủy cấp trên \(theo dõi, giao và đánh giá nhiệm vụ\)$/ })
	).toBeVisible();
	await expect(grantRow.getByRole('cell', { name: /^.+ \(dangvien050\)$/ })).toBeVisible();
	await expect(admin.getByRole('cell', { name: /^Thu hồi vai trò/ })).toHaveCount(0);

	// By person: events done to dangvien050's account, the grant and the revoke.
	await admin.getByLabel('Hành động').selectOption({ label: 'Tất cả' });
	await admin.getByLabel('Người (tên đăng nhập)').fill('dangvien050');
	await admin.getByRole('button', { name: 'Lọc' }).click();
	await expect(admin).toHaveURL(/[?&]person=dangvien050(&|$)/);
	await expect(rows.filter({ hasText: renamed })).toHaveCount(2);
	await expect(rows.filter({ hasText: renamed }).nth(0)).toContainText('Thu hồi vai trò');
	await expect(rows.filter({ hasText: renamed }).nth(1)).toContainText('Giao vai trò');

	for (const p of [admin, member]) await p.context().close();
});

test('a secretary cannot open the administration pages', async ({ page }) => {
	await signIn(page, 'bithu01');
	for (const path of ['/admin/periods', '/admin/units/1', '/admin/audit', '/admin/members/new']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập');
		await expect(page.getByText('Chỉ quản trị viên được mở trang này.')).toBeVisible();
	}
});
