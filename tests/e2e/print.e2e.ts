import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'tusoi-print-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

/** The PDF's text in drawing order, without whitespace (lines wrap where the layout says), as poppler reads it. */
function pdfText(pdf: Buffer): string {
	const file = path.join(dir, `${process.pid}-${++fileNo}.pdf`);
	writeFileSync(file, pdf);
	return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/gu, '');
}
const squash = (s: string) => s.normalize('NFC').replace(/\s+/gu, '');
const occurrences = (text: string, part: string) => text.split(squash(part)).length - 1;

/** Follows a "Tải PDF" style link with the page's own session, checks a PDF comes back, and gives its text. */
async function expectPdf(page: Page, href: string): Promise<string> {
	const response = await page.request.get(href);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
	// The saved file keeps its Vietnamese name (with a plain-ASCII fallback for old clients).
	expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(response.headers()['content-disposition'])![1])).toMatch(
		/^(Phiếu tự soi, tự sửa|Báo cáo tổng hợp) — .+ — \d{4}\.pdf$/
	);
	const text = pdfText(await response.body());
	// The top of a Party document, in the PDF's own words.
	for (const line of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'CHI BỘ VĂN PHÒNG SỞ', 'T/M CHI ỦY'])
		expect(text).toContain(squash(line));
	return text;
}

async function expectPartyDocument(page: Page, title: string): Promise<void> {
	await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toHaveCount(0);
	await expect(page.getByText('ĐẢNG CỘNG SẢN VIỆT NAM').first()).toBeVisible();
	await expect(page.getByText('CHI BỘ VĂN PHÒNG SỞ').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: title }).first()).toBeVisible();
	await expect(page.getByText('T/M CHI ỦY').first()).toBeVisible();
}

