import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, hydrated, lastYearSheetWithPlan, newMember, returnedSheetWithNotes, signIn } from './helpers';
import { answerEverything, openSheet, saved, writtenSection } from './sheet-helpers';

test('a member fills the whole sheet, sees the live rating and submits it', async ({ page }) => {
	await signIn(page, await newMember());
	await openSheet(page);
	await answerEverything(page);
	await saved(page);
	const progress = page.locator('.progress-count');
	const [answered, total] = (await progress.textContent())!
		.match(/(\d+)\/(\d+)/)!
		.slice(1)
		.map(Number);
	expect(answered).toBe(total);
	await expect(page.getByRole('region', { name: 'Kết quả tự soi' })).toContainText('Tốt');
	await expect(page.getByRole('region', { name: 'Kết quả tự soi' })).not.toContainText('tạm tính');

	await page.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(page.getByText('Đã nộp phiếu. Chi ủy sẽ xem xét')).toBeVisible();
	await expect(page.getByText('Trạng thái: Đã nộp')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Nộp phiếu' })).toHaveCount(0);
	await expect(page.locator('input[type="radio"][name^="level."]').first()).toBeDisabled();

	await page.goto('/sheets');
	await expect(page.getByRole('table')).toContainText('Đã nộp');
});

test('a serious sign caps the live rating, a critical one brings it to Yếu kém, and hand-in keeps it', async ({
	page
}) => {
	// Another name than the other journeys' members: review.e2e picks a handed-in sheet by its member's name.
	await signIn(page, await newMember('xeploai', 'Vũ Thị Xếp Loại'));
	await openSheet(page);
	await answerEverything(page);
	const result = page.getByRole('region', { name: 'Kết quả tự soi' });
	const rating = result.locator('.rating');

	// TT1.1 (weight 2, not critical) at level 3: about 99 points, in the Tốt band, but capped at Trung bình.
	const serious = page.locator('#sign-TT1-1');
	await serious.getByLabel('Có biểu hiện ở mức độ nghiêm trọng').check();
	await saved(page);
	await expect(rating).toHaveText('Trung bình');
	await expect(result).toContainText('kết quả tự soi không cao hơn “Trung bình”');
	// The cap decided, not the points: no score is shown beside the result.
	await expect(result.locator('.value')).toHaveCount(0);
	await expect(result).not.toContainText('tạm tính');

	// DB3.1 is critical for group B: at level 2 it brings the rating down to Yếu kém, whatever the points.
	const critical = page.locator('#sign-DB3-1');
	await critical.getByLabel('Có biểu hiện ở mức độ rõ').check();
	await critical.getByLabel('Biện pháp khắc phục').fill('Gỡ bài đã chia sẻ, tự phê bình trước chi bộ.');
	await critical.getByLabel('Thời hạn khắc phục').fill('2027-03-31');
	await saved(page);
	await expect(rating).toHaveText('Yếu kém');
	await expect(result.locator('.value')).toHaveCount(0);
	await expect(result).toContainText('(loại đặc biệt nghiêm trọng)');

	await page.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(page.getByText('Trạng thái: Đã nộp')).toBeVisible();
	await expect(rating).toHaveText('Yếu kém');

	// What was stored on hand-in is what was shown: the member's list of years reads the sheet back.
	await page.goto('/sheets');
	const cells = page.getByRole('table').getByRole('row').nth(1).getByRole('cell');
	await expect(cells.nth(0)).toHaveText('Đã nộp');
	// The critical sign, not the points, set Yếu kém: the list shows no score beside it either.
	await expect(cells.nth(1)).toHaveText('—');
	await expect(cells.nth(2)).toHaveText('Yếu kém');
	await expect(cells.nth(3)).toHaveText('—');
	await expect(cells.nth(4)).toContainText('DB3.1');
});

test("a member reports a line of last year's plan as not remedied, and it stays so after hand-in", async ({ page }) => {
	const username = await newMember('kehoach', 'Lý Thị Kế Hoạch');
	lastYearSheetWithPlan(username, {
		'TT4.2': { level: 1, action: 'Tham gia đầy đủ các buổi học tập nghị quyết của chi bộ.' },
		'DD9.3': { level: 2, action: 'Dành thời gian chăm lo gia đình, hòa giải với hàng xóm.' }
	});
	await signIn(page, username);
	await openSheet(page);
	const line = page.locator('#progress-DD9-3');
	await expect(line).toContainText('Dành thời gian chăm lo gia đình, hòa giải với hàng xóm.');
	await answerEverything(page);
	await line.getByLabel('Chưa khắc phục').check();
	await line.getByLabel('Ghi chú kết quả').fill('Chưa sắp xếp được thời gian, sẽ làm trong quý II.');
	await saved(page);

	await page.reload();
	await hydrated(page);
	await expect(line.getByLabel('Chưa khắc phục')).toBeChecked();
	await expect(line.getByLabel('Ghi chú kết quả')).toHaveValue('Chưa sắp xếp được thời gian, sẽ làm trong quý II.');
	await expect(page.locator('#progress-TT4-2').getByLabel('Đã khắc phục')).toBeChecked();

	await page.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(page.getByText('Trạng thái: Đã nộp')).toBeVisible();
	await page.reload();
	await expect(line.getByLabel('Chưa khắc phục')).toBeChecked();
	await expect(line.getByLabel('Chưa khắc phục')).toBeDisabled();
});

test('answers survive a reload halfway through', async ({ page }) => {
	await signIn(page, await newMember());
	await openSheet(page);
	const signs = page.locator('fieldset.sign');
	await signs.nth(0).getByLabel('Không có biểu hiện').check();
	await signs.nth(1).getByLabel('Có biểu hiện ở mức độ rõ').check();
	await signs.nth(1).getByLabel('Biện pháp khắc phục').fill('Nhờ chi ủy nhắc nhở hằng tháng.');
	await signs.nth(2).getByLabel('Có biểu hiện ở mức độ nghiêm trọng').check();
	await (await writtenSection(page, 'strengths')).fill('Nhiệt tình, trách nhiệm — “tận tụy” với công việc.');
	await saved(page);

	await page.reload();
	await hydrated(page);
	await expect(signs.nth(0).getByLabel('Không có biểu hiện')).toBeChecked();
	await expect(signs.nth(1).getByLabel('Có biểu hiện ở mức độ rõ')).toBeChecked();
	await expect(signs.nth(1).getByLabel('Biện pháp khắc phục')).toHaveValue('Nhờ chi ủy nhắc nhở hằng tháng.');
	await expect(signs.nth(2).getByLabel('Có biểu hiện ở mức độ nghiêm trọng')).toBeChecked();
	await expect(page.locator('textarea[name="strengths"]')).toHaveValue(
		'Nhiệt tình, trách nhiệm — “tận tụy” với công việc.'
	);
	await expect(page.getByRole('region', { name: 'Kết quả tự soi' })).toContainText('Trung bình');
});

test('an incomplete submit focuses the list of what is missing, at the top, and its first link lands on the sign', async ({
	page
}) => {
	await signIn(page, await newMember());
	await openSheet(page);
	const signs = page.locator('fieldset.sign');
	await signs.nth(0).getByLabel('Không có biểu hiện').check();
	await signs.nth(1).getByLabel('Có biểu hiện ở mức độ nhẹ').check();
	await page.getByRole('button', { name: 'Nộp phiếu' }).click();
	const missing = page.getByRole('alert').filter({ hasText: 'Phiếu chưa đủ để nộp' });
	await expect(missing).toBeFocused();
	await expect(missing).toBeInViewport();
	const second = signs.nth(1);
	await missing.getByRole('link').first().click();
	await expect(second).toBeFocused();
	await expect(second).toContainText('cần ghi biện pháp khắc phục');
	await expect(page.getByRole('link', { name: /chưa chọn mức độ/ }).first()).toBeVisible();
	await expect(page.getByText('Trạng thái: Đang làm')).toBeVisible();
});

test('a returned sheet opens with the chi ủy notes beside the signs they concern', async ({ page }) => {
	const username = await newMember();
	await returnedSheetWithNotes(username, [
		{ code: null, text: 'Đề nghị đồng chí bổ sung phần hạn chế.' },
		{ code: 'TT1.1', text: 'Cần nêu rõ biện pháp cụ thể hơn.' }
	]);
	await signIn(page, username);
	await openSheet(page);
	await expect(page.getByText('Chi ủy đã trả lại phiếu để hoàn thiện.')).toBeVisible();
	await expect(page.getByRole('note').filter({ hasText: 'Đề nghị đồng chí bổ sung phần hạn chế.' })).toBeVisible();
	const sign = page.locator('#sign-TT1-1');
	await expect(sign.getByRole('note')).toHaveText(/Cần nêu rõ biện pháp cụ thể hơn\./);
	await sign.getByLabel('Không có biểu hiện').check();
	await saved(page);
});

test('a second tab cannot silently overwrite the first', async ({ page, context }) => {
	await signIn(page, await newMember());
	await openSheet(page);
	const other = await context.newPage();
	await other.goto(page.url());
	await hydrated(other);

	await page.locator('fieldset.sign').nth(0).getByLabel('Không có biểu hiện').check();
	await saved(page);

	await other.locator('fieldset.sign').nth(0).getByLabel('Có biểu hiện ở mức độ rõ').check();
	await expect(
		other.getByRole('status').filter({ hasText: 'Phiếu vừa được lưu từ một thẻ hoặc thiết bị khác' })
	).toBeVisible();

	await page.reload();
	await expect(page.locator('fieldset.sign').nth(0).getByLabel('Không có biểu hiện')).toBeChecked();
});

test.describe('an expired session', () => {
	// The session is ended by clearing the browser's cookies, which Playwright's Chromium does not apply to the requests
	// of a page a service worker controls; this journey is about the page's own queue, so it runs without the worker.
	test.use({ serviceWorkers: 'block' });

	test('keeps what was typed and sends it after signing in again', async ({ page, context }) => {
		const username = await newMember();
		await signIn(page, username);
		await openSheet(page);
		const sheetUrl = page.url();
		await context.clearCookies();
		await (await writtenSection(page, 'shortcomings')).fill('Viết khi phiên đã hết hạn — không được mất.');
		await expect(page.getByRole('status').filter({ hasText: 'Phiên đăng nhập đã hết hạn' })).toBeVisible();
		await page.getByRole('link', { name: 'Đăng nhập lại' }).click();
		await page.getByLabel('Tên đăng nhập').fill(username);
		await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page).toHaveURL(sheetUrl);
		await saved(page);
		await page.evaluate(() => localStorage.clear());
		await page.reload();
		await expect(page.locator('textarea[name="shortcomings"]')).toHaveValue(
			'Viết khi phiên đã hết hạn — không được mất.'
		);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same form saves and submits with a plain POST', async ({ page }) => {
		await signIn(page, await newMember());
		await openSheet(page);
		await page.locator('fieldset.sign').nth(0).getByLabel('Có biểu hiện ở mức độ nhẹ').check();
		await page.getByRole('button', { name: 'Lưu', exact: true }).click();
		await expect(page.locator('fieldset.sign').nth(0).getByLabel('Có biểu hiện ở mức độ nhẹ')).toBeChecked();

		await page.getByRole('button', { name: 'Nộp phiếu' }).click();
		await expect(page.getByText('Phiếu chưa đủ để nộp')).toBeVisible();
		await expect(page.getByRole('link', { name: /cần ghi biện pháp khắc phục/ })).toBeVisible();

		await answerEverything(page);
		await page.getByRole('button', { name: 'Nộp phiếu' }).click();
		await expect(page.getByText('Trạng thái: Đã nộp')).toBeVisible();
	});
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('the slim bar stays in view, the section links reach each part', async ({ page }) => {
		await signIn(page, await newMember());
		await openSheet(page);
		await page.locator('fieldset.sign').nth(5).getByLabel('Không có biểu hiện').check();
		await page.mouse.wheel(0, 3000);
		const bar = page.locator('.sheet-bar');
		await expect(bar.getByText(/Đã trả lời 1\/\d+/)).toBeInViewport();
		await page
			.getByRole('navigation', { name: 'Các phần của phiếu' })
			.getByRole('link', { name: 'Bản kiểm điểm' })
			.click();
		await expect(page.getByRole('heading', { name: /^BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ/ })).toBeInViewport();
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});

/**
 * Fills the sheet completely, then leaves "Ưu điểm" (A.I.1) and the Bản kiểm điểm's A.VI empty and puts the first
 * remediation deadline in 2019.
 */
async function answerWithGaps(page: import('@playwright/test').Page) {
	await answerEverything(page);
	await (await writtenSection(page, 'strengths')).fill('   ');
	await (await writtenSection(page, 'section.A.VI')).fill('');
	await page.locator('fieldset.sign').first().getByLabel('Thời hạn khắc phục').fill('2019-01-01');
}

async function expectHandInGaps(page: import('@playwright/test').Page) {
	await expect(page.getByText('Phiếu chưa đủ để nộp')).toBeVisible();
	const text = page.getByRole('link', {
		name: /^Bản kiểm điểm, mục A\.I\.1 \(1\. Về phẩm chất chính trị, .*\): hãy viết ít nhất một câu \(từ 20 ký tự\)\.$/
	});
	await expect(text).toHaveAttribute('href', '#text-strengths');
	// A required section of the Bản kiểm điểm left empty is named in the same list, linked to its place.
	const section = page.getByRole('link', {
		name: 'Bản kiểm điểm, mục A.VI (VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm): chưa ghi nội dung.'
	});
	await expect(section).toHaveAttribute('href', '#section-A-VI');
	await expect(page.locator('#section-A-VI').getByText('chưa ghi nội dung')).toBeVisible();
	const deadline = page.getByRole('link', { name: /thời hạn khắc phục đã qua/ });
	await expect(deadline).toHaveAttribute('href', /^#sign-/);
	await expect(page.getByText('Trạng thái: Đang làm')).toBeVisible();
	return { text, deadline };
}

test('handing in needs the texts and deadlines from today on, each gap linked to its field', async ({ page }) => {
	await signIn(page, await newMember());
	await openSheet(page);
	await answerWithGaps(page);
	await saved(page);
	await page.getByRole('button', { name: 'Nộp phiếu' }).click();
	const { text } = await expectHandInGaps(page);
	// A gap's part is open, and says what it lacks; folded again by the member, the link opens it again.
	const fold = page.locator('details.fold', { has: page.locator('textarea[name="strengths"]') });
	await expect(fold).toHaveAttribute('open', '');
	await expect(fold.locator('summary')).toContainText('Bắt buộc · Chưa ghi');
	await fold.locator('summary').click();
	await expect(page.locator('textarea[name="strengths"]')).toBeHidden();
	await text.click();
	await expect(page).toHaveURL(/#text-strengths$/);
	await expect(page.locator('textarea[name="strengths"]')).toBeVisible();
	await page.locator('textarea[name="strengths"]').fill('Tốt.');
	await expect(fold.locator('summary')).toContainText('Bắt buộc · Đã ghi 1 chữ, cần ít nhất 20 ký tự');
	await (await writtenSection(page, 'strengths')).fill('Hoàn thành tốt nhiệm vụ được giao; gương mẫu trong công tác.');
	await (await writtenSection(page, 'section.A.VI')).fill('Mỗi tháng tự kiểm tra việc thực hiện, báo cáo chi bộ.');
	await page.locator('fieldset.sign').first().getByLabel('Thời hạn khắc phục').fill('2030-06-30');
	await saved(page);
	await page.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(page.getByText('Trạng thái: Đã nộp')).toBeVisible();
});

test.describe('the hand-in check without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('names and links each gap after a plain POST', async ({ page }) => {
		await signIn(page, await newMember());
		await openSheet(page);
		await answerWithGaps(page);
		await page.getByRole('button', { name: 'Nộp phiếu' }).click();
		await expectHandInGaps(page);
		await page
			.locator('textarea[name="strengths"]')
			.fill('Hoàn thành tốt nhiệm vụ được giao; gương mẫu trong công tác.');
		await (await writtenSection(page, 'section.A.VI')).fill('Mỗi tháng tự kiểm tra việc thực hiện, báo cáo chi bộ.');
		await page.locator('fieldset.sign').first().getByLabel('Thời hạn khắc phục').fill('2030-06-30');
		await page.getByRole('button', { name: 'Nộp phiếu' }).click();
		await expect(page.getByText('Trạng thái: Đã nộp')).toBeVisible();
	});
});
