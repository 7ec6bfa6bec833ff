// "Không áp dụng" on the member's sheet (issue 15): chosen from a sign's note, kept with its reason, recorded on the
// server as a not-applicable answer (no level), never offered on a sign marked especially serious.
import { expect, test, type Page } from '@playwright/test';
import { newMember, signIn } from './helpers';
import { answerOnServer, openSheet, saved } from './sheet-helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/**
 * Opens the signed-in member's sheet and answers its first sign "Không áp dụng" in the sign's note, with `reason`.
 * Returns the sheet's id and the sign's code.
 */
async function firstSignNotApplicable(page: Page, reason: string) {
	await openSheet(page);
	const id = Number(new URL(page.url()).pathname.split('/').at(-1));
	const row = page.locator('fieldset.sign').first();
	const code = (await row.locator('.code').first().textContent())!.trim();
	await row.locator('summary').filter({ hasText: 'Ghi chú' }).click();
	await row.getByRole('radio', { name: /Không áp dụng/ }).check();
	await row.getByLabel(`Ghi chú cho biểu hiện ${code}`).fill(reason);
	return { id, code };
}

test('a sign that cannot apply is answered "Không áp dụng" with its reason, saved and shown again', async ({
	page
}) => {
	await signIn(page, await newMember('khongad', 'Vi Thị Không Áp Dụng'));
	const { id, code } = await firstSignNotApplicable(page, 'Tôi không giữ chức vụ nào có quyền quyết định việc này.');
	await saved(page);
	expect(answerOnServer(id, code)).toMatchObject({ level: null, notApplicable: true });

	await page.reload();
	const again = page.locator('fieldset.sign').first();
	// The note opens by itself on a sign answered "Không áp dụng", with the choice and the reason.
	await expect(again.getByRole('radio', { name: /Không áp dụng/ })).toBeChecked();
	await expect(again.getByLabel(`Ghi chú cho biểu hiện ${code}`)).toHaveValue(
		'Tôi không giữ chức vụ nào có quyền quyết định việc này.'
	);

	// A level chosen afterwards replaces it.
	await again.getByRole('radio', { name: 'Không có biểu hiện' }).check();
	await saved(page);
	expect(answerOnServer(id, code)).toMatchObject({ level: 0, notApplicable: false });

	// A sign marked especially serious applies to everyone it lists: it has no "Không áp dụng".
	const critical = page.locator('fieldset.sign').filter({ hasText: 'Biểu hiện đặc biệt nghiêm trọng' }).first();
	await expect(critical.getByRole('radio', { name: /Không áp dụng/ })).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('"Không áp dụng" is chosen in the note and kept with the «Lưu» button', async ({ page }) => {
		await signIn(page, await newMember('khongadjs', 'Lò Thị Không Kịch Bản'));
		const { id, code } = await firstSignNotApplicable(page, 'Tôi không phụ trách công tác cán bộ.');
		await page.getByRole('button', { name: 'Lưu', exact: true }).click();

		await expect(
			page
				.locator('fieldset.sign')
				.first()
				.getByRole('radio', { name: /Không áp dụng/ })
		).toBeChecked();
		expect(answerOnServer(id, code)).toMatchObject({
			level: null,
			notApplicable: true,
			note: 'Tôi không phụ trách công tác cán bộ.'
		});
	});
});