// Three PDFs rendered and read back: well within a minute, but more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 90_000 });

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
	const personal = await expectPdf(page, (await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href'))!);
	expect(occurrences(personal, 'PHIẾU TỰ SOI, TỰ SỬA')).toBe(1);
	for (const part of ['NGƯỜI TỰ ĐÁNH GIÁ', 'Biểu hiện tự nhận không phải là kết luận của cơ quan có thẩm quyền.'])
		expect(personal).toContain(squash(part));

	// The bundle holds the handed-in sheets only, after a cover that counts them and names who is missing.
	// Other journeys hand sheets in while this one runs: the PDF, made after the page, holds at least as many.
	await page.goto(chapterUrl);
	await page.getByRole('link', { name: 'tất cả phiếu' }).click();
	await expectPartyDocument(page, 'TẬP PHIẾU TỰ SOI, TỰ SỬA');
	const included = Number(
		/\((\d+)\)/.exec((await page.getByRole('heading', { name: /Phiếu có trong tập/ }).textContent())!)![1]
	);
	await expect(page.getByRole('heading', { name: /Chưa có trong tập \(\d+\)/ })).toBeVisible();
	const onPage = await page.getByRole('heading', { name: 'PHIẾU TỰ SOI, TỰ SỬA', exact: true }).count();
	expect(onPage).toBe(included);
	const bundle = await expectPdf(page, (await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href'))!);
	// The cover's title holds the sheets' title too; every sheet's first page is its "Trang 1/…".
	const inPdf = occurrences(bundle, 'PHIẾU TỰ SOI, TỰ SỬA') - 1;
	expect(inPdf).toBeGreaterThanOrEqual(onPage);
	expect(occurrences(bundle, 'Trang 1/')).toBe(inPdf);
	expect(bundle).toContain(squash('Chưa có trong tập'));

	await page.goto(chapterUrl);
	await page.getByRole('link', { name: 'báo cáo tổng hợp' }).click();
	await expectPartyDocument(page, 'BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA');
	await expect(page.getByRole('heading', { name: '5. Danh sách đảng viên' })).toBeVisible();
	const summary = await expectPdf(page, (await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href'))!);
	for (const part of [
		'BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA',
		'Tình hình thực hiện',
		'Kết quả tự soi của đảng viên và kết quả chi ủy xem xét',
		'Phương hướng, biện pháp của chi bộ',
		'Nơi nhận:',
		'Lưu chi bộ.',
		'Biểu hiện được tự nhận nhiều nhất',
		'Danh sách đảng viên',
		'Họ và tên',
		'Kết quả tự soi',
		'Điểm để trống khi kết quả tự soi do mức độ của biểu hiện quyết định',
		'Chi ủy xếp loại'
	])
		expect(summary).toContain(squash(part));
});

test('a chapter without a chi ủy issues its summary with the number its secretary gave, signed T/M CHI BỘ', async ({
	page
}) => {
	await signIn(page, 'bithu08');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chi bộ Tổ bảo vệ');
	const form = page.locator('#report');
	await form.getByLabel(/Số báo cáo/).fill('05-BC');
	await form.getByRole('button', { name: 'Lưu vào báo cáo' }).click();
	// Refused by the field, what was typed kept, nothing saved.
	await expect(page.locator('#number-error')).toContainText('Số báo cáo chỉ gồm chữ số');
	await expect(form.getByLabel(/Số báo cáo/)).toHaveValue('05-BC');
	// The refusal's round trip ends with the page's data loaded again; typing before that can be put back.
	await page.waitForLoadState('networkidle');
	await form.getByLabel(/Số báo cáo/).fill('05');
	await expect(form.getByLabel(/Số báo cáo/)).toHaveValue('05');
	await form
		.getByLabel('Phương hướng, biện pháp của chi bộ')
		.fill('Chi bộ tổ chức học tập Quy định 37-QĐ/TW trong quý II.');
	await form.getByRole('button', { name: 'Lưu vào báo cáo' }).click();
	await expect(page.getByText('Đã lưu số và phương hướng của báo cáo.')).toBeVisible();

	const href = (await page.getByRole('link', { name: 'PDF' }).last().getAttribute('href'))!;
	const response = await page.request.get(href);
	expect(response.status()).toBe(200);
	const text = pdfText(await response.body());
	for (const part of [
		'CHI BỘ TỔ BẢO VỆ',
		'Số 05-BC/CB',
		'BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA',
		'Chi bộ tổ chức học tập Quy định 37-QĐ/TW trong quý II.',
		'Nơi nhận:',
		'- Đảng ủy Công ty Cổ phần Cấp nước Mẫu (để báo cáo),',
		'- Lưu chi bộ.',
		'T/M CHI BỘ'
	])
		expect(text).toContain(squash(part));
	expect(text).not.toContain(squash('T/M CHI ỦY'));
});

test('a member of a chapter without a chi ủy prints a sheet signed T/M CHI BỘ, on the page, as PDF and in the bundle', async ({
	page
}) => {
	await signIn(page, 'bithu08');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chi bộ Tổ bảo vệ');
	const chapterUrl = page.url();
	await page.locator('table.members a[href*="/sheets/"]').first().click();
	await page.getByRole('link', { name: 'In phiếu' }).click();
	await expect(page.getByText('T/M CHI BỘ').first()).toBeVisible();
	await expect(page.getByText('T/M CHI ỦY')).toHaveCount(0);
	const pdfs = [(await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href'))!];
	await page.goto(chapterUrl);
	await page.getByRole('link', { name: 'tất cả phiếu' }).click();
	await expect(page.getByText('T/M CHI ỦY')).toHaveCount(0);
	pdfs.push((await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href'))!);
	for (const href of pdfs) {
		const response = await page.request.get(href);
		expect(response.status(), href).toBe(200);
		const text = pdfText(await response.body());
		expect(text, href).toContain(squash('CHI BỘ TỔ BẢO VỆ'));
		expect(text, href).toContain(squash('T/M CHI BỘ BÍ THƯ'));
		expect(text, href).toContain(squash('NGƯỜI TỰ ĐÁNH GIÁ'));
		expect(text, href).not.toContain(squash('T/M CHI ỦY'));
	}
});

test("a member prints last year's own sheet, and nobody else's", async ({ page }) => {
	await signIn(page, 'dangvien002');
	const years = page.getByRole('table').getByRole('rowheader').getByRole('link');
	await years.last().click();
	await expect(page).toHaveURL(/\/sheets\/\d+$/);
	const sheetUrl = page.url();
	await page.getByRole('link', { name: 'In phiếu' }).click();
	await expectPartyDocument(page, 'PHIẾU TỰ SOI, TỰ SỬA');
	const own = await expectPdf(page, `${sheetUrl}/report.pdf`);
	expect(own).toContain(squash('PHIẾU TỰ SOI, TỰ SỬA'));

	await page.context().clearCookies();
	await signIn(page, 'dangvien003');
	expect((await page.goto(`${sheetUrl}/print`))?.status()).toBe(404);
	expect((await page.request.get(`${sheetUrl}/report.pdf`)).status()).toBe(404);
});
