import { expect, test } from '@playwright/test';
import { createMemberWithTemporaryPassword, DEMO_PASSWORD, signIn } from './helpers';

test.describe('each demo role signs in and lands on its work', () => {
	const cases = [
		{
			username: 'quantri',
			url: /\/admin$/,
			heading: 'Quản trị',
			nav: ['Quản trị'],
			hidden: ['Phiếu của tôi', 'Chi bộ của tôi']
		},
		{
			username: 'capuy',
			url: /\/units\/\d+$/,
			heading: 'Đảng bộ tỉnh Mẫu',
			nav: ['Theo dõi đơn vị'],
			hidden: ['Quản trị', 'Phiếu của tôi']
		},
		{
			username: 'danguy',
			url: /\/units\/\d+$/,
			heading: 'Đảng bộ Công ty Cổ phần Cấp nước Mẫu',
			nav: ['Theo dõi đơn vị'],
			hidden: ['Quản trị', 'Phiếu của tôi']
		},
		{
			username: 'bithu01',
			url: /\/chapters\/\d+$/,
			heading: 'Chi bộ Văn phòng Sở',
			nav: ['Chi bộ của tôi', 'Phiếu của tôi'],
			hidden: ['Quản trị', 'Theo dõi đơn vị']
		},
		{
			username: 'dangvien001',
			url: /\/sheets$/,
			heading: 'Phiếu tự soi, tự sửa của tôi',
			nav: ['Phiếu của tôi'],
			hidden: ['Quản trị', 'Chi bộ của tôi', 'Theo dõi đơn vị']
		},
		{
			username: 'lanhdao',
			url: /\/sheets$/,
			heading: 'Phiếu tự soi, tự sửa của tôi',
			nav: ['Phiếu của tôi', 'Nhiệm vụ đột phá', 'Nêu gương'],
			hidden: ['Quản trị', 'Chi bộ của tôi', 'Theo dõi đơn vị']
		}
	];
	for (const c of cases) {
		test(c.username, async ({ page }) => {
			await signIn(page, c.username);
			await expect(page).toHaveURL(c.url);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.heading);
			const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
			for (const label of c.nav) await expect(nav.getByRole('link', { name: label })).toBeVisible();
			for (const label of c.hidden) await expect(nav.getByRole('link', { name: label })).toHaveCount(0);
		});
	}
});

