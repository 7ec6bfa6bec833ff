import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { hydrated, newMember, signIn } from './helpers';
import { aYearLater, newLeader } from './task-helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'tusoi-tasks-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
const squash = (s: string) => s.normalize('NFC').replace(/\s+/gu, '');

const TITLE = 'Đưa toàn bộ hồ sơ tuyển sinh đầu cấp lên môi trường số';
const REPORT = 'Đã hoàn thành phần mềm; 70% trường đã dùng thử.';
const COMMENT = 'Còn 30% trường chưa triển khai do thiếu thiết bị.';

test('a committee orders a task, the leader reports, a year later the committee evaluates, and the printed review shows it', async ({
	browser
}) => {
	const leader = await newLeader();
	const year = new Date().getFullYear();

	// The committee orders the task from its overview; a refused form keeps what was typed.
	const committee = await browser.newPage();
	await signIn(committee, 'capuy');
	await expect(committee.getByRole('heading', { name: new RegExp(`Nhiệm vụ đột phá năm ${year}`) })).toBeVisible();
	await committee.getByRole('link', { name: 'Xem, giao và đánh giá nhiệm vụ đột phá' }).click();
	await hydrated(committee);
	await committee.getByLabel('Cán bộ được giao (tên đăng nhập)').fill(leader.username);
	await committee.getByLabel('Nhiệm vụ', { exact: true }).fill('abc');
	await committee.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
	await expect(committee.getByText('Tên nhiệm vụ cần ít nhất 5 ký tự.')).toBeVisible();
	await expect(committee.getByLabel('Cán bộ được giao (tên đăng nhập)')).toHaveValue(leader.username);
	await expect(committee.getByLabel('Nhiệm vụ', { exact: true })).toHaveAttribute('aria-invalid', 'true');

	await committee.getByLabel('Nhiệm vụ', { exact: true }).fill(TITLE);
	await committee.getByLabel('Kết quả cần đạt').fill('100% trường tiếp nhận hồ sơ tuyển sinh trực tuyến.');
	await committee.getByLabel('Thời hạn').fill(`${year}-12-31`);
	await committee.getByLabel('Số văn bản giao nhiệm vụ').fill('31-QĐ/TU');
	await committee.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
	await expect(committee).toHaveURL(/\/units\/\d+\/tasks\/\d+\?done=assigned$/);
	await expect(committee.getByRole('status')).toContainText('Đã giao nhiệm vụ.');
	await expect(committee.getByRole('heading', { name: TITLE })).toBeVisible();
	// The year is not over: no result can be recorded yet, and the page says from when.
	await expect(committee.getByText(`chỉ được ghi sau khi năm ${year} kết thúc`)).toBeVisible();
	await expect(committee.getByRole('button', { name: 'Ghi kết quả' })).toHaveCount(0);
	const taskUrl = committee.url().replace(/\?.*$/, '');
	const taskId = Number(/\/tasks\/(\d+)$/.exec(taskUrl)![1]);

	// The leader finds it under "Nhiệm vụ đột phá" and reports progress.
	const leaderPage = await browser.newPage();
	await signIn(leaderPage, leader.username);
	await leaderPage
		.getByRole('navigation', { name: 'Điều hướng chính' })
		.getByRole('link', { name: 'Nhiệm vụ đột phá' })
		.click();
	await hydrated(leaderPage);
	const card = leaderPage.getByRole('region', { name: TITLE });
	await expect(card).toContainText('31-QĐ/TU');
	await card.getByRole('button', { name: 'Gửi báo cáo' }).click();
	await expect(card.getByText('Vui lòng ghi nội dung báo cáo tiến độ (ít nhất 5 ký tự).')).toBeVisible();
	await card.getByLabel('Báo cáo tiến độ').fill(REPORT);
	await card.getByRole('button', { name: 'Gửi báo cáo' }).click();
	await expect(leaderPage.getByRole('status')).toHaveText('Đã ghi báo cáo tiến độ.');
	await expect(leaderPage.getByRole('region', { name: TITLE })).toContainText(REPORT);

	// A year later the committee evaluates; a partial result needs a comment.
	const lastYearSheet = aYearLater(taskId);
	await committee.goto(taskUrl);
	await hydrated(committee);
	await expect(committee.getByText(REPORT)).toBeVisible();
	await committee.getByLabel('Hoàn thành một phần').check();
	await committee.getByRole('button', { name: 'Ghi kết quả' }).click();
	await expect(committee.getByText(/hãy ghi nhận xét/)).toBeVisible();
	await expect(committee.getByLabel('Hoàn thành một phần')).toBeChecked();
	await committee.getByLabel('Nhận xét của cấp ủy').fill(COMMENT);
	await committee.getByRole('button', { name: 'Ghi kết quả' }).click();
	await expect(committee.getByRole('status')).toContainText('Đã ghi kết quả.');

	// The export of last year's tasks carries the result.
	const exportHref = `${taskUrl.replace(/\/\d+$/, '')}/export.csv?year=${year - 1}`;
	const csv = await committee.request.get(exportHref);
	expect(csv.status()).toBe(200);
	const csvText = await csv.text();
	expect(csvText).toContain(TITLE);
	expect(csvText).toContain('Hoàn thành một phần');

	// The leader can no longer report on it, and their printed review of that year shows it, on the page and in the PDF.
	await leaderPage.goto('/tasks');
	await expect(
		leaderPage.getByRole('region', { name: TITLE }).getByRole('button', { name: 'Gửi báo cáo' })
	).toHaveCount(0);
	await leaderPage.goto(`/sheets/${lastYearSheet}/print`);
	const section = leaderPage.getByRole('region', { name: 'Kết quả thực hiện nhiệm vụ đột phá được cấp ủy giao' });
	await expect(section).toContainText(TITLE);
	await expect(section).toContainText('Hoàn thành một phần');
	await expect(section).toContainText(COMMENT);
	await expect(section).toContainText(REPORT);
	const pdf = await leaderPage.request.get(`/sheets/${lastYearSheet}/report.pdf`);
	expect(pdf.status()).toBe(200);
	const file = path.join(dir, 'leader.pdf');
	writeFileSync(file, await pdf.body());
	const text = squash(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
	for (const part of ['Kết quả thực hiện nhiệm vụ đột phá được cấp ủy giao', TITLE, 'Hoàn thành một phần', COMMENT])
		expect(text).toContain(squash(part));
});

test("a member outside group A has no tasks link and no tasks, and cannot open a unit's task page", async ({
	page
}) => {
	await signIn(page, await newMember('notask'));
	const response = await page.goto('/tasks');
	expect(response?.status()).toBe(200);
	await expect(page.getByText('Đồng chí chưa được giao nhiệm vụ đột phá nào.')).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhiệm vụ đột phá' })
	).toHaveCount(0);
	const unit = await page.goto('/units/1/tasks');
	expect(unit?.status()).toBe(403);
});

