// The main pages, checked by axe (WCAG 2.0–2.2 A and AA rules) at a phone's size and a desktop's, signed in as each
// kind of user, and the page at 320 px wide with nothing wider than the screen.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { hydrated, newMember, signIn } from './helpers';
import { openSheet } from './sheet-helpers';

const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What axe finds on the page as it is now, one line per rule and element. */
async function violations(page: Page): Promise<string[]> {
	await hydrated(page);
	const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	return result.violations.flatMap((v) =>
		v.nodes.map((n) => `${new URL(page.url()).pathname}: ${v.id} — ${n.target.join(' ')} — ${n.failureSummary}`)
	);
}

/** Pages reached by their address, then the ones reached by a link from them (their ids differ per database). */
async function visit(page: Page, paths: string[]): Promise<string[]> {
	const found: string[] = [];
	for (const path of paths) {
		await page.goto(path);
		found.push(...(await violations(page)));
	}
	return found;
}

for (const [size, viewport] of Object.entries(SIZES)) {
	test.describe(`at ${size} size`, () => {
		test.use({ viewport });
		// axe over a whole sheet page (56 signs and their radios) takes seconds of its own.
		test.slow();

		test('axe finds nothing on the sign-in page and a member’s pages', async ({ page }) => {
			const found = await visit(page, ['/login']);
			await signIn(page, await newMember('axe', 'Lù Thị Kiểm Tra'));
			await page.goto('/sheets');
			await openSheet(page);
			found.push(...(await violations(page)));
			found.push(...(await visit(page, ['/sheets', '/signs', '/tasks', '/account'])));
			expect(found).toEqual([]);
		});

		test('axe finds nothing on a chapter secretary’s first page', async ({ page }) => {
			await signIn(page, 'bithu01');
			expect(await violations(page)).toEqual([]);
		});

		test('axe finds nothing on an administrator’s pages', async ({ page }) => {
			await signIn(page, 'quantri');
			const found = await visit(page, [
				'/admin',
				'/admin/templates',
				'/admin/import',
				'/admin/periods',
				'/admin/audit'
			]);
			expect(found).toEqual([]);
		});
	});
}

test.describe('at 320 px wide', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	test('the sign-in page, the member’s sheet, their sheets and the signs page are no wider than the screen', async ({
		page
	}) => {
		const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		await page.goto('/login');
		expect(await overflow()).toBeLessThanOrEqual(0);
		await signIn(page, await newMember('hep', 'Vừ Thị Màn Hẹp'));
		await page.goto('/sheets');
		await openSheet(page);
		expect(await overflow()).toBeLessThanOrEqual(0);
		for (const path of ['/sheets', '/signs']) {
			await page.goto(path);
			await hydrated(page);
			expect(await overflow(), path).toBeLessThanOrEqual(0);
		}
	});
});

test('a table wider than a phone scrolls sideways from the keyboard: its box is a named region that takes the focus', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, 'quantri');
	await page.goto('/admin/templates');
	await hydrated(page);
	const region = page.getByRole('region', { name: 'Các mẫu phiếu' });
	await region.focus();
	await expect(region).toBeFocused();
	expect(await region.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
	const scrolls = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
	expect(scrolls).toBe(true);
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test('every page says what it is in a meta description', async ({ page }) => {
	await page.goto('/login');
	const description = await page.locator('meta[name="description"]').getAttribute('content');
	expect(description).toMatch(/^Phiếu tự soi, tự sửa hằng năm của đảng viên/);
});

test('the focus ring on the red header and its navigation has a contrast of at least 3:1', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, await newMember('vongdo', 'Hờ Thị Vòng Đỏ'));
	await hydrated(page);
	const targets = [
		page.getByRole('button', { name: 'Đăng xuất' }),
		page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link').first()
	];
	for (const target of targets) {
		await target.focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab');
		await expect(target).toBeFocused();
		const ratio = await target.evaluate((el) => {
			const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
			const luminance = ([r, g, b]: number[]) => {
				const c = [r, g, b].map((v) => {
					const s = v / 255;
					return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
				});
				return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
			};
			// The first ancestor with a background of its own is what the ring is drawn against.
			let node: Element | null = el.parentElement;
			let background = 'rgb(255, 255, 255)';
			for (; node; node = node.parentElement) {
				const bg = getComputedStyle(node).backgroundColor;
				if (rgb(bg).length === 3 || (rgb(bg)[3] ?? 0) > 0) {
					background = bg;
					break;
				}
			}
			const [a, b] = [luminance(rgb(getComputedStyle(el).outlineColor)), luminance(rgb(background))];
			return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
		});
		expect(ratio).toBeGreaterThanOrEqual(3);
	}
});
