import { expect, test } from '@playwright/test';
import { hydrated, signIn } from './helpers';
import { handInSheet, newLeader, startSheet } from './task-helpers';

const NOTE = 'Vợ con chấp hành nghiêm quy định; không nhận quà biếu.';
const REASON = 'Còn nể nang khi góp ý cấp dưới trong cơ quan.';

test('a leader rates their example-setting (also without JavaScript), the secretary rates it with a reason, and the printed review shows both', async ({
	browser
}) => {
	const leader = await newLeader();
	const sheetId = startSheet(leader.username);

	// Without JavaScript: the plain form posts, a refusal keeps what was typed.
	const noScript = await browser.newContext({ javaScriptEnabled: false });
	const leaderPage = await noScript.newPage();
	await signIn(leaderPage, leader.username);
	await leaderPage
		.getByRole('navigation', { name: 'Điều hướng chính' })
		.getByRole('link', { name: 'Nêu gương' })
		.click();
	const year = leaderPage.getByRole('region', { name: `Năm ${new Date().getFullYear()}` });
	await year.getByLabel(/Trách nhiệm nêu gương của bản thân và gia đình/).fill(NOTE);
	await year.getByRole('button', { name: 'Lưu tự đánh giá' }).click();
	await expect(leaderPage.getByText('Hãy chọn mức tự đánh giá việc nêu gương.')).toBeVisible();
	await expect(year.getByLabel(/Trách nhiệm nêu gương/)).toHaveValue(NOTE);
	await year.getByLabel('Tốt', { exact: true }).check();
	await year.getByRole('button', { name: 'Lưu tự đánh giá' }).click();
	await expect(leaderPage.getByRole('status')).toHaveText('Đã lưu mức tự đánh giá việc nêu gương.');
	await expect(year).toContainText('Nêu gương — tự đánh giá Tốt');

	handInSheet(leader.username);

	// The chapter's secretary decides the sheet, and rates the example-setting; a different level needs a reason.
	const secretary = await browser.newPage();
	await signIn(secretary, 'bithu01');
	await secretary.getByRole('link', { name: 'Nêu gương của đảng viên nhóm A' }).click();
	await hydrated(secretary);
	const person = secretary.getByRole('region', { name: leader.fullName });
	await expect(person).toContainText('Nêu gương — tự đánh giá: Tốt');
	await expect(person).toContainText(NOTE);
	await person.getByLabel('Khá', { exact: true }).check();
	await person.getByRole('button', { name: 'Lưu đánh giá' }).click();
	await expect(person.getByText(/khác với mức đảng viên tự đánh giá \(«Tốt»\): hãy ghi lý do/)).toBeVisible();
	await expect(person.getByLabel('Khá', { exact: true })).toBeChecked();
	await person.getByLabel(/Lý do/).fill(REASON);
	await person.getByRole('button', { name: 'Lưu đánh giá' }).click();
	await expect(secretary.getByRole('status')).toHaveText('Đã lưu đánh giá việc nêu gương.');
	await expect(secretary.getByRole('region', { name: leader.fullName })).toContainText(
		`Nêu gương — cấp ủy đánh giá: Khá (lý do: ${REASON})`
	);
	// The roll-up keeps the sheets' own result in a column of its own.
	await expect(secretary.getByRole('columnheader', { name: 'Kết quả tự soi, tự sửa (phiếu)' })).toBeVisible();
	await expect(secretary.getByRole('columnheader', { name: 'Nêu gương — cấp ủy đánh giá' })).toBeVisible();

	// The leader sees it, can no longer change their own (the sheet is handed in), and the print shows both.
	await leaderPage.goto('/example-setting');
	await expect(year).toContainText(`Nêu gương — cấp ủy đánh giá Khá (lý do: ${REASON})`);
	await expect(year.getByRole('button', { name: 'Lưu tự đánh giá' })).toHaveCount(0);
	await leaderPage.goto(`/sheets/${sheetId}/print`);
	const printed = leaderPage.getByRole('region', { name: 'Đánh giá việc nêu gương' });
	await expect(printed).toContainText('Tự đánh giá: Tốt');
	await expect(printed).toContainText(`Cấp ủy đánh giá: Khá (lý do: ${REASON})`);
	await expect(printed).toContainText('không cộng vào điểm tự soi, tự sửa');
	await noScript.close();
});

test('a committee sees the example-setting roll-up of its subtree and rates nothing there', async ({ page }) => {
	await signIn(page, 'capuy');
	await page.getByRole('link', { name: 'Đánh giá việc nêu gương của đảng viên nhóm A' }).click();
	await expect(page.getByRole('heading', { name: 'Đánh giá việc nêu gương', level: 1 })).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'Nêu gương — tự đánh giá' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Lưu đánh giá' })).toHaveCount(0);
});
