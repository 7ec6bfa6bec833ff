import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/** Follows a "Tải PDF" style link with the page's own session and checks a PDF comes back. */
async function expectPdf(page: Page, href: string): Promise<void> {
	const response = await page.request.get(href);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
	// The saved file keeps its Vietnamese name (with a plain-ASCII fallback for old clients).
	expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(response.headers()['content-disposition'])![1])).toMatch(
		/^(Phiếu tự soi, tự sửa|Báo cáo tổng hợp) — .+ — \d{4}\.pdf$/
	);
}

async function expectPartyDocument(page: Page, title: string): Promise<void> {
	await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toHaveCount(0);
	await expect(page.getByText('ĐẢNG CỘNG SẢN VIỆT NAM').first()).toBeVisible();
	await expect(page.getByText('CHI BỘ VĂN PHÒNG SỞ').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: title }).first()).toBeVisible();
	await expect(page.getByText('T/M CHI ỦY').first()).toBeVisible();
}

test('a secretary prints one report, the chapter bundle and the summary, on the page and as PDF', async ({ page }) => {
	await signIn(page, 'bithu01');
	const chapterUrl = page.url();
	const sheetLinks = page.locator('table a[href*="/sheets/"]');
	const sheets = await sheetLinks.count();
	expect(sheets).toBeGreaterThan(0);

	await sheetLinks.first().click();
	await page.getByRole('link', { name: 'In phiếu' }).click();
	await expect(page).toHaveURL(/\/chapters\/\d+\/sheets\/\d+\/print$/);
	await expectPartyDocument(page, 'PHIẾU TỰ SOI, TỰ SỬA');
	await expect(page.getByText('NGƯỜI TỰ ĐÁNH GIÁ')).toBeVisible();
	await expectPdf(page, (await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href'))!);

	await page.goto(chapterUrl);
	await page.getByRole('link', { name: 'tất cả phiếu' }).click();
	await expectPartyDocument(page, 'PHIẾU TỰ SOI, TỰ SỬA');
	await expect(page.getByRole('heading', { name: 'PHIẾU TỰ SOI, TỰ SỬA' })).toHaveCount(sheets);
	await expectPdf(page, (await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href'))!);

	await page.goto(chapterUrl);
	await page.getByRole('link', { name: 'báo cáo tổng hợp' }).click();
	await expectPartyDocument(page, 'BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA');
	await expect(page.getByRole('heading', { name: '4. Danh sách đảng viên' })).toBeVisible();
	await expectPdf(page, (await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href'))!);
});

test("a member prints last year's own sheet, and nobody else's", async ({ page }) => {
	await signIn(page, 'dangvien002');
	const years = page.getByRole('table').getByRole('rowheader').getByRole('link');
	await years.last().click();
	await expect(page).toHaveURL(/\/sheets\/\d+$/);
	const sheetUrl = page.url();
	await page.getByRole('link', { name: 'In phiếu' }).click();
	await expectPartyDocument(page, 'PHIẾU TỰ SOI, TỰ SỬA');
	await expectPdf(page, `${sheetUrl}/report.pdf`);

	await page.context().clearCookies();
	await signIn(page, 'dangvien003');
	expect((await page.goto(`${sheetUrl}/print`))?.status()).toBe(404);
	expect((await page.request.get(`${sheetUrl}/report.pdf`)).status()).toBe(404);
});
