// What the task pages, the committee overview, the export and the leader's printed review read back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assignInput, taskSetup } from '../../../../tests/helpers/tasks';
import { handIn, openTestPeriod } from '../../../../tests/helpers/sheets';
import { createTestMember } from '../../../../tests/helpers/db';
import { assignTask } from './assign';
import { reportProgress } from './report';
import { evaluateTask } from './evaluate';
import { leaderTaskLines, myTasks, taskCountsByChild, unitTask, unitTasks } from './view';
import ExcelJS from 'exceljs';
import { TASK_EXPORT_HEADERS, taskExportCells, taskExportResponse } from './export';
import { cellsToCsv } from '../export';
import { loadSheetDetail } from '../db/queries/sheets';
import { ensureDefaultTemplate } from '../admin/templates';
import { personalReport } from '../reports';
import { renderPersonalPdf } from '../pdf/personal';

const TODAY = '2026-03-10';
const NEXT_YEAR = '2027-01-20';

/** The leader with two tasks ordered by the branch (one reported on and evaluated) and one for the other branch's leader. */
async function withTasks() {
	const ctx = await taskSetup();
	const { db, tree, people } = ctx;
	const ids = [
		assignTask(db, people.branchCommittee, tree.branch, assignInput(), TODAY),
		assignTask(
			db,
			people.provinceCommittee,
			tree.province,
			assignInput({ title: 'Xóa nhà tạm cho hộ nghèo', expectedResult: 'Không còn nhà tạm.', decisionNo: '=7-QĐ/TU' }),
			TODAY
		),
		assignTask(db, people.provinceCommittee, tree.province, assignInput({ leader: 'lanhdaokhac' }), TODAY)
	].map((r) => {
		if (!r.ok) throw new Error(r.message);
		return r.id;
	});
	expect(reportProgress(db, people.leader, ids[0], { text: 'Đã số hóa 60% hồ sơ.' }).ok).toBe(true);
	const evaluated = evaluateTask(
		db,
		people.branchCommittee,
		ids[0],
		{ result: 'partly_completed', comment: 'Còn 20% hồ sơ giấy.' },
		NEXT_YEAR
	);
	expect(evaluated.ok).toBe(true);
	return { ...ctx, ids };
}

describe('the committee overview of tasks', () => {
	it('counts a year of tasks per child unit, by result', async () => {
		const { db, tree } = await withTasks();
		const province = taskCountsByChild(db, tree.province, 2026);
		expect(province.total).toEqual({ total: 3, completed: 0, partlyCompleted: 1, notCompleted: 0, pending: 2 });
		expect(province.children.map((c) => [c.name, c.tally.total, c.tally.partlyCompleted])).toEqual([
			['Đảng bộ phường Một', 2, 1],
			['Đảng bộ xã Hai', 1, 0]
		]);
		const branch = taskCountsByChild(db, tree.branch, 2026);
		expect(branch.children).toMatchObject([{ name: 'Đảng bộ Trường Một', tally: { total: 2 } }]);
		expect(taskCountsByChild(db, tree.province, 2027).total.total).toBe(0);
	});

	it("lists the tasks of a unit's subtree, and lets only a committee over it order", async () => {
		const { db, tree, people } = await withTasks();
		const branch = unitTasks(db, people.branchCommittee, tree.branch, 2026, TODAY);
		expect(branch.tasks.map((t) => t.title)).toEqual([
			'Chuyển đổi số toàn bộ hồ sơ một cửa của phường',
			'Xóa nhà tạm cho hộ nghèo'
		]);
		expect(branch.tasks[0].reports.map((r) => r.text)).toEqual(['Đã số hóa 60% hồ sơ.']);
		expect(branch.mayAssign).toBe(true);
		expect(branch.candidates.map((c) => c.username).sort()).toEqual(['bithu', 'lanhdao']);
		const asSecretary = unitTasks(db, people.secretary, tree.chapterA, 2026, TODAY);
		expect(asSecretary.tasks).toHaveLength(2);
		expect(asSecretary.mayAssign).toBe(false);
		expect(asSecretary.candidates).toEqual([]);
		expect(unitTasks(db, people.provinceCommittee, tree.otherBranch, 2026, TODAY).tasks).toHaveLength(1);
	});

	it('shows one task only inside its subtree and to those who may read it, and says when it can be evaluated', async () => {
		const { db, tree, people, ids } = await withTasks();
		expect(unitTask(db, people.branchCommittee, tree.branch, ids[1], TODAY)).toMatchObject({
			mayEvaluate: false,
			evaluateFrom: null
		});
		expect(unitTask(db, people.provinceCommittee, tree.province, ids[1], TODAY)).toMatchObject({
			mayEvaluate: false,
			evaluateFrom: expect.stringMatching(/từ ngày 01\/01\/2027/)
		});
		expect(unitTask(db, people.provinceCommittee, tree.province, ids[1], NEXT_YEAR)?.mayEvaluate).toBe(true);
		expect(unitTask(db, people.secretary, tree.chapterA, ids[0], TODAY)?.task.id).toBe(ids[0]);
		// Not under chapter B, nor under the other branch.
		expect(unitTask(db, people.provinceCommittee, tree.chapterB, ids[0], TODAY)).toBeUndefined();
		expect(unitTask(db, people.otherCommittee, tree.otherBranch, ids[0], TODAY)).toBeUndefined();
		expect(unitTask(db, people.branchCommittee, tree.branch, 9999, TODAY)).toBeUndefined();
	});

	it('gives the leader their own tasks, and a report form only while a task is open', async () => {
		const { db, people } = await withTasks();
		expect(myTasks(db, people.leader).map((t) => [t.title, t.mayReport])).toEqual([
			['Chuyển đổi số toàn bộ hồ sơ một cửa của phường', false],
			['Xóa nhà tạm cho hộ nghèo', true]
		]);
		expect(myTasks(db, people.member)).toEqual([]);
	});
});