test('a secretary sees the members of the chapter with their sheets', async ({ page }) => {
	await signIn(page, 'bithu01');
	const rows = page.getByRole('table').getByRole('row');
	expect(await rows.count()).toBeGreaterThan(10);
	await expect(page.getByRole('columnheader', { name: 'Trạng thái' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Đã nộp' }).first()).toBeVisible();
	await expect(page.getByText(/\d+ \(\d+%\)/).first()).toBeVisible();
});

test('a wrong password is refused with a message and nothing else happens', async ({ page }) => {
	await page.goto('/login');
	await expect(page).toHaveTitle(/Đăng nhập/);
	await page.getByLabel('Tên đăng nhập').fill('dangvien002');
	await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
	await expect(page).toHaveURL(/\/login/);
	await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('dangvien002');
});

test('empty fields get a message next to each field', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByText('Vui lòng nhập tên đăng nhập.')).toBeVisible();
	await expect(page.getByText('Vui lòng nhập mật khẩu.')).toBeVisible();
});

test('repeated failures make that account wait at this address, and say for how long', async ({ page }) => {
	test.setTimeout(60_000);
	await page.goto('/login');
	const alert = page.getByRole('alert');
	// Three failures are free; then each wait doubles from 1 second and a waiting attempt is not counted.
	// Wait out the short waits until one is long enough (5 seconds or more) that the right password, sent
	// at once, surely falls inside it.
	let seconds = 0;
	for (let i = 0; i < 20 && seconds < 5; i++) {
		if (seconds > 0) await page.waitForTimeout(seconds * 1000);
		await page.getByLabel('Tên đăng nhập').fill('dangvien003');
		await page.getByLabel('Mật khẩu').fill(`sai-${i}`);
		const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/login'));
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await answer;
		await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeEnabled();
		const shown = (await alert.textContent()) ?? '';
		seconds = Number(/^Đăng nhập sai quá nhiều lần\. Vui lòng đợi (\d+) giây rồi thử lại\.$/.exec(shown)?.[1] ?? 0);
	}
	expect(seconds).toBeGreaterThanOrEqual(5);

	await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(alert).toContainText('Đăng nhập sai quá nhiều lần. Vui lòng đợi');
	await expect(page).toHaveURL(/\/login/);
});

test('signing out ends the session', async ({ page }) => {
	await signIn(page, 'dangvien004');
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await expect(page).toHaveURL(/\/login/);
	await page.goto('/sheets');
	await expect(page).toHaveURL(/\/login\?next=%2Fsheets/);
});

test('after signing in, the page asked for before opens', async ({ page }) => {
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
	await page.getByLabel('Tên đăng nhập').fill('dangvien005');
	await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(/\/account$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tài khoản');
});

test('a next that would leave the site, or break the answer, sends home instead', async ({ request, baseURL }) => {
	// Each value as it stands in the address bar after `/login?next=`.
	const cases = [
		['/%09/example.org', '/'],
		['/%0a/example.org', '/'],
		['/%0d%0aSet-Cookie:x', '/'],
		['//evil.example', '/'],
		['/%5Cevil.example', '/'],
		['/.//evil.example', '/'],
		['https://evil.example', '/'],
		['javascript:alert(1)', '/'],
		['/t%E1%BB%87p', '/t%E1%BB%87p'],
		['/account', '/account']
	];
	for (const [next, expected] of cases) {
		// Posted the way a browser without JavaScript posts it, so the answer is a real redirect.
		const signedIn = await request.post(`${baseURL}/login?next=${next}`, {
			headers: { origin: baseURL!, accept: 'text/html' },
			form: { username: 'dangvien008', password: DEMO_PASSWORD },
			maxRedirects: 0
		});
		expect(signedIn.status(), `sign-in with next=${next}`).toBe(303);
		expect(signedIn.headers()['location'], `sign-in with next=${next}`).toBe(expected);
		// Already signed in, the page itself moves on at once.
		const again = await request.get(`${baseURL}/login?next=${next}`, { maxRedirects: 0 });
		expect(again.status(), `visit with next=${next}`).toBe(303);
		expect(again.headers()['location'], `visit with next=${next}`).toBe(expected);
	}
});

test('a temporary password must be changed at first sign-in', async ({ page }) => {
	await createMemberWithTemporaryPassword('matkhautam', 'tam-thoi-123');
	await page.goto('/login');
	await page.getByLabel('Tên đăng nhập').fill('matkhautam');
	await page.getByLabel('Mật khẩu').fill('tam-thoi-123');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(/\/account\/password$/);
	await expect(page.getByText('Bạn đang dùng mật khẩu tạm thời.')).toBeVisible();

	await page.goto('/sheets');
	await expect(page).toHaveURL(/\/account\/password$/);

	await page.getByLabel('Mật khẩu hiện tại').fill('tam-thoi-123');
	await page.getByLabel('Mật khẩu mới (ít nhất 8 ký tự)').fill('ngan');
	await page.getByLabel('Nhập lại mật khẩu mới').fill('ngan');
	await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
	await expect(page.getByText('Mật khẩu mới cần ít nhất 8 ký tự.')).toBeVisible();

	await page.getByLabel('Mật khẩu hiện tại').fill('tam-thoi-123');
	await page.getByLabel('Mật khẩu mới (ít nhất 8 ký tự)').fill('Mat-khau-rieng-2026');
	await page.getByLabel('Nhập lại mật khẩu mới').fill('Mat-khau-rieng-2026');
	await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
	await expect(page).toHaveURL(/\/account\?changed=1$/);
	await page.goto('/sheets');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phiếu tự soi, tự sửa của tôi');
});

test('a member is refused the administration page, in Vietnamese', async ({ page }) => {
	await signIn(page, 'dangvien006');
	const response = await page.goto('/admin');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập');
	const missing = await page.goto('/khong-co-trang-nay');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
});

test('a form posted from another site is refused', async ({ request, baseURL }) => {
	const response = await request.post(`${baseURL}/login`, {
		headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: `username=quantri&password=${DEMO_PASSWORD}`
	});
	expect(response.status()).toBe(403);
	expect(await response.text()).toContain('biểu mẫu được gửi từ một trang web khác');
	expect(response.headers()['set-cookie']).toBeUndefined();
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('a member signs in and the page fits the screen', async ({ page }) => {
		await signIn(page, 'dangvien007');
		await expect(
			page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Phiếu của tôi' })
		).toBeVisible();
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});
