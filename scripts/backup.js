// npm run backup [-- destination.db]
// Writes a consistent copy of the live database with SQLite's online backup, which is safe while the
// server runs and writes, then checks the copy with PRAGMA integrity_check.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const source = resolve(process.env.DATABASE_URL || './data/tusoi.db');
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const target = resolve(process.argv[2] || `./backups/tusoi-${stamp}.db`);

if (!existsSync(source)) {
	console.error(`Không tìm thấy cơ sở dữ liệu: ${source}`);
	process.exit(1);
}
if (existsSync(target)) {
	console.error(`Tệp đích đã tồn tại, không ghi đè: ${target}`);
	process.exit(1);
}
// A backup holds what the database holds (password hashes, everyone's answers): owner-only, as the database.
mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
closeSync(openSync(target, 'wx', 0o600));

const db = new Database(source, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const started = Date.now();
await db.backup(target);
db.close();

const copy = new Database(target, { readonly: true });
const integrity = copy.pragma('integrity_check', { simple: true });
const sheets = copy.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'sheet'").get().n
	? copy.prepare('select count(*) as n from sheet').get().n
	: 0;
copy.close();

chmodSync(target, 0o600);

if (integrity !== 'ok') {
	console.error(`Bản sao lưu không toàn vẹn (${integrity}): ${target}`);
	process.exit(1);
}
const mb = (statSync(target).size / 1048576).toFixed(1);
console.log(
	`Đã sao lưu ${source} → ${target} (${mb} MB, ${sheets} phiếu, ${Date.now() - started} ms, integrity_check: ok)`
);
