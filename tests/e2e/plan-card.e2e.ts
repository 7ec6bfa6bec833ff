// The cards of last year's plan on the member's sheet: each title (a fieldset's legend) sits inside its card's
// border, at a phone's width and a desktop's, and the whole card fits the screen.
import { expect, test } from '@playwright/test';
import { hydrated, lastYearSheetWithPlan, newMember, signIn } from './helpers';
import { openSheet } from './sheet-helpers';

for (const viewport of [
	{ width: 390, height: 844 },
	{ width: 1280, height: 900 }
]) {
	test(`at ${viewport.width} px each card of last year's plan holds its title inside its border`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		const username = await newMember('khung', 'Vũ Thị Khung Thẻ');
		lastYearSheetWithPlan(username, {
			'TT4.2': { level: 1, action: 'Tham gia đầy đủ các buổi học tập nghị quyết của chi bộ.' },
			'DD9.3': { level: 2, action: 'Dành thời gian chăm lo gia đình, hòa giải với hàng xóm.' }
		});
		await signIn(page, username);
		await openSheet(page);
		await hydrated(page);
		const cards = page.locator('#prior-plan fieldset');
		await expect(cards).toHaveCount(2);
		for (const card of await cards.all()) {
			await card.scrollIntoViewIfNeeded();
			// Where the card's border is drawn, and where its title is, as the browser laid them out.
			const { border, title } = await card.evaluate((el) => {
				const box = el.getBoundingClientRect();
				const style = getComputedStyle(el);
				const legend = el.querySelector('legend')!.getBoundingClientRect();
				// A legend left as the fieldset's rendered legend sits on the top border, which is then drawn
				// lower than the box's top, through the legend's middle.
				const rendered = getComputedStyle(el.querySelector('legend')!).float === 'none';
				const top = rendered ? legend.top + legend.height / 2 : box.top;
				return {
					border: {
						top: top + parseFloat(style.borderTopWidth),
						left: box.left + parseFloat(style.borderLeftWidth),
						right: box.right - parseFloat(style.borderRightWidth),
						bottom: box.bottom - parseFloat(style.borderBottomWidth)
					},
					title: { top: legend.top, left: legend.left, right: legend.right, bottom: legend.bottom }
				};
			});
			expect(title.top).toBeGreaterThanOrEqual(border.top);
			expect(title.left).toBeGreaterThanOrEqual(border.left);
			expect(title.right).toBeLessThanOrEqual(border.right + 0.5);
			expect(title.bottom).toBeLessThanOrEqual(border.bottom);
			expect(border.right).toBeLessThanOrEqual(viewport.width);
		}
		await context.close();
	});
}
