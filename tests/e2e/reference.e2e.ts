// The reference page of the 27 signs and the administrators' template and wording pages.
// These tests share the server's database with the other browser tests: they never change the
// default template 'bo-65-bieu-hien', and they correct the wording of DD8 only (DB8 is verified since December 2026).
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

interface TemplateFile {
	key: string;
	name: string;
	signs: { code: string; parent: string; groups: string[] }[];
	exclusions: { group: string; parent: string; reason: string }[];
}
const readJson = (file: string) =>
	JSON.parse(readFileSync(new URL(`../../src/lib/data/${file}`, import.meta.url), 'utf8'));
const DEFAULT_TEMPLATE: TemplateFile = readJson('template-default.json');
const SIGNS27: { signs: { group: string; number: number; verified: boolean }[] } = readJson('signs27.json');

const SUMMARY = 'Tóm tắt — chưa đối chiếu văn bản gốc';
const OFFICIAL = 'Nguyên văn Nghị quyết';
const OWNED_SIGN = 'DD8';
const PREFIX: Record<string, string> = {
	tu_tuong_chinh_tri: 'TT',
	dao_duc_loi_song: 'DD',
	tu_dien_bien_tu_chuyen_hoa: 'DB'
};
const unverifiedIds = SIGNS27.signs.filter((s) => !s.verified).map((s) => `${PREFIX[s.group]}${s.number}`);
const concreteCount = (group: string) => DEFAULT_TEMPLATE.signs.filter((s) => s.groups.includes(group)).length;

test.describe.configure({ mode: 'serial' });

const cards = (page: Page) => page.locator('ol.signs > li');
/** The sign cards other than the one these tests correct, so the counts hold whatever order things run in. */
const otherCards = (page: Page) => page.locator(`ol.signs > li:not(#${OWNED_SIGN})`);
const concreteItems = (page: Page) =>
	page.getByRole('list', { name: /^Biểu hiện cụ thể của biểu hiện/ }).getByRole('listitem');

