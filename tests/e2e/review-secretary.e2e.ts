// The secretary's review as a secretary works, at a desktop width and on a phone: what to decide first, the
// whole sheet folded, what changed since the last hand-in, every member in turn, drafts left to their member.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { hydrated, newMember, signIn } from './helpers';
import { answerEverything, openSheet, saved, writtenSection } from './sheet-helpers';

async function asUser(browser: Browser, username: string, phone = false) {
	const context = await browser.newContext(
		phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}
	);
	const page = await context.newPage();
	await signIn(page, username);
	return page;
}

/** A new member of bithu01's chapter hands in a complete sheet (TT1.1 flagged); gives the member's page and the sheet's id. */
async function handedIn(browser: Browser, name: string) {
	const member = await asUser(browser, await newMember('xem', name));
	await openSheet(member);
	await answerEverything(member);
	await saved(member);
	await member.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(member.getByText('Trạng thái: Đã nộp')).toBeVisible();
	return { member, id: Number(/\/sheets\/(\d+)/.exec(member.url())![1]) };
}

async function chapterOf(page: Page): Promise<string> {
	return /\/chapters\/(\d+)/.exec(page.url())![1];
}

for (const phone of [false, true]) {
	test.describe(phone ? 'on a phone' : 'at a desktop width', () => {
		test('the review opens on what to decide, the rest folded, and the secretary approves', async ({ browser }) => {
			const { member, id } = await handedIn(browser, phone ? 'Hồ Thị Điện Thoại' : 'Lý Văn Bàn Giấy');
			const secretary = await asUser(browser, 'bithu01', phone);
			const chapter = await chapterOf(secretary);
			await secretary.goto(`/chapters/${chapter}/sheets/${id}`);
			await hydrated(secretary);

			const summary = secretary.getByRole('region', { name: 'Tóm tắt để xem xét' });
			await expect(summary).toContainText('Kết quả tự soi (tính theo phiếu, không phải xếp loại chính thức)');
			await expect(summary).toContainText('Biểu hiện tự nhận (1)');
			await expect(summary).toContainText('TT1.1');
			await expect(summary).toContainText('Đọc kỹ nghị quyết mỗi tuần và trao đổi trong sinh hoạt chi bộ.');
			await expect(summary).toContainText('30/06/2027');
			await expect(summary).toContainText('Hoàn thành tốt nhiệm vụ được giao');
			// An unflagged sign waits, folded, under its category's line.
			await expect(secretary.locator('#sign-DD1-1')).toBeHidden();
			await expect(secretary.getByText(/II\. .+/).first()).toBeVisible();

			const decision = secretary.getByRole('region', { name: 'Chi ủy xem xét' });
			if (phone) {
				// The content comes first; the decision is one tap away from the bar at the foot of the screen.
				const top = async (l: typeof summary) => (await l.boundingBox())!.y;
				expect(await top(summary)).toBeLessThan(await top(decision));
				await expect(decision).not.toBeInViewport();
				const bar = secretary.getByRole('navigation', { name: 'Thao tác nhanh' });
				await expect(bar).toBeInViewport();
				await bar.getByRole('link', { name: 'Xem xét, duyệt' }).click();
				await expect(decision.getByRole('button', { name: 'Duyệt phiếu' })).toBeInViewport();
				const width = await secretary.evaluate(() => document.documentElement.scrollWidth);
				expect(width).toBeLessThanOrEqual(390);
			}
			await decision.getByLabel('Nhận xét của chi ủy').fill('Đồng chí tự nhận đúng, biện pháp cụ thể.');
			await decision.getByRole('button', { name: 'Duyệt phiếu' }).click();
			await expect(secretary.getByText('Đã duyệt phiếu. Phiếu đã được khóa.')).toBeVisible();
			await expect(secretary.getByText('Trạng thái: Đã duyệt')).toBeVisible();
			await member.context().close();
			await secretary.context().close();
		});

		test('a draft stays the member’s: status and progress only, also by its address', async ({ browser }) => {
			const name = phone ? 'Tạ Thị Nháp Điện Thoại' : 'Tạ Văn Nháp Bàn';
			const member = await asUser(browser, await newMember('nhap', name));
			await openSheet(member);
			await member.locator('fieldset.sign').first().getByLabel('Có biểu hiện ở mức độ nhẹ').check();
			await member.locator('fieldset.sign').first().getByLabel('Biện pháp khắc phục').fill('Điều riêng tôi đang viết.');
			await saved(member);
			const id = Number(/\/sheets\/(\d+)/.exec(member.url())![1]);

			const secretary = await asUser(browser, 'bithu01', phone);
			const chapter = await chapterOf(secretary);
			const row = secretary.locator('table.members tbody tr', { hasText: name });
			await expect(row).toContainText('Đang làm');
			await expect(row).toContainText(/1\/\d+ biểu hiện/);
			await expect(row.getByRole('link')).toHaveCount(0);
			if (phone) expect(await secretary.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

			await secretary.goto(`/chapters/${chapter}/sheets/${id}`);
			await expect(secretary.getByRole('heading', { name: 'Đảng viên chưa nộp phiếu' })).toBeVisible();
			await expect(secretary.getByText(/Đã trả lời 1\/\d+ biểu hiện/)).toBeVisible();
			await expect(secretary.locator('body')).not.toContainText('Điều riêng tôi đang viết.');
			await expect(secretary.getByRole('button', { name: 'Duyệt phiếu' })).toHaveCount(0);
			for (const part of ['print', 'report.pdf']) {
				const response = await secretary.request.get(`/chapters/${chapter}/sheets/${id}/${part}`);
				expect(response.status(), part).toBe(403);
				expect(await response.text()).not.toContain('Điều riêng tôi đang viết.');
			}
			await member.context().close();
			await secretary.context().close();
		});
	});
}

test('return, the member changes two answers and hands in again: the secretary sees exactly those two', async ({
	browser
}) => {
	const { member, id } = await handedIn(browser, 'Mai Thị Nộp Lại');
	const secretary = await asUser(browser, 'bithu01');
	const url = `/chapters/${await chapterOf(secretary)}/sheets/${id}`;
	await secretary.goto(url);
	await hydrated(secretary);
	await expect(secretary.getByRole('region', { name: /Thay đổi so với lần nộp trước/ })).toHaveCount(0);
	await secretary.getByText('Ghi chú trả lại cho biểu hiện TT1.1').click();
	await secretary.getByLabel('Ghi chú cho biểu hiện TT1.1').fill('Biện pháp cần nêu rõ tài liệu và thời điểm.');
	await secretary.getByRole('button', { name: 'Trả lại để hoàn thiện' }).click();
	await expect(secretary.getByText('Đã trả lại phiếu để đảng viên hoàn thiện.')).toBeVisible();

	await member.goto(member.url().split('?')[0]);
	await hydrated(member);
	// The page the service worker kept may be the draft from before the hand-in; it reloads itself once it sees the
	// sheet was returned, and the member types on that one.
	await expect(member.getByText('Trạng thái: Trả lại để hoàn thiện')).toBeVisible();
	await member
		.locator('#sign-TT1-1')
		.getByLabel('Biện pháp khắc phục')
		.fill('Đọc Nghị quyết 04-NQ/TW trong tháng 1; báo cáo chi bộ tháng 2.');
	const second = member.locator('fieldset.sign').nth(1);
	await second.getByLabel('Có biểu hiện ở mức độ nhẹ').check();
	await second.getByLabel('Biện pháp khắc phục').fill('Tự kiểm tra hằng tháng và báo cáo chi ủy.');
	await second.getByLabel('Thời hạn khắc phục').fill('2027-03-31');
	await saved(member);
	await member.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(member.getByText('Trạng thái: Đã nộp')).toBeVisible();

	await secretary.goto(url);
	const changes = secretary.getByRole('region', { name: /Thay đổi so với lần nộp trước/ });
	await expect(changes.getByRole('heading')).toHaveText(/: 2$/);
	await expect(changes.locator('li.change')).toHaveCount(2);
	await expect(changes).toContainText('TT1.1');
	await expect(changes).toContainText('Đọc Nghị quyết 04-NQ/TW trong tháng 1; báo cáo chi bộ tháng 2.');
	await expect(changes).toContainText('Tự kiểm tra hằng tháng và báo cáo chi ủy.');
	await expect(changes).toContainText('Có biểu hiện ở mức độ nhẹ');
	await expect(secretary.getByText(/nộp lần 2/)).toBeVisible();
	// The changed signs are marked where they stand, in the summary too.
	await expect(secretary.getByRole('region', { name: 'Tóm tắt để xem xét' }).getByText('Đã sửa')).toHaveCount(2);
	await member.context().close();
	await secretary.context().close();
});

test('a returned Bản kiểm điểm: the secretary reads it as handed in, an open gợi ý stops the resubmit, then both changes are listed', async ({
	browser
}) => {
	const { member, id } = await handedIn(browser, 'Đinh Thị Giải Trình');
	const secretary = await asUser(browser, 'bithu01');
	const url = `/chapters/${await chapterOf(secretary)}/sheets/${id}`;
	await secretary.goto(url);
	await hydrated(secretary);
	const question = 'Làm rõ việc chậm nộp báo cáo tổng kết quý II.';
	await secretary.getByLabel('Thêm vấn đề gợi ý kiểm điểm').fill(question);
	await secretary.getByRole('button', { name: 'Gửi gợi ý' }).click();
	await expect(secretary).toHaveURL(/[?&]done=asked/, { timeout: 15_000 });
	await expect(secretary.getByText('Đã gửi gợi ý kiểm điểm')).toBeVisible();
	await secretary.getByText('Ghi chú trả lại cho biểu hiện TT1.1').click();
	await secretary.getByLabel('Ghi chú cho biểu hiện TT1.1').fill('Giải trình vấn đề được gợi ý ở mục A.IV.');
	await secretary.getByRole('button', { name: 'Trả lại để hoàn thiện' }).click();
	await expect(secretary.getByText('Đã trả lại phiếu để đảng viên hoàn thiện.')).toBeVisible();

	await member.goto(member.url().split('?')[0]);
	await hydrated(member);
	await expect(member.getByText('Trạng thái: Trả lại để hoàn thiện')).toBeVisible();
	const direction = 'Mỗi tháng tự kiểm tra việc thực hiện các biện pháp và báo cáo chi bộ.';
	await (await writtenSection(member, 'section.A.VI')).fill(direction);
	await saved(member);
	// The question is still unanswered: the hand-in is refused and says so, linked to the answer's field.
	await member.getByRole('button', { name: 'Nộp phiếu' }).click();
	const missing = member.getByRole('alert').filter({ hasText: 'Phiếu chưa đủ để nộp' });
	await expect(
		missing.getByRole('link', { name: `Gợi ý kiểm điểm: chưa trả lời câu hỏi «${question}» (mục A.IV).` })
	).toBeVisible();
	const answer = 'Do phải hoàn thiện số liệu của các trường; đã nộp bổ sung ngày 15/7.';
	await member.getByLabel(question).fill(answer);
	await saved(member);

	// Not handed in again yet: the secretary still reads the sheet as it was handed in.
	await secretary.goto(`${url}/print`);
	await expect(secretary.getByText('Nội dung mục A.VI của bản kiểm điểm.')).toBeVisible();
	await expect(secretary.getByText(direction)).toHaveCount(0);
	await secretary.goto(url);
	await expect(secretary.getByText('Đảng viên chưa giải trình.')).toBeVisible();
	await expect(secretary.getByText(answer)).toHaveCount(0);

	await member.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(member.getByText('Trạng thái: Đã nộp')).toBeVisible();
	await secretary.goto(url);
	const changes = secretary.getByRole('region', { name: /Thay đổi so với lần nộp trước/ });
	await expect(changes.locator('li.change')).toHaveCount(2);
	await expect(changes.locator('li.change').nth(0)).toContainText(
		'Mục A.VI (VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm): đã sửa'
	);
	await expect(changes.locator('li.change').nth(0)).toContainText(direction);
	await expect(changes.locator('li.change').nth(1)).toContainText(`Gợi ý kiểm điểm «${question}»: đã bổ sung`);
	await expect(changes.locator('li.change').nth(1)).toContainText(answer);
	await member.context().close();
	await secretary.context().close();
});

test('previous and next go through the chapter’s handed-in sheets in the list’s order, also by keyboard', async ({
	page
}) => {
	await signIn(page, 'bithu01');
	await page.goto(page.url() + '?status=submitted');
	const first = page.locator('table.members a[href*="/sheets/"]').first();
	await first.click();
	await hydrated(page);
	const nav = page.getByRole('navigation', { name: 'Chuyển giữa các phiếu của chi bộ' });
	const place = async () => Number(/Phiếu (\d+)\//.exec((await nav.textContent())!)![1]);
	const start = await place();
	const name = await page.getByRole('heading', { level: 1 }).textContent();
	const next = nav.getByRole('link', { name: /→/ });
	const nextName = (await next.textContent())!.replace('→', '').trim();
	await next.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(nextName);
	expect(await place()).toBe(start + 1);
	await hydrated(page);
	await page.keyboard.press('[');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name!);
	expect(await place()).toBe(start);
	await page.keyboard.press(']');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(nextName);
});

/** A finger drawn across the screen through the browser's real touch input (CDP), in a few moves, quickly. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
	for (let i = 1; i <= 5; i++) {
		const point = { x: from.x + ((to.x - from.x) * i) / 5, y: from.y + ((to.y - from.y) * i) / 5 };
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
	}
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await cdp.detach();
}

test('on a touch screen a sideways swipe goes to the next or previous sheet; a scroll or a swipe in a field does not', async ({
	browser
}) => {
	const page = await asUser(browser, 'bithu01', true);
	await page.goto(page.url() + '?status=submitted');
	await page.locator('table.members a[href*="/sheets/"]').first().click();
	await hydrated(page);
	const nav = page.getByRole('navigation', { name: 'Chuyển giữa các phiếu của chi bộ' });
	await expect(nav).toContainText('vuốt ngang để chuyển phiếu');
	const heading = page.getByRole('heading', { level: 1 });
	// Other journeys hand sheets in meanwhile: the place is read, not assumed.
	const place = async () => Number(/Phiếu (\d+)\//.exec((await nav.textContent())!)![1]);
	const start = await place();
	const nextName = (await nav.getByRole('link', { name: /→/ }).textContent())!.replace('→', '').trim();
	const url = page.url();
	const box = (await heading.boundingBox())!;
	const y = box.y + box.height / 2;

	// Too short, and mostly down the page: neither is a swipe.
	await drag(page, { x: 250, y }, { x: 200, y });
	await drag(page, { x: 300, y: y + 150 }, { x: 200, y: y - 50 });
	await page.waitForTimeout(300);
	expect(page.url()).toBe(url);

	await drag(page, { x: 340, y }, { x: 60, y: y + 10 });
	await expect(page).not.toHaveURL(url);
	await expect(heading).toHaveText(nextName);
	const second = nextName;
	expect(await place()).toBe(start + 1);

	// A swipe that starts in a text field is the field's.
	await hydrated(page);
	const field = page.getByLabel('Nhận xét của chi ủy');
	await field.scrollIntoViewIfNeeded();
	const f = (await field.boundingBox())!;
	await drag(page, { x: f.x + f.width - 10, y: f.y + 20 }, { x: f.x + 5, y: f.y + 25 });
	await page.waitForTimeout(300);
	await expect(heading).toHaveText(second);

	await page.evaluate(() => window.scrollTo(0, 0));
	const prevName = (await nav.getByRole('link', { name: /←/ }).textContent())!.replace('←', '').trim();
	const back = (await heading.boundingBox())!;
	await drag(page, { x: 50, y: back.y + back.height / 2 }, { x: 330, y: back.y + back.height / 2 });
	await expect(heading).toHaveText(prevName);
	await page.context().close();
});

test('the chart counts the self-ratings the list shows, and the chi ủy’s apart', async ({ page }) => {
	await signIn(page, 'bithu01');
	const rows = page.locator('table.members tbody tr');
	const selfCells = await rows.locator('td[data-label="Kết quả tự soi"]').allTextContents();
	const finalCells = await rows.locator('td[data-label="Chi ủy xếp loại"]').allTextContents();
	const chart = page.locator('figure.chart');
	for (const [series, cells] of [
		['self', selfCells],
		['final', finalCells]
	] as const) {
		for (const label of ['Tốt', 'Khá', 'Trung bình', 'Yếu kém']) {
			const listed = cells.filter((c) => c.trim() === label).length;
			const item = chart.locator(`[data-series="${series}"] li`, { hasText: label }).first();
			await expect(item.locator('.value')).toHaveText(new RegExp(`^${listed} \\(`));
		}
	}
	await expect(chart).toContainText('Kết quả tự soi');
	await expect(chart).toContainText('Chi ủy xếp loại');
});

test('the reminder is plain text to copy, and a printable list', async ({ page }) => {
	await signIn(page, 'bithu01');
	const text = await page.getByLabel(/Lời nhắc/).inputValue();
	expect(text).toMatch(/^Chi bộ Văn phòng Sở — Năm \d{4}\n/u);
	expect(text).toContain('Chưa làm phiếu');
	expect(text).not.toMatch(/<|&nbsp;/);
	await page.getByRole('link', { name: 'In danh sách' }).click();
	await expect(page.getByRole('heading', { name: 'Danh sách đảng viên chưa nộp phiếu tự soi, tự sửa' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Chưa làm phiếu \(\d+\)/ })).toBeVisible();
});
