import { expect, type Locator, type Page } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { createDb } from '../../src/lib/server/db/client';
import { sheetAnswer, sheetSection } from '../../src/lib/server/db/schema';
import { hydrated } from './helpers';
import { E2E_DATABASE } from './paths';

/** Opens this year's sheet from the member's page: the "Bắt đầu" button the first time, a link after. */
export async function openSheet(page: Page): Promise<void> {
	await page
		.getByRole('button', { name: /Bắt đầu làm phiếu năm \d{4}/ })
		.or(page.getByRole('link', { name: /Mở phiếu năm \d{4}/ }))
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Phiếu tự soi, tự sửa năm \d{4}/);
	await hydrated(page);
}

export const saved = (page: Page) =>
	expect(page.getByRole('status').filter({ hasText: /Đã lưu lúc \d{2}:\d{2}/ })).toBeVisible();

/**
 * Answers every concrete sign "không có", except the first which gets level 1 with `action` and a deadline,
 * once the sheet is shown to list between `signs.atLeast` and `signs.below` of them.
 */
export async function answerSigns(
	page: Page,
	signs: { atLeast: number; below?: number },
	action = 'Đọc kỹ nghị quyết mỗi tuần và trao đổi trong sinh hoạt chi bộ.'
): Promise<void> {
	const noneOptions = page.locator('input[type="radio"][name^="level."][value="0"]');
	// The page may still be arriving (a reload the service worker's freshness check asked for): wait for all of it.
	await expect.poll(() => noneOptions.count()).toBeGreaterThanOrEqual(signs.atLeast);
	await hydrated(page);
	const count = await noneOptions.count();
	expect(count).toBeGreaterThanOrEqual(signs.atLeast);
	if (signs.below !== undefined) expect(count).toBeLessThan(signs.below);
	for (let i = 1; i < count; i++) await noneOptions.nth(i).check();
	const first = page.locator('fieldset.sign').first();
	await first.getByLabel('Có biểu hiện ở mức độ nhẹ').check();
	await first.getByLabel('Biện pháp khắc phục').fill(action);
	await first.getByLabel('Thời hạn khắc phục').fill('2027-06-30');
}

/** A member's whole sheet: answerSigns (over 30 signs), last year's plan done, the three texts and the form. */
export async function answerEverything(page: Page): Promise<void> {
	await answerSigns(page, { atLeast: 31 });
	const done = page.locator('input[type="radio"][name^="progress."][value="done"]');
	for (let i = 0; i < (await done.count()); i++) await done.nth(i).check();
	// The three texts by their field names: on a sheet with a Bản kiểm điểm they sit in its sections A.I.1, A.II.1
	// and the commitment, labelled by the form's headings; on an older sheet, in "Tự nhận xét".
	await openFolds(page);
	await page.locator('textarea[name="strengths"]').fill('Hoàn thành tốt nhiệm vụ được giao; đoàn kết với đồng nghiệp.');
	await page.locator('textarea[name="shortcomings"]').fill('Có lúc chưa chủ động nghiên cứu tài liệu.');
	await page.locator('textarea[name="commitment"]').fill('Tiếp tục tu dưỡng, rèn luyện, sửa chữa hạn chế.');
	await fillForm(page);
}

/**
 * Waits while a sheet opened from the device's copy asks the server which copy is current: a newer one is then
 * shown as a new form, with its sections folded again, and a fold opened before would be closed under the test.
 */
export async function current(page: Page): Promise<void> {
	await expect(page.getByText('Đang kiểm tra bản mới nhất của phiếu…')).toHaveCount(0, { timeout: 10_000 });
}

/**
 * A written section of the Bản kiểm điểm (by its field name), opened with a tap on its heading when it is folded:
 * the textarea, ready to type in.
 */
export async function writtenSection(page: Page, name: string): Promise<Locator> {
	await current(page);
	const field = page.locator(`textarea[name="${name}"]`);
	const fold = page.locator('details.fold', { has: field });
	if ((await fold.count()) > 0 && (await fold.getAttribute('open')) === null) await fold.locator('summary').click();
	return field;
}

/** Opens every folded section of the Bản kiểm điểm, as a member going through the form would. */
export async function openFolds(page: Page): Promise<void> {
	await current(page);
	const folded = page.locator('details.fold:not([open]) > summary');
	while ((await folded.count()) > 0) await folded.first().click();
}

/** Fills the Bản kiểm điểm's own sections a hand-in requires (nothing on a sheet without one). */
export async function fillForm(page: Page): Promise<void> {
	await openFolds(page);
	const sections = page.locator('textarea[name^="section."]');
	for (let i = 0; i < (await sections.count()); i++) {
		const name = (await sections.nth(i).getAttribute('name'))!;
		await sections.nth(i).fill(`Nội dung mục ${name.slice('section.'.length)} của bản kiểm điểm.`);
	}
	const general = page.locator('input[name^="general."]');
	if ((await general.count()) === 0) return;
	await general.fill('27');
	await page.locator('input[name^="tasks."]').fill('63');
	await page.locator('input[type="radio"][name^="quality."][value="tot"]').check();
}

/** One answer of a sheet as the server holds it (the e2e database, read directly). */
export function answerOnServer(sheetId: number, code: string) {
	const db = createDb(E2E_DATABASE);
	try {
		return db
			.select()
			.from(sheetAnswer)
			.where(and(eq(sheetAnswer.sheetId, sheetId), eq(sheetAnswer.code, code)))
			.get();
	} finally {
		db.$client.close();
	}
}

/** One section of a sheet's Bản kiểm điểm as the server holds it (the e2e database, read directly). */
export function sectionOnServer(sheetId: number, key: string) {
	const db = createDb(E2E_DATABASE);
	try {
		return db
			.select()
			.from(sheetSection)
			.where(and(eq(sheetSection.sheetId, sheetId), eq(sheetSection.key, key)))
			.get()?.value;
	} finally {
		db.$client.close();
	}
}
