// The member's sheet on a phone (issue 14): compact rows, "none for the rest of a section", nothing lost on
// close, the sheet opening and filling with no network, conflicts shown, and the page without JavaScript.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { createDb } from '../../src/lib/server/db/client';
import { sheet, sheetAnswer } from '../../src/lib/server/db/schema';
import { hydrated, newMember, signIn } from './helpers';
import { answerOnServer, fillForm, openSheet, saved, sectionOnServer, writtenSection } from './sheet-helpers';
import { E2E_DATABASE } from './paths';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const sheetIdOf = (page: Page) => Number(new URL(page.url()).pathname.split('/').at(-1));

/** The sheet's revision and its answers as the server holds them. */
function onServer(sheetId: number) {
	const db = createDb(E2E_DATABASE);
	try {
		const row = db
			.select({ revision: sheet.revision, status: sheet.status })
			.from(sheet)
			.where(eq(sheet.id, sheetId))
			.get();
		const answers = db.select().from(sheetAnswer).where(eq(sheetAnswer.sheetId, sheetId)).all();
		return { ...row!, answers: new Map(answers.map((a) => [a.code, a])) };
	} finally {
		db.$client.close();
	}
}

const signRow = (page: Page, n: number) => page.locator('fieldset.sign').nth(n);
const none = (row: ReturnType<typeof signRow>) => row.getByRole('radio', { name: 'Không có biểu hiện' });

/** Waits until the service worker runs and keeps this sheet's page on the device. */
async function keptOnDevice(page: Page): Promise<void> {
	const path = new URL(page.url()).pathname;
	await expect
		.poll(
			() =>
				page.evaluate(async (p) => {
					await navigator.serviceWorker.ready;
					return (await caches.match(p)) !== undefined;
				}, path),
			{ timeout: 20_000 }
		)
		.toBe(true);
}

