import { expect, test, type Browser } from '@playwright/test';
import { hydrated, newMember, signIn } from './helpers';
import { answerEverything, openSheet, saved, writtenSection } from './sheet-helpers';

async function asUser(browser: Browser, username: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, username);
	return page;
}

test('a secretary returns a sheet with a note, the member fixes it, the secretary approves with an adjusted rating', async ({
	browser
}) => {
	const username = await newMember('duyet');
	const member = await asUser(browser, username);
	await openSheet(member);
	await answerEverything(member);
	await saved(member);
	await member.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(member.getByText('Trạng thái: Đã nộp')).toBeVisible();

	const secretary = await asUser(browser, 'bithu01');
	await secretary.goto(secretary.url() + '?status=submitted');
	await secretary
		.getByRole('link', { name: /Đặng Thị Thử/ })
		.first()
		.click();
	await expect(secretary.getByRole('heading', { level: 1 })).toHaveText(/Đặng Thị Thử/);
	await hydrated(secretary);
	await secretary.getByText('Ghi chú trả lại cho biểu hiện TT1.1').click();
	await secretary
		.getByLabel('Ghi chú cho biểu hiện TT1.1')
		.fill('Biện pháp cần cụ thể hơn: nêu rõ tài liệu nào, khi nào.');
	await secretary.getByLabel('Nhận xét chung khi trả lại').fill('Đề nghị đồng chí hoàn thiện trước ngày họp chi bộ.');
	await secretary.getByRole('button', { name: 'Trả lại để hoàn thiện' }).click();
	await expect(secretary.getByText('Đã trả lại phiếu để đảng viên hoàn thiện.')).toBeVisible();

	await member.goto(member.url().split('?')[0]);
	await hydrated(member);
	await expect(member.getByText('Chi ủy đã trả lại phiếu để hoàn thiện.')).toBeVisible();
	const sign = member.locator('#sign-TT1-1');
	await expect(sign.getByRole('note')).toContainText('Biện pháp cần cụ thể hơn');
	await sign
		.getByLabel('Biện pháp khắc phục')
		.fill('Đọc Nghị quyết 04-NQ/TW và Quy định 37-QĐ/TW trong tháng 1; báo cáo tại sinh hoạt chi bộ tháng 2.');
	await saved(member);
	await member.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(member.getByText('Trạng thái: Đã nộp')).toBeVisible();

	await secretary.reload();
	await hydrated(secretary);
	await expect(secretary.getByText('Trạng thái: Đã nộp')).toBeVisible();
	await secretary
		.getByLabel('Nhận xét của chi ủy')
		.fill('Đồng chí nhận thức rõ hạn chế và có biện pháp khắc phục cụ thể.');
	await secretary.getByLabel('Xếp loại của chi ủy').selectOption({ label: 'Khá' });
	await secretary.getByRole('button', { name: 'Duyệt phiếu' }).click();
	// The refusal sits by the reason field now, and what was typed stays (tests/e2e/review-refusal.e2e.ts).
	await expect(secretary.locator('#reason-error')).toContainText('hãy ghi lý do điều chỉnh');
	await expect(secretary.getByText('Trạng thái: Đã nộp')).toBeVisible();

	await secretary
		.getByLabel('Nhận xét của chi ủy')
		.fill('Đồng chí nhận thức rõ hạn chế và có biện pháp khắc phục cụ thể.');
	await secretary.getByLabel('Xếp loại của chi ủy').selectOption({ label: 'Khá' });
	await secretary.getByLabel(/Lý do điều chỉnh/).fill('Còn biểu hiện vắng sinh hoạt chi bộ chưa khắc phục dứt điểm.');
	await secretary.getByRole('button', { name: 'Duyệt phiếu' }).click();
	await expect(secretary.getByText('Đã duyệt phiếu. Phiếu đã được khóa.')).toBeVisible();
	await expect(secretary.getByText('Trạng thái: Đã duyệt')).toBeVisible();

	const history = secretary.locator('#history');
	await expect(history).toContainText('Đảng viên nộp phiếu');
	await expect(history).toContainText('Chi ủy trả lại phiếu để hoàn thiện');
	await expect(history).toContainText('Chi ủy duyệt phiếu, điều chỉnh xếp loại: từ «Tốt» thành «Khá»');
	await expect(history).toContainText('Còn biểu hiện vắng sinh hoạt chi bộ chưa khắc phục dứt điểm.');

	await member.reload();
	await expect(member.getByText('Phiếu đã được chi ủy duyệt và khóa.')).toBeVisible();
	await member.context().close();
	await secretary.context().close();
});