test('a member reads the 27 signs and the concrete signs of each group', async ({ page }) => {
	expect(unverifiedIds).toHaveLength(11);
	expect(unverifiedIds).toContain(OWNED_SIGN);

	await signIn(page, 'dangvien010');
	await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Các biểu hiện' }).click();
	await expect(page).toHaveURL(/\/signs$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('27 biểu hiện suy thoái và các biểu hiện cụ thể');

	await expect(cards(page)).toHaveCount(27);
	await expect(otherCards(page).filter({ hasText: SUMMARY })).toHaveCount(10);
	await expect(otherCards(page).filter({ hasText: OFFICIAL })).toHaveCount(16);
	// No member sees an administrator's note in place of a sign.
	await expect(page.getByText('[Chưa tìm thấy văn bản gốc]')).toHaveCount(0);
	await expect(page.getByText('theo bài thơ')).toHaveCount(0);
	for (const id of unverifiedIds.filter((id) => id !== OWNED_SIGN)) {
		await expect(page.locator(`#${id}`).getByText(SUMMARY, { exact: true })).toBeVisible();
	}
	// Runs before the correction below (serial mode), so DD8 is still the bundled summary.
	await expect(page.locator(`#${OWNED_SIGN}`).getByText(SUMMARY, { exact: true })).toBeVisible();
	await expect(page.getByRole('region')).toHaveCount(3);

	// The page opens on the member's own group.
	const ownGroup = await page.getByLabel('Nhóm đối tượng', { exact: true }).inputValue();
	await expect(
		page.getByText(`Nhóm ${ownGroup}: ${concreteCount(ownGroup)} biểu hiện cụ thể.`, { exact: true })
	).toBeVisible();
	await expect(concreteItems(page)).toHaveCount(concreteCount(ownGroup));
	await expect(page.getByRole('option', { selected: true })).toContainText('(nhóm của bạn)');

	await page.getByLabel('Nhóm đối tượng', { exact: true }).selectOption('C');
	await page.getByRole('button', { name: 'Xem' }).click();
	await expect(page).toHaveURL(/\/signs\?group=C$/);
	expect(concreteCount('C')).toBe(43);
	await expect(page.getByText(`Nhóm C: ${concreteCount('C')} biểu hiện cụ thể.`, { exact: true })).toBeVisible();
	await expect(concreteItems(page)).toHaveCount(concreteCount('C'));
	const tt9 = DEFAULT_TEMPLATE.exclusions.find((e) => e.group === 'C' && e.parent === 'TT9')!;
	await expect(page.locator('#TT9')).toContainText(`Không áp dụng cho nhóm C: ${tt9.reason}`);
	await expect(page.locator('#TT9').getByRole('list', { name: /^Biểu hiện cụ thể/ })).toHaveCount(0);
	for (const code of ['TT1.1', 'DB9.1']) {
		const inC = DEFAULT_TEMPLATE.signs.find((s) => s.code === code)!.groups.includes('C');
		await expect(concreteItems(page).filter({ hasText: code })).toHaveCount(inC ? 1 : 0);
	}
});

test('an administrator exports the default template and imports another', async ({ page }) => {
	await signIn(page, 'quantri');
	await page.getByRole('link', { name: 'Mẫu phiếu và các phiên bản' }).click();
	await expect(page).toHaveURL(/\/admin\/templates$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mẫu phiếu');

	const defaultRows = page.getByRole('row').filter({ hasText: 'bo-65-bieu-hien' });
	await expect(defaultRows).toHaveCount(1);
	await expect(defaultRows.getByRole('cell')).toHaveText([
		'Bộ 65 biểu hiện cụ thểbo-65-bieu-hien',
		'1',
		// 65 signs for the members and, from edition 3, 14 for the collectives.
		'79',
		/.*/,
		/\d/,
		'JSON'
	]);

	const downloading = page.waitForEvent('download');
	await defaultRows.getByRole('link', { name: 'JSON' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('bo-65-bieu-hien-v1.json');
	const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as TemplateFile;
	expect(exported.key).toBe('bo-65-bieu-hien');
	expect(exported.signs).toHaveLength(79);
	expect(exported.signs.map((s) => s.code)).toEqual(DEFAULT_TEMPLATE.signs.map((s) => s.code));

	const pasted = page.getByLabel('hoặc dán nội dung JSON');
	const { signs: _dropped, ...withoutSigns } = { ...DEFAULT_TEMPLATE, key: 'bo-hong' };
	await pasted.fill(JSON.stringify(withoutSigns));
	await page.getByRole('button', { name: 'Nhập thành phiên bản mới' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Không nhập được mẫu phiếu. Chưa có gì thay đổi.');
	await expect(alert.getByRole('listitem')).toHaveText(['signs: thiếu danh sách biểu hiện cụ thể']);
	await page.reload();
	await expect(defaultRows).toHaveCount(1);
	await expect(page.getByRole('row').filter({ hasText: 'bo-hong' })).toHaveCount(0);

	await pasted.fill('{ "key": "bo-hong", ');
	await page.getByRole('button', { name: 'Nhập thành phiên bản mới' }).click();
	await expect(page.getByRole('alert')).toContainText('Tệp không phải JSON hợp lệ');

	await pasted.fill(JSON.stringify({ ...DEFAULT_TEMPLATE, key: 'bo-thu-nghiem' }));
	await page.getByLabel('Ghi chú phiên bản').fill('Nhập thử từ trình duyệt');
	await page.getByRole('button', { name: 'Nhập thành phiên bản mới' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã nhập: bo-thu-nghiem, phiên bản 1.');
	await expect(page.getByRole('alert')).toHaveCount(0);
	const importedRows = page.getByRole('row').filter({ hasText: 'bo-thu-nghiem' });
	await expect(importedRows).toHaveCount(1);
	await expect(importedRows.getByRole('cell').nth(2)).toHaveText('79');
	await expect(importedRows.getByRole('cell').nth(3)).toHaveText('Nhập thử từ trình duyệt');

	// The same key again, this time as a file, becomes the next version.
	await page.getByLabel('Tệp JSON').setInputFiles({
		name: 'bo-thu-nghiem.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ ...DEFAULT_TEMPLATE, key: 'bo-thu-nghiem' }))
	});
	await page.getByRole('button', { name: 'Nhập thành phiên bản mới' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã nhập: bo-thu-nghiem, phiên bản 2.');
	await expect(importedRows).toHaveCount(2);
	await expect(defaultRows).toHaveCount(1);
});

test("a member is refused the administrators' template and wording pages", async ({ page }) => {
	await signIn(page, 'dangvien010');
	for (const path of ['/admin/templates', '/admin/templates/1/export', '/admin/signs']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
	}
	await page.goto('/admin/templates');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập');
});

test('an administrator enters the official wording of DD8 and members see it as such', async ({ page }) => {
	const officialText = 'Nguyên văn biểu hiện thứ tám về đạo đức, lối sống, nhập từ bản Nghị quyết.';
	const source = 'https://tulieuvankien.dangcongsan.vn/nghi-quyet-04-nq-tw';

	await signIn(page, 'quantri');
	await page.goto('/admin/signs');
	const form = page.locator(`form#${OWNED_SIGN}`);
	await expect(form).toContainText(SUMMARY);
	await expect(page.locator('form.sign')).toHaveCount(27);

	await form.getByLabel('Nội dung').fill('Quá ngắn');
	await form.getByRole('button', { name: `Lưu biểu hiện ${OWNED_SIGN}` }).click();
	await expect(form.getByText('Nội dung biểu hiện quá ngắn (ít nhất 10 ký tự).')).toBeVisible();

	await form.getByLabel('Nội dung').fill(officialText);
	await form.getByLabel('Nguồn (số văn bản, trang hoặc địa chỉ)').fill(source);
	await form.getByLabel('Đây là nguyên văn Nghị quyết').check();
	await form.getByRole('button', { name: `Lưu biểu hiện ${OWNED_SIGN}` }).click();
	await expect(form.getByRole('status')).toHaveText('Đã lưu.');
	await expect(form).toContainText('(nguyên văn)');

	await page.goto('/signs');
	const card = page.locator(`#${OWNED_SIGN}`);
	await expect(card.getByText(OFFICIAL, { exact: true })).toBeVisible();
	await expect(card.getByText(SUMMARY, { exact: true })).toHaveCount(0);
	await expect(card).toContainText(officialText);
	await card.getByText(/^Nguồn đối chiếu/).click();
	await expect(card.getByRole('link').first()).toHaveAttribute('href', source);
	await expect(otherCards(page).filter({ hasText: SUMMARY })).toHaveCount(10);
	await expect(cards(page).filter({ hasText: OFFICIAL })).toHaveCount(17);
});
