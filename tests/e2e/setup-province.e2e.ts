import { expect, test, type Browser, type Page } from '@playwright/test';
import { hydrated } from './helpers';
import { E2E_EMPTY_PORT } from './paths';
import { todayIso } from '../../src/lib/domain/dates';

// Issue 7's "done when": a province set up from an empty database with the UI and one import file.
// The second web server (playwright.config.ts) starts on an empty database with TUSOI_DEMO=0, so this
// file owns that installation; its steps build on each other and run in order.
test.describe.configure({ mode: 'serial' });

const BASE = `http://localhost:${E2E_EMPTY_PORT}`;
const TEMPORARY_ADMIN_PASSWORD = 'tam-thoi-quan-tri';
const ADMIN_PASSWORD = 'Quan-tri-Binh-Minh-2026';
const YEAR = Number(todayIso().slice(0, 4));

const PROVINCE = 'Đảng bộ tỉnh Bình Minh';
const BLOC = 'Đảng bộ Khối các cơ quan tỉnh';
const CITY = 'Đảng bộ thành phố Bình Minh';
const HEALTH = 'Đảng bộ Sở Y tế';
const OFFICE = 'Chi bộ Văn phòng Sở Y tế';
const PRACTICE = 'Chi bộ Phòng Nghiệp vụ Y';
const SCHOOL = 'Chi bộ Trường Trung học phổ thông Bình Minh';
const CHAPTERS = [OFFICE, PRACTICE, SCHOOL];

// Thirty members, ten per chapter, in the shapes people type: d/m/yyyy and ISO dates, "Mẫu 2A" for a group.
const FAMILIES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLES = ['Văn', 'Thị', 'Minh', 'Thu', 'Quốc'];
const GIVEN = [
	'An',
	'Bình',
	'Chi',
	'Dũng',
	'Giang',
	'Hà',
	'Hải',
	'Hạnh',
	'Hiếu',
	'Hòa',
	'Hùng',
	'Hương',
	'Khánh',
	'Lan',
	'Linh',
	'Long',
	'Mai',
	'Nam',
	'Nga',
	'Ngọc',
	'Nhung',
	'Phong',
	'Phúc',
	'Quang',
	'Quyên',
	'Sơn',
	'Tâm',
	'Thảo',
	'Trang',
	'Tuấn'
];
const PEOPLE = GIVEN.map((given, i) => ({
	fullName: `${FAMILIES[i % FAMILIES.length]} ${MIDDLES[i % MIDDLES.length]} ${given}`,
	username: `bm${String(i + 1).padStart(2, '0')}`,
	dateOfBirth: i % 2 === 0 ? `${1 + (i % 28)}/${1 + (i % 12)}/${1965 + i}` : `${1970 + i}-0${1 + (i % 9)}-1${i % 10}`,
	position: i % 3 === 2 ? 'Giáo viên' : 'Chuyên viên',
	group: i % 5 === 0 ? 'Mẫu 2A' : 'B',
	chapter: CHAPTERS[i % 3]!
}));
const SECRETARY = PEOPLE[0]!; // of OFFICE
const CSV = [
	'Họ và tên;Ngày sinh;Chức vụ;Nhóm đối tượng;Chi bộ;Tên đăng nhập',
	...PEOPLE.map((p) => `${p.fullName};${p.dateOfBirth};${p.position};${p.group};${p.chapter};${p.username}`)
].join('\r\n');

let admin: Page;
const ids: Record<string, number> = {};
let secretaryPassword = '';

async function newPage(browser: Browser): Promise<Page> {
	return (await browser.newContext()).newPage();
}

/** Signs in on the empty installation's server; a temporary password lands on the password page. */
async function signInHere(page: Page, username: string, password: string): Promise<void> {
	await page.goto(`${BASE}/login`);
	await hydrated(page);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(`${BASE}/account/password`);
	await expect(page.getByText('Bạn đang dùng mật khẩu tạm thời.')).toBeVisible();
}

async function changePassword(page: Page, from: string, to: string): Promise<void> {
	await hydrated(page);
	await page.getByLabel('Mật khẩu hiện tại').fill(from);
	await page.getByLabel('Mật khẩu mới (ít nhất 8 ký tự)').fill(to);
	await page.getByLabel('Nhập lại mật khẩu mới').fill(to);
	await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
	await expect(page).toHaveURL(`${BASE}/account?changed=1`);
}

