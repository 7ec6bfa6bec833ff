// A committee downloads its results as Excel from its unit page: the members' results, and a sheet of its units'
// counts with the self-ratings and the chi ủy's ratings side by side, each named, as the units table shows them.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { hydrated, signIn } from './helpers';

const RATINGS = ['Tốt', 'Khá', 'Trung bình', 'Yếu kém'];

test('a committee downloads the XLSX with its units’ counts, both ratings named apart', async ({ page }) => {
	await signIn(page, 'capuy');
	// Last year's review, closed with its sheets approved, so both rating series have something to count.
	const current = (await page.getByLabel('Đợt').locator('option:checked').textContent())!;
	const year = Number(/\d{4}/.exec(current)![0]);
	await page.getByLabel('Đợt').selectOption({ label: `Năm ${year - 1}` });
	await page.getByRole('button', { name: 'Xem' }).click();
	await expect(page).toHaveURL(/[?&]period=\d+/);
	await hydrated(page);
	const firstUnit = (await page.locator('table.units tbody tr.figures th a').first().textContent())!.trim();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Excel (XLSX, kèm bảng theo đơn vị)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
	const workbook = new ExcelJS.Workbook();
	const file = readFileSync((await download.path())!);
	await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
	expect(workbook.worksheets.map((w) => w.name)).toEqual(['Kết quả', 'Theo đơn vị']);

	const byUnit = workbook.getWorksheet('Theo đơn vị')!;
	const rows: (string | number)[][] = [];
	byUnit.eachRow((row) => rows.push((row.values as (string | number)[]).slice(1)));
	const headerAt = rows.findIndex((r) => r[0] === 'Đơn vị trực thuộc');
	expect(headerAt).toBeGreaterThanOrEqual(0);
	expect(rows[headerAt]).toEqual([
		'Đơn vị trực thuộc',
		'Đảng viên',
		'Đã nộp',
		'Đã duyệt',
		...RATINGS.map((r) => `Kết quả tự soi — ${r}`),
		...RATINGS.map((r) => `Chi ủy xếp loại — ${r}`)
	]);
	const units = rows.slice(headerAt + 1, -1);
	const total = rows.at(-1)!;
	expect(total[0]).toBe('Cộng');
	// Last year's sheets were handed in and approved, so the sums below say something.
	expect(Number(total[2])).toBeGreaterThan(0);
	expect(Number(total[3])).toBeGreaterThan(0);
	expect(units.map((u) => u[0])).toContain(firstUnit);
	// The total line adds up its units, figure by figure; a unit's approved sheets are among its handed-in ones.
	for (let column = 1; column < total.length; column++)
		expect(
			units.reduce((sum, u) => sum + Number(u[column]), 0),
			rows[headerAt][column] as string
		).toBe(Number(total[column]));
	for (const u of units) expect(Number(u[3])).toBeLessThanOrEqual(Number(u[2]));
	// Each series counts its own sheets: self-ratings the handed-in ones, the chi ủy's the approved ones.
	const sum = (row: (string | number)[], from: number) =>
		row.slice(from, from + 4).reduce<number>((s, v) => s + Number(v), 0);
	expect(sum(total, 4)).toBe(Number(total[2]));
	expect(sum(total, 8)).toBe(Number(total[3]));
});