test('a secretary cannot open a sheet of another chapter', async ({ page }) => {
	await signIn(page, 'bithu01');
	const href = (await page.locator('a[href*="/sheets/"]').first().getAttribute('href'))!;
	const [, otherChapter, sheetId] = href.match(/\/chapters\/(\d+)\/sheets\/(\d+)/)!;
	await page.context().clearCookies();
	await signIn(page, 'bithu02');
	const ownChapter = page.url().match(/\/chapters\/(\d+)/)![1];
	expect(ownChapter).not.toBe(otherChapter);
	expect((await page.goto(`/chapters/${ownChapter}/sheets/${sheetId}`))?.status()).toBe(404);
	expect((await page.goto(`/chapters/${otherChapter}/sheets/${sheetId}`))?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
});

test('a committee user can read but not change anything', async ({ page, baseURL }) => {
	await signIn(page, 'bithu01');
	const chapterUrl = page.url();
	const href = await page.locator('a[href*="/sheets/"]').first().getAttribute('href');
	await page.context().clearCookies();
	await signIn(page, 'capuy');
	await page.goto(href!);
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Không tìm thấy trang');
	await expect(page.getByRole('button', { name: 'Duyệt phiếu' })).toHaveCount(0);
	for (const action of ['approve', 'return', 'reopen']) {
		const response = await page.request.post(`${baseURL}${href}?/${action}`, {
			headers: { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded' },
			data: 'finalRating=tot&assessment=x&generalNote=x&reopenReason=xxxxxx'
		});
		expect(response.status(), `${href}?/${action}`).toBe(403);
	}
	await page.goto(chapterUrl);
	await expect(page.getByText('Chỉ xem')).toBeVisible();
});

test('a member is refused the chapter page', async ({ page }) => {
	await signIn(page, 'bithu01');
	const chapterUrl = page.url();
	await page.context().clearCookies();
	await signIn(page, await newMember());
	const response = await page.goto(chapterUrl);
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập');
});

/** A new member's sheet, answered completely and handed in; returns its id. */
async function handedInSheet(browser: Browser) {
	const member = await asUser(browser, await newMember('cu'));
	await openSheet(member);
	await answerEverything(member);
	await saved(member);
	await member.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(member.getByText('Trạng thái: Đã nộp')).toBeVisible();
	const id = Number(/\/sheets\/(\d+)/.exec(member.url())![1]);
	return { member, id };
}

test('an approval from a page opened before the sheet changed is refused, and nothing is decided', async ({
	browser
}) => {
	// Three signed-in pages, a whole sheet filled and handed in, then two reviews: about 16 s alone, more on a busy machine.
	test.setTimeout(60_000);
	const { member, id } = await handedInSheet(browser);
	const tabA = await asUser(browser, 'bithu01');
	const chapter = /\/chapters\/(\d+)/.exec(tabA.url())![1];
	const url = `/chapters/${chapter}/sheets/${id}`;
	await tabA.goto(url);
	await hydrated(tabA);
	await expect(tabA.getByRole('button', { name: 'Duyệt phiếu' })).toBeVisible();

	// Tab B (the same secretary) returns it; the member changes a line and hands it in again.
	const tabB = await tabA.context().newPage();
	await tabB.goto(url);
	await hydrated(tabB);
	await tabB.getByLabel('Nhận xét chung khi trả lại').fill('Đề nghị ghi rõ thời hạn từng việc.');
	await tabB.getByRole('button', { name: 'Trả lại để hoàn thiện' }).click();
	await expect(tabB.getByText('Đã trả lại phiếu để đảng viên hoàn thiện.')).toBeVisible();
	await member.goto(member.url().split('?')[0]);
	await hydrated(member);
	await (await writtenSection(member, 'commitment')).fill('Khắc phục dứt điểm trong quý I, báo cáo chi bộ.');
	await saved(member);
	await member.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(member.getByText('Trạng thái: Đã nộp')).toBeVisible();

	// Tab A still shows the first version: its approval must not land on the new one.
	await tabA.getByRole('button', { name: 'Duyệt phiếu' }).click();
	await expect(tabA.getByRole('alert')).toHaveText(
		'Phiếu đã thay đổi kể từ khi bạn mở trang. Hãy tải lại để xem bản mới nhất.'
	);
	await tabA.goto(url);
	await expect(tabA.getByText('Trạng thái: Đã nộp')).toBeVisible();
	await expect(tabA.locator('#history')).not.toContainText('Chi ủy duyệt phiếu');
	await member.context().close();
	await tabA.context().close();
});

test('a secretary cannot decide her own sheet; the committee above does, and the pages say so', async ({
	browser,
	baseURL
}) => {
	const secretary = await asUser(browser, 'bithu01');
	const chapterPath = new URL(secretary.url()).pathname;
	await expect(secretary.getByText(/Phiếu của bí thư do cấp ủy cấp trên \(.+\) xem xét\./)).toBeVisible();
	await secretary.goto('/sheets');
	await openSheet(secretary);
	await answerEverything(secretary);
	await saved(secretary);
	await secretary.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(secretary.getByText('Trạng thái: Đã nộp')).toBeVisible();
	const id = /\/sheets\/(\d+)/.exec(secretary.url())![1];
	const url = `${chapterPath}/sheets/${id}`;

	await secretary.goto(url);
	await expect(secretary.getByText(/Phiếu của bí thư do cấp ủy cấp trên/)).toBeVisible();
	await expect(secretary.getByRole('button', { name: 'Duyệt phiếu' })).toHaveCount(0);
	// Even a hand-made request is refused: who may decide is checked before anything else.
	const posted = await secretary.request.post(`${baseURL}${url}?/approve`, {
		headers: { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded' },
		data: 'revision=1&finalRating=tot&assessment=x&reason=Tu+nang+xep+loai'
	});
	expect(posted.status()).toBe(403);

	const committee = await asUser(browser, 'capuy');
	await committee.goto(url);
	await hydrated(committee);
	// The committee above decides the secretary's own sheet in its own name.
	await committee.getByLabel('Nhận xét của cấp ủy cấp trên').fill('Đồng chí bí thư hoàn thành tốt nhiệm vụ.');
	await committee.getByRole('button', { name: 'Duyệt phiếu' }).click();
	await expect(committee.getByText('Đã duyệt phiếu. Phiếu đã được khóa.')).toBeVisible();
	await secretary.context().close();
	await committee.context().close();
});