/** Opens a unit's administration page from the tree on /admin and remembers its id. */
async function openUnit(name: string): Promise<void> {
	await admin.goto(`${BASE}/admin`);
	await admin.getByRole('link', { name, exact: true }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(name);
	ids[name] = Number(/\/admin\/units\/(\d+)$/.exec(admin.url())![1]);
	await hydrated(admin);
}

/** Adds a unit under the open unit page with its form. */
async function addChild(name: string, kindLabel: string): Promise<void> {
	await admin.getByLabel('Tên', { exact: true }).fill(name);
	await admin.getByLabel('Loại', { exact: true }).selectOption({ label: kindLabel });
	await admin.getByRole('button', { name: 'Thêm', exact: true }).click();
	await expect(admin.getByRole('status')).toHaveText(`Đã thêm ${name}.`);
	await expect(admin.getByRole('link', { name, exact: true })).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
	admin = await newPage(browser);
});

test.afterAll(async () => {
	await admin.context().close();
});

test('the administrator signs in with the temporary password and must change it first', async () => {
	await signInHere(admin, 'quantri', TEMPORARY_ADMIN_PASSWORD);
	await admin.goto(`${BASE}/admin`);
	await expect(admin).toHaveURL(`${BASE}/account/password`);
	await changePassword(admin, TEMPORARY_ADMIN_PASSWORD, ADMIN_PASSWORD);
	await admin.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Quản trị');
	// The empty installation holds just the root the server was started with.
	await expect(admin.locator('.tree li')).toHaveText(['Đảng bộ tỉnh Thử Nghiệm (Đảng bộ tỉnh)']);
});

test('renames the root and builds the organisation through the unit pages', async () => {
	await openUnit('Đảng bộ tỉnh Thử Nghiệm');
	await admin.getByLabel('Tên đơn vị').fill(PROVINCE);
	await admin.getByRole('button', { name: 'Đổi tên' }).click();
	await expect(admin.getByRole('status')).toHaveText('Đã đổi tên.');
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(PROVINCE);
	ids[PROVINCE] = ids['Đảng bộ tỉnh Thử Nghiệm']!;
	// The root can be neither moved nor dissolved.
	await expect(admin.getByRole('button', { name: 'Chuyển' })).toHaveCount(0);
	await expect(admin.getByRole('button', { name: 'Giải thể' })).toHaveCount(0);

	await addChild(BLOC, 'Đảng bộ trực thuộc');
	await addChild(CITY, 'Đảng bộ trực thuộc');
	await openUnit(BLOC);
	await addChild(HEALTH, 'Đảng bộ cơ sở');
	await openUnit(HEALTH);
	await addChild(OFFICE, 'Chi bộ');
	await addChild(PRACTICE, 'Chi bộ');
	await openUnit(CITY);
	await addChild(SCHOOL, 'Chi bộ cơ sở');
	for (const chapter of CHAPTERS) await openUnit(chapter);
	// A chapter holds members, not units: its page has no form to add one.
	await expect(admin.getByRole('button', { name: 'Thêm', exact: true })).toHaveCount(0);

	await admin.goto(`${BASE}/admin`);
	await expect(admin.locator('.tree li')).toHaveText([
		`${PROVINCE} (Đảng bộ tỉnh)`,
		`${BLOC} (Đảng bộ trực thuộc)`,
		`${HEALTH} (Đảng bộ cơ sở)`,
		`${PRACTICE} (Chi bộ)`,
		`${OFFICE} (Chi bộ)`,
		`${CITY} (Đảng bộ trực thuộc)`,
		`${SCHOOL} (Chi bộ cơ sở)`
	]);
});

