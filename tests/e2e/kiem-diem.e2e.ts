// The whole Bản kiểm điểm: a member writes its own sections, the secretary attaches a gợi ý kiểm điểm on the
// review page, the member answers it in A.IV, and the print shows the form with the signs as its annex.
import { expect, test } from '@playwright/test';
import { hydrated, newMember, signIn } from './helpers';
import { openSheet, saved, sectionOnServer, writtenSection } from './sheet-helpers';
import { handInSheet } from './task-helpers';

test('a member writes the Bản kiểm điểm, answers the chi ủy’s gợi ý kiểm điểm and prints it', async ({
	page,
	browser
}) => {
	const username = await newMember('kiemdiem', 'Ngô Thị Kiểm Điểm');
	await signIn(page, username);
	await openSheet(page);
	const sheetUrl = page.url();
	const sheetId = /\/sheets\/(\d+)/.exec(sheetUrl)![1];

	await expect(
		page.getByRole('heading', { name: /BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN \(Mẫu 2B\)/ })
	).toBeVisible();
	await page.getByLabel('Đơn vị công tác').fill('Văn phòng Sở Giáo dục và Đào tạo');
	// The written sections are folded to their headings; a tap on one opens it with the cursor in its text.
	const task = page.getByLabel(/^2\. Việc thực hiện nhiệm vụ, quyền hạn/);
	await expect(page.locator('#section-A-I-2')).toContainText('Bắt buộc · Chưa ghi');
	await expect(task).toBeHidden();
	await page.getByText(/^2\. Việc thực hiện nhiệm vụ, quyền hạn/).click();
	await expect(task).toBeFocused();
	await task.pressSequentially('Hoàn thành 12/12 chỉ tiêu được giao, đúng tiến độ.');
	await page.getByLabel('Nhóm tiêu chí chung (tối đa 30 điểm)').fill('27,5');
	await page.getByLabel('Nhóm tiêu chí về kết quả thực hiện nhiệm vụ (tối đa 70 điểm)').fill('63');
	await page.getByLabel('Hoàn thành tốt nhiệm vụ').check();
	await saved(page);
	await expect(page.getByText('Tổng điểm: 90,5/100')).toBeVisible();

	await page.reload();
	await hydrated(page);
	await expect(page.getByLabel('Đơn vị công tác')).toHaveValue('Văn phòng Sở Giáo dục và Đào tạo');
	await expect(page.getByLabel('Nhóm tiêu chí chung (tối đa 30 điểm)')).toHaveValue('27,5');
	await expect(page.getByLabel('Hoàn thành tốt nhiệm vụ')).toBeChecked();
	await expect(page.locator('#section-A-I-2')).toContainText('Bắt buộc · Đã ghi 10 chữ');
	await expect(task).toHaveValue('Hoàn thành 12/12 chỉ tiêu được giao, đúng tiến độ.');

	// The secretary attaches a question from the review page; a too short one is refused with the text kept.
	const secretary = await browser.newPage();
	await signIn(secretary, 'bithu01');
	const review = `${secretary.url().replace(/\/$/, '')}/sheets/${sheetId}`;
	await secretary.goto(review);
	await secretary.getByLabel('Thêm vấn đề gợi ý kiểm điểm').fill('Ngắn');
	await secretary.getByRole('button', { name: 'Gửi gợi ý' }).click();
	await expect(secretary.getByText('Hãy viết nội dung gợi ý kiểm điểm (ít nhất 10 ký tự).')).toBeVisible();
	await expect(secretary.getByLabel('Thêm vấn đề gợi ý kiểm điểm')).toHaveValue('Ngắn');
	await secretary.getByLabel('Thêm vấn đề gợi ý kiểm điểm').fill('Làm rõ việc chậm nộp báo cáo tổng kết quý II.');
	await secretary.getByRole('button', { name: 'Gửi gợi ý' }).click();
	// A plain POST and a redirect back to the review page: allow for a busy server (a PDF being built).
	await expect(secretary).toHaveURL(/[?&]done=asked/, { timeout: 15_000 });
	await expect(secretary.getByText('Đã gửi gợi ý kiểm điểm')).toBeVisible();
	await expect(secretary.getByText('Làm rõ việc chậm nộp báo cáo tổng kết quý II.')).toBeVisible();
	// The sheet is still a draft: what the member will answer stays theirs until the hand-in.
	await expect(secretary.getByText('Giải trình của đảng viên hiện ở đây khi phiếu được nộp.')).toBeVisible();

	await page.reload();
	await hydrated(page);
	const answer = page.getByLabel(/Làm rõ việc chậm nộp báo cáo tổng kết quý II\./);
	await answer.fill('Do phải hoàn thiện số liệu của các trường; đã nộp bổ sung ngày 15/7.');
	await saved(page);

	// Answered, but not handed in: the secretary still does not read it.
	await secretary.reload();
	await expect(secretary.getByText('Làm rõ việc chậm nộp báo cáo tổng kết quý II.')).toBeVisible();
	await expect(secretary.getByText('Do phải hoàn thiện số liệu')).toHaveCount(0);

	await page.goto(`/sheets/${sheetId}/print`);
	await expect(page.getByRole('heading', { name: 'BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN' })).toBeVisible();
	await expect(page.getByText('NGƯỜI TỰ KIỂM ĐIỂM')).toBeVisible();
	await expect(page.getByText('IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)')).toBeVisible();
	await expect(page.getByText('Do phải hoàn thiện số liệu của các trường; đã nộp bổ sung ngày 15/7.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'PHIẾU TỰ SOI, TỰ SỬA' })).toBeVisible();
	await secretary.close();
});

const sheetIdOf = (page: import('@playwright/test').Page) => Number(/\/sheets\/(\d+)/.exec(page.url())![1]);
const direction = 'Mỗi tháng tự kiểm tra việc thực hiện các biện pháp và báo cáo chi bộ.';

test('a section typed just before the tab is closed is saved like an answer, and is there when the sheet is opened again', async ({
	page,
	context
}) => {
	await signIn(page, await newMember('dongmuc', 'Hà Thị Đóng Mục'));
	await openSheet(page);
	const url = page.url();
	const id = sheetIdOf(page);
	await (await writtenSection(page, 'section.A.VI')).fill(direction);
	// Closed at once, before the pause in typing that sends a save: the tab sends what waits as it goes.
	await page.close();

	const again = await context.newPage();
	await again.goto(url);
	await hydrated(again);
	await expect(again.locator('textarea[name="section.A.VI"]')).toHaveValue(direction);
	await expect.poll(() => (sectionOnServer(id, 'A.VI') as { text?: string } | undefined)?.text).toBe(direction);
});

test('a section typed with no network waits in the save queue and is sent when the network returns', async ({
	page,
	context
}) => {
	await signIn(page, await newMember('mucngoai', 'Vi Văn Mục Ngoại'));
	await openSheet(page);
	const id = sheetIdOf(page);
	await context.setOffline(true);
	await (await writtenSection(page, 'section.A.II.2')).fill('Chưa sắp xếp thời gian hợp lý giữa các việc.');
	await page.getByLabel('Nhóm tiêu chí chung (tối đa 30 điểm)').fill('26');
	const bar = page.locator('.sheet-bar');
	await expect(bar).toContainText('Chưa có mạng: 2 thay đổi chờ gửi');
	expect(sectionOnServer(id, 'A.II.2')).toBeUndefined();

	await context.setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await saved(page);
	expect(sectionOnServer(id, 'A.II.2')).toMatchObject({ text: 'Chưa sắp xếp thời gian hợp lý giữa các việc.' });
	expect(sectionOnServer(id, 'B.I')).toMatchObject({ general: 26, tasks: null });
});

test('a result a critical sign capped at Yếu kém is never shown beside its high score: the chapter table and "Các năm"', async ({
	page,
	browser
}) => {
	const username = await newMember('gioihan', 'Vũ Văn Giới Hạn');
	// One critical sign at level 2 of some fifty: the score stays above 90 while the result is Yếu kém.
	handInSheet(username, (content) => ({ [content.signs.find((s) => s.critical && s.groups.includes('B'))!.code]: 2 }));

	const secretary = await browser.newPage();
	await signIn(secretary, 'bithu01');
	const row = secretary.getByRole('row').filter({ has: secretary.getByRole('rowheader', { name: /Vũ Văn Giới Hạn/ }) });
	await expect(row.getByRole('cell').nth(2)).toHaveText('Yếu kém');
	await expect(row.getByRole('cell').nth(1)).toHaveText('—');
	await expect(secretary.getByRole('columnheader', { name: 'Kết quả tự soi' })).toBeVisible();
	await expect(
		secretary.getByText(/Điểm để trống khi kết quả tự soi do mức độ của biểu hiện quyết định/)
	).toBeVisible();
	await secretary.close();

	await signIn(page, username);
	await page.goto('/sheets');
	const year = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^\d{4}$/ }) });
	await expect(year.getByRole('cell').nth(2)).toHaveText('Yếu kém');
	await expect(year.getByRole('cell').nth(1)).toHaveText('—');
	await expect(page.getByRole('columnheader', { name: 'Kết quả tự soi' })).toBeVisible();
});
