// The whole Bản kiểm điểm: a member writes its own sections, the secretary attaches a gợi ý kiểm điểm on the
// review page, the member answers it in A.IV, and the print shows the form with the signs as its annex.
import { expect, test } from '@playwright/test';
import { hydrated, newMember, signIn } from './helpers';
import { openSheet } from './sheet-helpers';

const sectionsSaved = (page: import('@playwright/test').Page) =>
	expect(page.getByRole('status').filter({ hasText: 'Đã lưu các mục của bản kiểm điểm.' })).toBeVisible();

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
	await page
		.getByLabel(/^2\. Việc thực hiện nhiệm vụ, quyền hạn/)
		.fill('Hoàn thành 12/12 chỉ tiêu được giao, đúng tiến độ.');
	await page.getByLabel('Nhóm tiêu chí chung (tối đa 30 điểm)').fill('27,5');
	await page.getByLabel('Nhóm tiêu chí về kết quả thực hiện nhiệm vụ (tối đa 70 điểm)').fill('63');
	await page.getByLabel('Hoàn thành tốt nhiệm vụ').check();
	await sectionsSaved(page);
	await expect(page.getByText('Tổng điểm: 90,5/100')).toBeVisible();

	await page.reload();
	await hydrated(page);
	await expect(page.getByLabel('Đơn vị công tác')).toHaveValue('Văn phòng Sở Giáo dục và Đào tạo');
	await expect(page.getByLabel('Nhóm tiêu chí chung (tối đa 30 điểm)')).toHaveValue('27,5');
	await expect(page.getByLabel('Hoàn thành tốt nhiệm vụ')).toBeChecked();

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
	await expect(secretary.getByText('Đã gửi gợi ý kiểm điểm')).toBeVisible();
	await expect(secretary.getByText('Làm rõ việc chậm nộp báo cáo tổng kết quý II.')).toBeVisible();
	// The sheet is still a draft: what the member will answer stays theirs until the hand-in.
	await expect(secretary.getByText('Giải trình của đảng viên hiện ở đây khi phiếu được nộp.')).toBeVisible();

	await page.reload();
	await hydrated(page);
	const answer = page.getByLabel(/Làm rõ việc chậm nộp báo cáo tổng kết quý II\./);
	await answer.fill('Do phải hoàn thiện số liệu của các trường; đã nộp bổ sung ngày 15/7.');
	await sectionsSaved(page);

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