test('imports one file of thirty members into the three chapters', async () => {
	await admin.goto(`${BASE}/admin/import`);
	await hydrated(admin);
	const choose = () =>
		admin
			.getByLabel('Tệp danh sách (.csv hoặc .xlsx)')
			.setInputFiles({ name: 'dang-vien-binh-minh.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${CSV}`) });
	await choose();
	await admin.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
	await expect(admin.getByText('30 dòng dữ liệu: 30 dòng hợp lệ, 0 dòng có lỗi.')).toBeVisible();
	await expect(admin.getByRole('status')).toHaveText('Mọi dòng đều hợp lệ. Nhấn «Nhập» để tạo 30 tài khoản.');
	await admin.getByRole('button', { name: 'Nhập', exact: true }).click();
	await expect(admin.getByText('Đã nhập 30 đảng viên từ tệp «dang-vien-binh-minh.csv» vào 3 chi bộ.')).toBeVisible();

	const list = admin.getByRole('region', { name: 'Danh sách mật khẩu tạm thời' });
	for (const chapter of CHAPTERS) {
		const sheet = list
			.getByRole('article')
			.filter({ has: admin.getByRole('heading', { name: `Danh sách tài khoản đăng nhập — ${chapter}` }) });
		await expect(sheet.getByRole('row')).toHaveCount(11);
		for (const p of PEOPLE.filter((x) => x.chapter === chapter))
			await expect(sheet.getByRole('row').filter({ hasText: p.username })).toContainText(p.fullName);
	}
	const row = list.getByRole('row').filter({ hasText: SECRETARY.username });
	secretaryPassword = (await row.getByRole('cell').nth(3).textContent())!.trim();
	// An imported account gets a one-time code in four groups of four (docs/operations.md).
	expect(secretaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

	// Each chapter's page lists its members, with the group the file gave them.
	await admin.goto(`${BASE}/admin/units/${ids[OFFICE]}`);
	await expect(admin.getByRole('heading', { name: 'Đảng viên (10)' })).toBeVisible();
	await expect(admin.getByRole('row').filter({ hasText: SECRETARY.username }).getByRole('cell').last()).toHaveText('A'); // "Mẫu 2A" in the file
	await expect(admin.getByText('Chi bộ · 10 đảng viên')).toBeVisible();
	await admin.goto(`${BASE}/admin/units/${ids[PROVINCE]}`);
	await expect(admin.getByText('Đảng bộ tỉnh · 30 đảng viên')).toBeVisible();
});

test(`opens the period "Năm ${YEAR}" for the whole province with the default template`, async () => {
	await admin.goto(`${BASE}/admin/periods`);
	await hydrated(admin);
	await expect(admin.getByRole('row')).toHaveCount(1); // no period yet, just the header
	await expect(admin.getByLabel('Tên đợt')).toHaveValue(`Năm ${YEAR}`);
	await admin.getByLabel('Phạm vi (đơn vị và mọi đơn vị trực thuộc)').selectOption(String(ids[PROVINCE]));
	await expect(admin.getByLabel('Mẫu phiếu').getByRole('option')).toHaveCount(1);
	await admin.getByRole('button', { name: 'Mở đợt' }).click();
	await expect(admin).toHaveURL(new RegExp(`^${BASE}/admin/periods/\\d+$`));
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Năm ${YEAR}`);
	await expect(admin.getByText(`${PROVINCE} · mở`)).toContainText('đang mở');
	// Nobody has handed in yet: every chapter is listed with its ten members.
	for (const chapter of CHAPTERS) await expect(admin.getByText(`${chapter} — 10 đảng viên`)).toBeVisible();
});

test('gives an imported member the secretary role of their chapter', async () => {
	await admin.goto(`${BASE}/admin/units/${ids[OFFICE]}`);
	await hydrated(admin);
	await admin.getByLabel('Tên đăng nhập').fill(SECRETARY.username);
	await admin.getByLabel('Vai trò').selectOption({ label: 'Bí thư chi bộ' });
	await admin.getByRole('button', { name: 'Giao vai trò' }).click();
	await expect(admin.getByRole('status')).toHaveText('Đã giao vai trò.');
	await expect(
		admin.getByRole('listitem').filter({ hasText: `${SECRETARY.fullName} (${SECRETARY.username}) — Bí thư chi bộ` })
	).toBeVisible();
});

test('the secretary signs in with the printed password, changes it, and finds the chapter and the open sheet', async ({
	browser
}) => {
	const secretary = await newPage(browser);
	await signInHere(secretary, SECRETARY.username, secretaryPassword);
	await changePassword(secretary, secretaryPassword, 'Bi-thu-Van-phong-2026');
	const nav = secretary.getByRole('navigation', { name: 'Điều hướng chính' });
	await expect(nav.getByRole('link', { name: 'Quản trị' })).toHaveCount(0);

	await nav.getByRole('link', { name: 'Chi bộ của tôi' }).click();
	await expect(secretary).toHaveURL(`${BASE}/chapters/${ids[OFFICE]}`);
	await expect(secretary.getByRole('heading', { level: 1 })).toHaveText(OFFICE);
	await expect(secretary.getByText(`Bí thư chi bộ · Năm ${YEAR}, hạn nộp`)).toBeVisible();
	const members = secretary.getByRole('table', { name: 'Đảng viên và phiếu tự soi, tự sửa' }).getByRole('rowheader');
	await expect(members).toHaveCount(10);
	for (const p of PEOPLE.filter((x) => x.chapter === OFFICE))
		await expect(members.filter({ hasText: p.fullName })).toHaveCount(1);
	for (const p of PEOPLE.filter((x) => x.chapter !== OFFICE))
		await expect(secretary.getByText(p.fullName)).toHaveCount(0);

	await nav.getByRole('link', { name: 'Phiếu của tôi' }).click();
	await expect(secretary.getByRole('heading', { level: 1 })).toHaveText('Phiếu tự soi, tự sửa của tôi');
	await expect(secretary.getByText(`${OFFICE} — ${HEALTH} — ${BLOC} — ${PROVINCE}`)).toBeVisible();
	await expect(secretary.getByText(`Năm ${YEAR} đang mở, hạn nộp`)).toBeVisible();
	await expect(secretary.getByRole('button', { name: `Bắt đầu làm phiếu năm ${YEAR}` })).toBeVisible();
	await secretary.context().close();
});