describe('the export of tasks', () => {
	it('writes one row per task with its result, and guards formula-like text', async () => {
		const { db, tree } = await withTasks();
		const cells = taskExportCells(db, tree.branch, 2026);
		expect(TASK_EXPORT_HEADERS).toHaveLength(cells[0].length);
		expect(cells[0]).toEqual([
			1,
			2026,
			'Phạm Văn Lãnh Đạo',
			'lanhdao',
			'Chi bộ Giáo viên',
			'Chuyển đổi số toàn bộ hồ sơ một cửa của phường',
			'100% hồ sơ một cửa được tiếp nhận và trả kết quả trực tuyến.',
			'30/11/2026',
			'125-QĐ/ĐU',
			'Đảng bộ phường Một',
			'Đã số hóa 60% hồ sơ.',
			'Hoàn thành một phần',
			'Còn 20% hồ sơ giấy.'
		]);
		expect(cells[1][8]).toBe("'=7-QĐ/TU");
		expect(cells[1][11]).toBe('Chưa đánh giá');
		expect(cellsToCsv(TASK_EXPORT_HEADERS, cells).split('\r\n')[0]).toBe(
			`\uFEFF${TASK_EXPORT_HEADERS.map((h) => `"${h}"`).join(',')}`
		);
	});
});

describe('the task download', () => {
	it('answers XLSX with a title row, the header and the rows, CSV as text, and anything else with 404', async () => {
		const { db, tree } = await withTasks();
		const xlsx = await taskExportResponse(db, tree.branch, 'xlsx', 2026);
		expect(decodeURIComponent(xlsx.headers.get('content-disposition')!)).toContain(
			'Nhiệm vụ đột phá năm 2026 — Đảng bộ phường Một.xlsx'
		);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await xlsx.arrayBuffer());
		const sheet = workbook.getWorksheet('Nhiệm vụ đột phá')!;
		expect(sheet.getRow(1).getCell(1).value).toBe('Nhiệm vụ đột phá năm 2026 — Đảng bộ phường Một');
		expect(sheet.getRow(2).getCell(6).value).toBe('Nhiệm vụ');
		expect(sheet.getRow(3).getCell(12).value).toBe('Hoàn thành một phần');
		expect(sheet.rowCount).toBe(4);
		const csv = await taskExportResponse(db, tree.branch, 'csv', 2026);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(await csv.text()).toContain('"Xóa nhà tạm cho hộ nghèo"');
		await expect(taskExportResponse(db, tree.branch, 'pdf', 2026)).rejects.toMatchObject({ status: 404 });
	});
});

describe("the leader's printed review", () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'tusoi-tasks-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it("carries the year's tasks with their results in the report and its PDF, and nothing for a member without tasks", async () => {
		const { db, tree, people } = await withTasks();
		const version = ensureDefaultTemplate(db);
		openTestPeriod(db, tree, version);
		expect(leaderTaskLines(db, people.leader.id, 2025)).toEqual([]);
		const sheetId = handIn(db, people.leader.id, version.content, TODAY);
		const report = personalReport(db, loadSheetDetail(db, sheetId)!);
		expect(report.leaderTasks).toEqual([
			{
				title: 'Chuyển đổi số toàn bộ hồ sơ một cửa của phường',
				expectedResult: '100% hồ sơ một cửa được tiếp nhận và trả kết quả trực tuyến.',
				deadline: '30/11/2026',
				decision: '125-QĐ/ĐU',
				assignedBy: 'Đảng bộ phường Một',
				lastReport: 'Đã số hóa 60% hồ sơ.',
				result: 'Hoàn thành một phần',
				comment: 'Còn 20% hồ sơ giấy.'
			},
			expect.objectContaining({ title: 'Xóa nhà tạm cho hộ nghèo', result: 'Chưa đánh giá', comment: '' })
		]);
		const file = path.join(dir, 'leader.pdf');
		writeFileSync(file, await renderPersonalPdf(report));
		const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
			.normalize('NFC')
			.replace(/\s+/gu, '');
		for (const s of [
			'Kết quả thực hiện nhiệm vụ đột phá được cấp ủy giao',
			'Chuyển đổi số toàn bộ hồ sơ một cửa của phường',
			'Hoàn thành một phần',
			'Còn 20% hồ sơ giấy.',
			'Chưa đánh giá'
		])
			expect(text).toContain(s.replace(/\s+/gu, ''));

		const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
		const plain = personalReport(db, loadSheetDetail(db, handIn(db, memberId, version.content, TODAY))!);
		expect(plain.leaderTasks).toEqual([]);
		const plainFile = path.join(dir, 'plain.pdf');
		writeFileSync(plainFile, await renderPersonalPdf(plain));
		expect(execFileSync('pdftotext', ['-raw', plainFile, '-'], { encoding: 'utf8' }).normalize('NFC')).not.toContain(
			'đột phá'
		);
	});
});
