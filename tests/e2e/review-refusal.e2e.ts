import { expect, test, type Browser, type Page } from '@playwright/test';
import { hydrated, newMember, signIn } from './helpers';
import { answerEverything, openSheet, saved } from './sheet-helpers';

/** A fresh member (named apart from review.e2e's, which picks its sheet by name) hands in a complete sheet (with JavaScript, in a context of its own); returns the sheet id. */
async function submittedSheet(browser: Browser): Promise<string> {
	const context = await browser.newContext({ javaScriptEnabled: true });
	const member = await context.newPage();
	await signIn(member, await newMember('tuchoi', 'Ngô Văn Từ Chối'));
	await openSheet(member);
	await answerEverything(member);
	await saved(member);
	await member.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(member.getByText('Trạng thái: Đã nộp')).toBeVisible();
	const id = new URL(member.url()).pathname.split('/')[2];
	await context.close();
	return id;
}

/** The secretary of the member's chapter opens the sheet for review. */
async function openForReview(page: Page, sheetId: string): Promise<void> {
	await signIn(page, 'bithu01');
	const chapter = new URL(page.url()).pathname.match(/^\/chapters\/(\d+)/)?.[1];
	expect(chapter).toBeTruthy();
	await page.goto(`/chapters/${chapter}/sheets/${sheetId}`);
	await hydrated(page);
	await expect(page.getByText('Trạng thái: Đã nộp')).toBeVisible();
}

const assessment = 'Đồng chí nhận thức rõ hạn chế, biện pháp khắc phục cụ thể, cần chủ động hơn.';

async function approveWithoutReason(page: Page): Promise<void> {
	await page.getByLabel('Nhận xét của chi ủy').fill(assessment);
	await page.getByLabel('Xếp loại của chi ủy').selectOption({ label: 'Khá' });
	await page.getByRole('button', { name: 'Duyệt phiếu' }).click();
}

async function expectKeptWithReasonError(page: Page): Promise<void> {
	await expect(page.getByText('Trạng thái: Đã nộp')).toBeVisible();
	await expect(page.getByLabel('Nhận xét của chi ủy')).toHaveValue(assessment);
	await expect(page.getByLabel('Xếp loại của chi ủy')).toHaveValue('kha');
	const reason = page.getByLabel(/Lý do điều chỉnh/);
	await expect(reason).toHaveAttribute('aria-invalid', 'true');
	const describedBy = await reason.getAttribute('aria-describedby');
	expect(describedBy).toBeTruthy();
	await expect(page.locator(`#${describedBy}`)).toContainText('hãy ghi lý do điều chỉnh');
	// The other fields carry no error.
	await expect(page.getByLabel('Nhận xét của chi ủy')).not.toHaveAttribute('aria-invalid', 'true');
}

test('approving with a changed rating and no reason keeps the assessment and the rating, the error by the reason', async ({
	browser,
	page
}) => {
	const sheetId = await submittedSheet(browser);
	await openForReview(page, sheetId);
	await approveWithoutReason(page);
	await expectKeptWithReasonError(page);

	// Only the reason is missing: giving it now approves with what was kept.
	await page.getByLabel(/Lý do điều chỉnh/).fill('Còn một biểu hiện chưa khắc phục dứt điểm trong năm.');
	await page.getByRole('button', { name: 'Duyệt phiếu' }).click();
	await expect(page.getByText('Đã duyệt phiếu. Phiếu đã được khóa.')).toBeVisible();
	await expect(page.locator('section', { hasText: 'Chi ủy xếp loại' })).toContainText(assessment);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same refusal keeps what was typed and shows the error by the reason', async ({ browser, page }) => {
		const sheetId = await submittedSheet(browser);
		await openForReview(page, sheetId);
		await approveWithoutReason(page);
		await expectKeptWithReasonError(page);
	});
});