test('on a phone the first sign is on the first screen, and the sheet is filled and handed in with the compact rows', async ({
	page
}) => {
	await signIn(page, await newMember('dienthoai', 'Lò Thị Điện Thoại'));
	await openSheet(page);
	const first = signRow(page, 0);
	await expect(first.getByRole('radio', { name: 'Có biểu hiện ở mức độ nghiêm trọng' })).toBeInViewport();
	const bar = page.locator('.sheet-bar');
	const barBox = (await bar.boundingBox())!;
	expect(barBox.height).toBeLessThanOrEqual(844 * 0.08);
	await expect(bar).toContainText(/Đã trả lời 0\/\d+/);

	// The action and deadline appear only once a level from "nhẹ" up is chosen.
	await expect(first.getByLabel('Biện pháp khắc phục')).toBeHidden();
	await first.getByRole('radio', { name: 'Có biểu hiện ở mức độ nhẹ' }).check();
	await first.getByLabel('Biện pháp khắc phục').fill('Đọc kỹ nghị quyết mỗi tuần, trao đổi trong sinh hoạt chi bộ.');
	await first.getByLabel('Thời hạn khắc phục').fill('2027-06-30');
	await first.getByRole('radio', { name: 'Có biểu hiện ở mức độ nhẹ' }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(first.getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' })).toBeChecked();
	await page.keyboard.press('ArrowLeft');
	await expect(first.getByRole('radio', { name: 'Có biểu hiện ở mức độ nhẹ' })).toBeChecked();

	const count = await page.locator('fieldset.sign').count();
	for (let i = 1; i < count; i++) await none(signRow(page, i)).check();
	await expect(none(signRow(page, count - 1))).toBeChecked();
	await expect(bar).toContainText(`Đã trả lời ${count}/${count}`);
	await (await writtenSection(page, 'strengths')).fill('Hoàn thành tốt nhiệm vụ được giao; đoàn kết với đồng nghiệp.');
	await (await writtenSection(page, 'shortcomings')).fill('Có lúc chưa chủ động nghiên cứu tài liệu.');
	await (await writtenSection(page, 'commitment')).fill('Tiếp tục tu dưỡng, rèn luyện, sửa chữa hạn chế.');
	await fillForm(page);
	await saved(page);
	await page.getByRole('button', { name: 'Nộp phiếu' }).click();
	const done = page.getByRole('status').filter({ hasText: 'Đã nộp phiếu.' });
	await expect(done).toBeFocused();
	expect(onServer(sheetIdOf(page)).status).toBe('submitted');
});

test('"không có biểu hiện" for the rest of a section asks first, and the record says it was set that way', async ({
	page
}) => {
	await signIn(page, await newMember('conlai', 'Hà Thị Còn Lại'));
	await openSheet(page);
	const id = sheetIdOf(page);
	const section = page.locator('section.category').first();
	const rows = section.locator('fieldset.sign');
	const total = await rows.count();
	await rows.nth(0).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' }).check();
	await rows.nth(0).getByLabel('Biện pháp khắc phục').fill('Tự phê bình trước chi bộ.');

	const bulk = section.getByRole('button', { name: `Không có biểu hiện ở các biểu hiện còn lại (${total - 1})` });
	await bulk.click();
	const question = section.getByRole('group', { name: /xác nhận đã đọc \d+ biểu hiện chưa trả lời/ });
	await expect(question).toContainText(`${total - 1} biểu hiện chưa trả lời`);
	await expect(question.getByRole('button', { name: 'Xác nhận: không có biểu hiện' })).toBeFocused();
	await question.getByRole('button', { name: 'Hủy' }).click();
	await expect(none(rows.nth(1))).not.toBeChecked();
	await expect(bulk).toBeFocused();

	await bulk.click();
	await section.getByRole('button', { name: 'Xác nhận: không có biểu hiện' }).click();
	await expect(section.getByRole('status')).toHaveText(
		`Đã ghi «Không có biểu hiện» cho ${total - 1} biểu hiện còn lại của phần I.`
	);
	for (let i = 1; i < total; i++) await expect(none(rows.nth(i))).toBeChecked();
	await expect(rows.nth(0).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' })).toBeChecked();
	await saved(page);

	const server = onServer(id);
	const codes = [...server.answers.values()];
	expect(codes.filter((a) => a.sectionNone && a.level === 0)).toHaveLength(total - 1);
	const firstCode = (await rows.nth(0).getAttribute('id'))!.replace('sign-', '').replace('-', '.');
	expect(server.answers.get(firstCode)).toMatchObject({ level: 2, sectionNone: false });

	// Shown again after a reload; a level chosen on its own afterwards clears the mark.
	await page.reload();
	await hydrated(page);
	await expect(rows.nth(1)).toContainText('Chọn chung «Không có biểu hiện» cho phần còn lại của mục.');
	await rows.nth(1).getByRole('radio', { name: 'Có biểu hiện ở mức độ nhẹ' }).check();
	await saved(page);
	const secondCode = (await rows.nth(1).getAttribute('id'))!.replace('sign-', '').replace('-', '.');
	expect(answerOnServer(id, secondCode)).toMatchObject({ level: 1, sectionNone: false });
	await expect(rows.nth(1)).not.toContainText('Chọn chung');
});

test('a tab closed right after an answer loses nothing: the answer is there when the sheet is opened again', async ({
	page,
	context
}) => {
	await signIn(page, await newMember('dongtab', 'Trần Thị Đóng Thẻ'));
	await openSheet(page);
	const url = page.url();
	await signRow(page, 3).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' }).check();
	await page.close();

	const again = await context.newPage();
	await again.goto(url);
	await hydrated(again);
	await expect(signRow(again, 3).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' })).toBeChecked();
	await expect(again.getByRole('status').filter({ hasText: /Đã lưu lúc/ })).toBeVisible();
	const code = (await signRow(again, 3).getAttribute('id'))!.replace('sign-', '').replace('-', '.');
	await expect.poll(() => answerOnServer(sheetIdOf(again), code)?.level).toBe(2);
});

test.describe('leaving the sheet for another page of the app', () => {
	// About the page's own saving; the service worker plays no part.
	test.use({ serviceWorkers: 'block' });

	test('what waits is sent once, kept on the device when that fails, and taken when the sheet is opened again', async ({
		page
	}) => {
		await signIn(page, await newMember('dinoi', 'Vàng Thị Đi Nơi Khác'));
		await openSheet(page);
		const id = sheetIdOf(page);
		const code = (await signRow(page, 3).getAttribute('id'))!.replace('sign-', '').replace('-', '.');
		let posts = 0;
		await page.route(`**/api/sheets/${id}`, async (route) => {
			if (route.request().method() !== 'POST') return route.fallback();
			posts++;
			await route.abort('internetdisconnected');
		});
		await signRow(page, 3).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' }).check();
		await page.getByRole('link', { name: 'Tài khoản' }).click();
		await expect(page).toHaveURL(/\/account$/);
		await expect.poll(() => posts).toBe(1);
		// A form still on the page would try again 2 s after a failure; the one that is gone does not.
		await page.waitForTimeout(3_000);
		expect(posts).toBe(1);
		expect(answerOnServer(id, code)).toBeUndefined();

		await page.unroute(`**/api/sheets/${id}`);
		await page.goBack();
		await hydrated(page);
		await expect(signRow(page, 3).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' })).toBeChecked();
		await expect.poll(() => answerOnServer(id, code)?.level).toBe(2);
		await saved(page);
	});
});

test.describe('a duplicated tab', () => {
	// About the pages' own copies; the service worker plays no part.
	test.use({ serviceWorkers: 'block' });

	test('each tab’s later changes wait in a copy of its own, so neither writes over the other’s', async ({
		page,
		context
	}) => {
		await signIn(page, await newMember('nhanban', 'Vi Thị Nhân Bản'));
		await openSheet(page);
		const id = sheetIdOf(page);
		// What the browser's "Duplicate tab" does: a new tab that starts with a copy of this one's sessionStorage.
		const storage = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
		const twin = await context.newPage();
		await twin.addInitScript((entries: string) => {
			for (const [key, value] of JSON.parse(entries) as [string, string][]) sessionStorage.setItem(key, value);
		}, storage);
		await twin.goto(page.url());
		await hydrated(twin);
		const tabOf = (p: Page) => p.evaluate(() => sessionStorage.getItem('tusoi:tab'));
		expect(await tabOf(twin)).not.toBe(await tabOf(page));

		// Offline, so what each tab changes waits in its copy.
		await context.setOffline(true);
		const code = async (n: number) =>
			(await signRow(page, n).getAttribute('id'))!.replace('sign-', '').replace('-', '.');
		await signRow(page, 1).getByRole('radio', { name: 'Có biểu hiện ở mức độ nhẹ' }).check();
		await signRow(twin, 2).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' }).check();
		await signRow(page, 3).getByRole('radio', { name: 'Có biểu hiện ở mức độ nhẹ' }).check();
		const copies = await page.evaluate(
			(prefix) =>
				Object.keys(localStorage)
					.filter((k) => k.startsWith(prefix))
					.map((k) => localStorage.getItem(k)!),
			`tusoi:sheet:${id}:`
		);
		expect(copies).toHaveLength(2);
		const [first, second, third] = [await code(1), await code(2), await code(3)].map((c) => `"${c}"`);
		const original = copies.find((c) => c.includes(first))!;
		const duplicate = copies.find((c) => c.includes(second))!;
		expect(original).toContain(third);
		expect(original).not.toContain(second);
		expect(duplicate).not.toContain(first);
		await context.setOffline(false);
	});
});

test.describe('a tab closed with changes the server refused', () => {
	// The session is ended by clearing the browser's cookies, which Playwright's Chromium does not apply to the requests
	// of a page a service worker controls; this journey is about the page's own copy, so it runs without the worker.
	test.use({ serviceWorkers: 'block' });

	test('changes a closed tab could not send are shown at once when the sheet is opened again, and sent', async ({
		page,
		context
	}) => {
		await signIn(page, await newMember('khoiphuc', 'Mai Thị Khôi Phục'));
		await openSheet(page);
		const url = page.url();
		const id = sheetIdOf(page);
		// The session ends just as the answer is given: the server takes nothing, not even the save sent on closing.
		const cookies = await context.cookies();
		await context.clearCookies();
		await signRow(page, 2).getByRole('radio', { name: 'Có biểu hiện ở mức độ nghiêm trọng' }).check();
		await expect(page.getByRole('status').filter({ hasText: 'Phiên đăng nhập đã hết hạn' })).toBeVisible();
		await page.close();
		expect(onServer(id).answers.size).toBe(0);
		await context.addCookies(cookies);

		const again = await context.newPage();
		await again.goto(url);
		await hydrated(again);
		await expect(signRow(again, 2).getByRole('radio', { name: 'Có biểu hiện ở mức độ nghiêm trọng' })).toBeChecked();
		await expect(again.getByText(/Đã khôi phục 1 thay đổi còn giữ trên máy này/)).toBeVisible();
		await saved(again);
		const signCode = (await signRow(again, 2).getAttribute('id'))!.replace('sign-', '').replace('-', '.');
		expect(answerOnServer(id, signCode)?.level).toBe(3);
	});
});

/** Opens the member's sheet and waits until the device keeps it. */
async function openKept(page: Page, username: string): Promise<void> {
	await signIn(page, username);
	await openSheet(page);
	await keptOnDevice(page);
}

test('with no network the sheet opens again, takes five answers, and sends them in order when the network returns', async ({
	page,
	context
}) => {
	await openKept(page, await newMember('ngoaituyen', 'Lò Văn Ngoại Tuyến'));
	const id = sheetIdOf(page);
	await none(signRow(page, 0)).check();
	await saved(page);
	const before = onServer(id).revision;

	await context.setOffline(true);
	await page.reload();
	await hydrated(page);
	await expect(none(signRow(page, 0))).toBeChecked();
	for (let i = 1; i <= 5; i++) await signRow(page, i).getByRole('radio', { name: 'Có biểu hiện ở mức độ nhẹ' }).check();
	const bar = page.locator('.sheet-bar');
	await expect(bar).toContainText('Chưa có mạng: 5 thay đổi chờ gửi');
	expect(onServer(id).revision).toBe(before);

	await context.setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await saved(page);
	const after = onServer(id);
	const codes = await Promise.all(
		[1, 2, 3, 4, 5].map(async (i) =>
			(await signRow(page, i).getAttribute('id'))!.replace('sign-', '').replace('-', '.')
		)
	);
	for (const code of codes) expect(after.answers.get(code)?.level).toBe(1);
	expect(after.answers.get(codes[0])?.sectionNone).toBe(false);
	expect(after.revision).toBeGreaterThan(before);
	// The page goes on from the server's revision: the next answer saves without a conflict.
	await signRow(page, 6).getByRole('radio', { name: 'Không có biểu hiện' }).check();
	await saved(page);
	expect(onServer(id).revision).toBeGreaterThan(after.revision);
});

test('two devices, one offline: the conflict is shown when it comes back and nothing is overwritten', async ({
	page,
	browser
}) => {
	const username = await newMember('haimay', 'Vàng Thị Hai Máy');
	await openKept(page, username);
	const id = sheetIdOf(page);
	const phone = page.context();

	const desktop: BrowserContext = await browser.newContext();
	const other = await desktop.newPage();
	await signIn(other, username);
	await other.goto(page.url());
	await hydrated(other);

	await phone.setOffline(true);
	await signRow(page, 0).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' }).check();
	await expect(page.locator('.sheet-bar')).toContainText('Chưa có mạng: 1 thay đổi chờ gửi');

	await none(signRow(other, 0)).check();
	await saved(other);
	const code = (await signRow(other, 0).getAttribute('id'))!.replace('sign-', '').replace('-', '.');
	const revision = onServer(id).revision;

	await phone.setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(
		page.getByRole('status').filter({ hasText: 'Phiếu vừa được lưu từ một thẻ hoặc thiết bị khác' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Tải lại' })).toBeVisible();
	expect(answerOnServer(id, code)?.level).toBe(0);
	expect(onServer(id).revision).toBe(revision);
	await desktop.close();
});

test('a page kept on the device is read-only until the server says which copy is current, then shows the newer one', async ({
	page,
	browser
}) => {
	const username = await newMember('banmoi', 'Lường Thị Bản Mới');
	await openKept(page, username);
	const id = sheetIdOf(page);

	// Another device answers: the copy this phone keeps is now older than the server's sheet.
	const desktop: BrowserContext = await browser.newContext();
	const other = await desktop.newPage();
	await signIn(other, username);
	await other.goto(page.url());
	await hydrated(other);
	await signRow(other, 0).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' }).check();
	await saved(other);
	await desktop.close();
	const revision = onServer(id).revision;

	// The freshness check is held until the page was seen read-only (well within its 3 s).
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(`**/api/sheets/${id}`, async (route) => {
		if (route.request().method() === 'GET') await held;
		await route.fallback();
	});
	await page.reload();
	await hydrated(page);
	const checking = page.getByRole('status').filter({ hasText: 'Đang kiểm tra bản mới nhất của phiếu…' });
	await expect(checking).toBeVisible();
	await expect(none(signRow(page, 1))).toBeDisabled();
	await expect(signRow(page, 0).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' })).not.toBeChecked();
	// A part of the Bản kiểm điểm opened meanwhile to read it stays open when the newer copy replaces the form.
	const commitment = page.locator('textarea[name="commitment"]');
	await page.locator('details.fold', { has: commitment }).locator('summary').click();
	await expect(commitment).toBeVisible();
	release();

	await expect(signRow(page, 0).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' })).toBeChecked();
	await expect(checking).toHaveCount(0);
	await expect(commitment).toBeVisible();
	await expect(commitment).toBeEditable();
	await expect(none(signRow(page, 1))).toBeEnabled();
	await none(signRow(page, 1)).check();
	await saved(page);
	await expect(page.getByText('Phiếu vừa được lưu từ một thẻ hoặc thiết bị khác')).toHaveCount(0);
	const after = onServer(id);
	expect(after.revision).toBeGreaterThan(revision);
	expect([...after.answers.values()].map((a) => a.level).sort()).toEqual([0, 2]);
});

test.describe('on a slow connection', () => {
	// A first visit: the page's scripts come from the network, held here (no service worker to answer for them).
	test.use({ serviceWorkers: 'block' });

	/** Opens the page again with its scripts held back until the returned function lets them through. */
	async function openWithScriptsHeld(page: Page): Promise<() => void> {
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.fallback();
		});
		await page.goto(page.url(), { waitUntil: 'commit' });
		return release;
	}

	test('a level tapped before the page’s scripts run is kept, and saved once they do', async ({ page }) => {
		await signIn(page, await newMember('chamsom', 'Lò Thị Chạm Sớm'));
		await openSheet(page);
		const id = sheetIdOf(page);
		const code = (await signRow(page, 2).getAttribute('id'))!.replace('sign-', '').replace('-', '.');
		const release = await openWithScriptsHeld(page);
		const clear = signRow(page, 2).getByRole('radio', { name: 'Có biểu hiện ở mức độ rõ' });
		await clear.check();
		expect(await page.evaluate(() => document.body.dataset.hydrated)).toBeUndefined();
		release();
		await hydrated(page);
		await expect(clear).toBeChecked();
		await saved(page);
		expect(answerOnServer(id, code)?.level).toBe(2);
	});

	test('a line typed and a choice made before the page’s scripts run are kept, and saved once they do', async ({
		page
	}) => {
		await signIn(page, await newMember('gosom', 'Cà Văn Gõ Sớm'));
		await openSheet(page);
		const id = sheetIdOf(page);
		const release = await openWithScriptsHeld(page);
		const work = page.getByLabel('Đơn vị công tác');
		await work.fill('Trạm y tế xã Mường Tè');
		await page.getByLabel('Hoàn thành tốt nhiệm vụ').check();
		expect(await page.evaluate(() => document.body.dataset.hydrated)).toBeUndefined();
		release();
		await hydrated(page);
		await expect(work).toHaveValue('Trạm y tế xã Mường Tè');
		await expect(page.getByLabel('Hoàn thành tốt nhiệm vụ')).toBeChecked();
		await saved(page);
		expect(sectionOnServer(id, 'ID.work')).toMatchObject({ text: 'Trạm y tế xã Mường Tè' });
		expect(sectionOnServer(id, 'B.II')).toMatchObject({ quality: 'tot' });
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the page says to press «Lưu», and a refused hand-in lists what is missing at the top', async ({ page }) => {
		await signIn(page, await newMember('khongjs', 'Đinh Thị Không Kịch Bản'));
		await openSheet(page);
		await expect(page.locator('.sheet-bar')).toContainText('Bấm «Lưu» ở cuối phiếu để lưu.');
		await expect(page.getByText(/lưu tự động/)).toHaveCount(0);
		await expect(page.getByRole('button', { name: /Không có biểu hiện ở các biểu hiện còn lại/ })).toHaveCount(0);

		await signRow(page, 0).getByRole('radio', { name: 'Có biểu hiện ở mức độ nhẹ' }).check();
		await page.getByRole('button', { name: 'Lưu', exact: true }).click();
		await expect(signRow(page, 0).getByRole('radio', { name: 'Có biểu hiện ở mức độ nhẹ' })).toBeChecked();
		await page.getByRole('button', { name: 'Nộp phiếu' }).click();
		const missing = page.getByRole('alert').filter({ hasText: 'Phiếu chưa đủ để nộp' });
		await expect(missing).toBeInViewport();
		await expect(missing.getByRole('link', { name: /cần ghi biện pháp khắc phục/ })).toBeVisible();
		const top = (await missing.boundingBox())!.y;
		expect(top).toBeLessThan((await signRow(page, 0).boundingBox())!.y);
	});
});

test('the questionnaire is kept by its address for good, and signing out empties what the device kept of the sheet', async ({
	page
}) => {
	await openKept(page, await newMember('dangxuat', 'Sùng Thị Đăng Xuất'));
	const path = new URL(page.url()).pathname;
	const questionnaires = () =>
		page.evaluate(async () => (await (await caches.open('tusoi-questionnaires')).keys()).map((r) => r.url));
	await expect.poll(questionnaires).toHaveLength(1);
	const kept = await questionnaires();
	const current = await page.request.get(kept[0]);
	expect(current.headers()['cache-control']).toBe('private, max-age=31536000, immutable');
	const questionnaire = (await current.json()) as { categories: unknown[]; content: { signs: unknown[] } };
	expect(questionnaire.categories).toHaveLength(3);
	expect(questionnaire.content.signs.length).toBeGreaterThan(30);
	const old = await page.request.get(kept[0].replace(/h=[^&]+/, 'h=cu'));
	expect(old.headers()['cache-control']).toBe('no-store');

	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await expect(page).toHaveURL(/\/login/);
	await expect.poll(() => page.evaluate(async (p) => (await caches.match(p)) === undefined, path)).toBe(true);
});

test.describe('the last accessibility gaps', () => {
	test('a failed sign-in puts the focus on its message; the header shows a white focus ring', async ({ page }) => {
		await page.goto('/login');
		await hydrated(page);
		await page.getByLabel('Tên đăng nhập').fill('dangvien001');
		await page.getByLabel('Mật khẩu').fill('khong-dung-mat-khau');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page.getByRole('alert')).toBeFocused();

		await signIn(page, await newMember('vongtieudiem', 'Giàng Thị Tiêu Điểm'));
		const signOut = page.getByRole('button', { name: 'Đăng xuất' });
		await signOut.focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab');
		await expect(signOut).toBeFocused();
		expect(await signOut.evaluate((el) => getComputedStyle(el).outlineColor)).toBe('rgb(255, 255, 255)');
	});

	test('a field reached with Shift+Tab is never left under the sticky bar', async ({ page }) => {
		await signIn(page, await newMember('duoithanh', 'Chu Thị Dưới Thanh'));
		await openSheet(page);
		await (await writtenSection(page, 'strengths')).focus();
		const bar = page.locator('.sheet-bar');
		for (let i = 0; i < 12; i++) {
			await page.keyboard.press('Shift+Tab');
			const covered = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				const barBox = document.querySelector('.sheet-bar')!.getBoundingClientRect();
				const box = (el?.closest('label') ?? el)?.getBoundingClientRect();
				return !!box && box.top < barBox.bottom && box.bottom > barBox.top && !el?.closest('.sheet-bar');
			});
			expect(covered).toBe(false);
		}
		await expect(bar).toBeInViewport();
	});

	test('the source links on the signs page are at least 24 px tall', async ({ page }) => {
		await signIn(page, 'dangvien001');
		await page.goto('/signs');
		const details = page.locator('details').filter({ hasText: 'Nguồn đối chiếu' }).first();
		await details.locator('summary').click();
		const link = details.getByRole('link').first();
		expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(24);
	});
});