test('a committee withdraws a task ordered by mistake, with a reason, before the leader reports', async ({ page }) => {
	const leader = await newLeader();
	const year = new Date().getFullYear();
	await signIn(page, 'capuy');
	await page.getByRole('link', { name: 'Xem, giao và đánh giá nhiệm vụ đột phá' }).click();
	await hydrated(page);
	const title = `Nhiệm vụ giao nhầm cho ${leader.username}`;
	await page.getByLabel('Cán bộ được giao (tên đăng nhập)').fill(leader.username);
	await page.getByLabel('Nhiệm vụ', { exact: true }).fill(title);
	await page.getByLabel('Kết quả cần đạt').fill('Không cần.');
	await page.getByLabel('Thời hạn').fill(`${year}-12-31`);
	await page.getByLabel('Số văn bản giao nhiệm vụ').fill('99-QĐ/TU');
	await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
	await expect(page).toHaveURL(/\?done=assigned$/);
	await page.getByText('Rút lại nhiệm vụ giao nhầm').click();
	await page.getByRole('button', { name: 'Rút lại nhiệm vụ' }).click();
	await expect(page.getByText('Hãy ghi lý do rút lại nhiệm vụ (ít nhất 5 ký tự).')).toBeVisible();
	await page.getByLabel('Lý do rút lại').fill('Giao nhầm cán bộ, đã giao lại cho người khác.');
	await page.getByRole('button', { name: 'Rút lại nhiệm vụ' }).click();
	await expect(page).toHaveURL(/\/tasks\?year=\d+&done=withdrawn$/);
	await expect(page.getByRole('status')).toContainText('Đã rút lại nhiệm vụ.');
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});
