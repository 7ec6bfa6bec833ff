import { expect, test, type Browser } from '@playwright/test';
import { hydrated, newMember, signIn } from './helpers';
import { answerEverything, openSheet, saved } from './sheet-helpers';

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

	const history = secretary.locator('section', { hasText: 'Lịch sử phiếu' });
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
		expect(response.status()).toBe(403);
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
