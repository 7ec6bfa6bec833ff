// Hostile member lists posted to the built server: a 4 GB zip bomb and a 250,000-row file are refused with a
// Vietnamese message, nothing is written, and the server keeps answering other requests while and after it
// reads them. Times and the server's peak memory are printed, not asserted (the machine is shared).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMIT_MESSAGES } from '../../src/lib/server/import/limits';
import {
	changedTables,
	request,
	signIn,
	snapshotDb,
	startServer,
	tempDir,
	type RunningServer
} from '../helpers/server';
import { sheetXml, spacesSheet, xlsx } from '../helpers/xlsx';

const HEADER = ['Họ và tên', 'Ngày sinh', 'Chức vụ', 'Nhóm đối tượng', 'Chi bộ', 'Tên đăng nhập'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const temp = tempDir('tusoi-import-limits-');
let server: RunningServer;
let admin: string;

beforeAll(async () => {
	server = await startServer(`${temp.dir}/limits.db`);
	admin = await signIn(server, 'quantri');
}, 60_000);

afterAll(async () => {
	await server?.stop();
	temp.remove();
});

/** The server's peak resident memory so far (VmHWM), in MB, where /proc can tell. */
function peakMemoryMb(): string {
	try {
		const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
		const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
		return `${Math.round(kb / 1024)} MB`;
	} catch {
		return 'unknown';
	}
}

/** Posts `file` to an import action while asking for /health over and over; returns the answer and the /health answers. */
async function postWhileWatching(action: 'preview' | 'commit', name: string, file: Buffer) {
	const data = new FormData();
	data.append('file', new Blob([new Uint8Array(file)], { type: XLSX_TYPE }), name);
	let done = false;
	const health: number[] = [];
	const watch = (async () => {
		while (!done) {
			health.push((await request(server, '/health', { timeoutMs: 10_000 })).status);
			await new Promise((r) => setTimeout(r, 50));
		}
	})();
	const started = performance.now();
	const answer = await request(server, `/admin/import?/${action}`, {
		method: 'POST',
		cookie: admin,
		headers: { accept: 'text/html' },
		body: data,
		timeoutMs: 60_000
	});
	const ms = Math.round(performance.now() - started);
	done = true;
	await watch;
	console.log(
		`${name} (${(file.length / 1e6).toFixed(1)} MB) → ${action}: ${answer.status} in ${ms} ms; ` +
			`/health answered ${health.length} times meanwhile; server peak memory ${peakMemoryMb()}`
	);
	return { answer, health };
}

describe('member import limits on the running server', () => {
	it('refuses a 4 GB zip bomb and a 250,000-row file, writes nothing and keeps serving', async () => {
		const bomb = await xlsx({ sheet: spacesSheet(4000) });
		const rows = await xlsx({
			sheet: sheetXml(250_001, (n) =>
				n === 1 ? HEADER : [`Nguyễn Văn ${n}`, '01/01/1980', 'Chuyên viên', 'B', 'Chi bộ Văn phòng Sở', `dv${n}`]
			)
		});
		const before = snapshotDb(server.dbFile);
		const cases = [
			['bom-giai-nen.xlsx', bomb, LIMIT_MESSAGES.tooMuchXml],
			['250000-dong.xlsx', rows, LIMIT_MESSAGES.tooManyRows]
		] as const;
		for (const [name, file, message] of cases) {
			for (const action of ['preview', 'commit'] as const) {
				const { answer, health } = await postWhileWatching(action, name, file);
				expect(answer.status).toBe(400);
				expect(answer.text).toContain(message);
				expect(health.every((status) => status === 200)).toBe(true);
			}
		}
		expect(changedTables(before, snapshotDb(server.dbFile))).toEqual([]);
		expect((await request(server, '/admin/import', { cookie: admin })).status).toBe(200);
		expect(server.child.exitCode).toBeNull();
	}, 120_000);

	it('answers a 60,000-row file with an error on every row with a small page: the first 50 errors and a count', async () => {
		const unknownChapter = await xlsx({
			sheet: sheetXml(60_001, (n) =>
				n === 1 ? HEADER : [`Trần Thị ${n}`, '02/09/1985', '', 'A', 'Chi bộ không có', `tt${n}`]
			)
		});
		const before = snapshotDb(server.dbFile);
		const { answer, health } = await postWhileWatching('preview', '60000-dong-loi.xlsx', unknownChapter);
		console.log(`the page for 60,000 errors is ${(answer.body.length / 1024).toFixed(0)} KB`);
		expect(answer.status).toBe(400);
		// What a person reads: Svelte's comment markers out, runs of white space as one space.
		const text = answer.text.replace(/<!--[^]*?-->/g, '').replace(/\s+/g, ' ');
		expect(text).toContain('60.000 dòng dữ liệu: 0 dòng hợp lệ, 60.000 dòng có lỗi.');
		expect(text).toContain('Dòng 51: không tìm thấy chi bộ «Chi bộ không có»');
		expect(text).not.toContain('Dòng 52:');
		expect(text).toContain('và 59.950 lỗi khác');
		expect(answer.body.length).toBeLessThan(200_000);
		expect(health.every((status) => status === 200)).toBe(true);
		expect(changedTables(before, snapshotDb(server.dbFile))).toEqual([]);
	}, 120_000);
});
