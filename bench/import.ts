// The import row of the goals: a whole province's list (54,000 members in one CSV file) posted to the import page
// as an administrator would, then followed on the page until the background job is done; meanwhile members' sheet
// pages are asked for, to show the server keeps answering them.
import { writeFileSync } from 'node:fs';
import type { Province } from './province';
import { measureUntil, type Result } from './load';

export interface ImportReport {
	rows: number;
	fileMb: number;
	/** From posting the file to the job's end, as the page reports it. */
	seconds: number;
	/** The answer to the post itself (the check; the job then runs in the background). */
	postSeconds: number;
	/** Progress readings the page gave while the job ran. */
	progressReadings: number;
	ok: boolean;
	idle: Result;
	during: Result;
}

const ROWS = 54_000;
const GROUPS = ['A', 'B', 'C'];

export async function benchImport(
	base: string,
	origin: string,
	serverPid: number,
	province: Province,
	cookies: Map<number, string>,
	file: string
): Promise<ImportReport> {
	const chapters = province.chapters.map((c) => c.id);
	const lines = ['Họ và tên,Ngày sinh,Chức vụ,Nhóm đối tượng,Chi bộ,Tên đăng nhập'];
	for (let i = 0; i < ROWS; i++)
		lines.push(
			`Nguyễn Văn Nhập ${i},${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/19${60 + (i % 40)},Đảng viên,${GROUPS[i % 3]},${chapters[i % chapters.length]},nhap${i}`
		);
	const csv = lines.join('\n');
	writeFileSync(file, csv);
	const admin = cookies.get(province.adminId)!;
	const members = province.drafts.slice(0, 20);
	let turn = 0;
	const memberPage = () => {
		const d = members[turn++ % members.length];
		return { path: `/sheets/${d.sheetId}`, headers: { cookie: cookies.get(d.memberId)! } };
	};
	const idleUntil = performance.now() + 5_000;
	const idle = await measureUntil(
		base,
		serverPid,
		'Trang phiếu, máy chủ rảnh',
		2,
		memberPage,
		() => performance.now() > idleUntil
	);

	console.log(`   Nhập ${ROWS} đảng viên: gửi tệp ${(Buffer.byteLength(csv) / 1048576).toFixed(1)} MB…`);
	const started = performance.now();
	const body = new FormData();
	body.set('file', new Blob([csv], { type: 'text/csv' }), 'tinh-54000.csv');
	const posted = await fetch(`${base}/admin/import?/commit`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { cookie: admin, origin, accept: 'text/html' }
	});
	const postSeconds = (performance.now() - started) / 1000;
	const location = posted.headers.get('location') ?? '';
	await posted.arrayBuffer();
	let ok = false;
	let finished = posted.status !== 303 || !location.includes('job=');
	if (finished) console.log(`   Nhập: máy chủ trả lời ${posted.status} ${location}`);
	let readings = 0;
	const follow = (async () => {
		while (!finished) {
			await new Promise((r) => setTimeout(r, 1000));
			const page = await fetch(base + location, { headers: { cookie: admin } }).then((r) => r.text());
			readings += 1;
			const progress = /Đã tạo ([\d.]+) \/ ([\d.]+)/.exec(page);
			if (progress) console.log(`   … ${progress[1]} / ${progress[2]}`);
			if (/Đã nhập [\d.]+ đảng viên/.test(page)) ok = finished = true;
			else if (/Chưa nhập tệp/.test(page)) finished = true;
		}
	})();
	const during = await measureUntil(base, serverPid, 'Trang phiếu, trong khi nhập', 2, memberPage, () => finished);
	await follow;
	const seconds = (performance.now() - started) / 1000;
	console.log(
		`   Nhập xong sau ${seconds.toFixed(1)} s (${ok ? 'thành công' : 'THẤT BẠI'}), p99 trang phiếu ${during.p99} ms`
	);
	return {
		rows: ROWS,
		fileMb: Buffer.byteLength(csv) / 1048576,
		seconds,
		postSeconds,
		progressReadings: readings,
		ok,
		idle,
		during
	};
}
