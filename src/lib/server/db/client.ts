import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

type Schema = typeof schema;

/** What every query and use case takes: an open connection or a transaction on it, which both satisfy it. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, Schema>;

/** An open connection: a `Db` with the better-sqlite3 client behind it, for backups, pragmas and closing. */
export type Connection = BetterSQLite3Database<Schema> & { $client: Database.Database };

/** Where the committed migrations live; the server runs from the project root. */
export const MIGRATIONS_DIR = resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

/** Group and others may not read or write these: sessions, password hashes and everyone's answers. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Makes the database file owner-only before SQLite opens it: a new one is created 0600 (and a directory
 * made for it 0700); an existing one that others can read is narrowed. SQLite gives the -wal and -shm
 * files it makes the main file's mode, so they follow. A directory that already exists is left alone: it
 * may be shared (/var/lib, /tmp).
 */
function keepPrivate(file: string): void {
	const path = resolve(file);
	mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
	if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
	for (const f of [path, `${path}-wal`, `${path}-shm`]) {
		if (!existsSync(f) || (statSync(f).mode & 0o077) === 0) continue;
		try {
			chmodSync(f, PRIVATE_FILE_MODE);
		} catch (err) {
			// Someone else's file we may still write: serve, but say so.
			console.warn(`Không thu hẹp được quyền của ${f}:`, (err as Error).message);
		}
	}
}

/**
 * Applies the pending migrations with foreign keys off, as SQLite asks for a table rebuilt by a migration (drizzle
 * runs them in one transaction, where the migration's own PRAGMA does nothing): dropping the old table would else
 * cascade to every row that refers to it. The references are checked before foreign keys are turned back on.
 */
function migrateWithoutCascades(sqlite: Database.Database, db: Connection, folder: string): void {
	sqlite.pragma('foreign_keys = OFF');
	migrate(db, { migrationsFolder: folder });
	const broken = sqlite.pragma('foreign_key_check') as unknown[];
	if (broken.length > 0) throw new Error(`Migration left ${broken.length} broken references`);
	sqlite.pragma('foreign_keys = ON');
}

/** Opens (creating if needed) a SQLite database with the pragmas the app relies on, and applies every pending migration. */
export function createDb(
	file: string,
	options: { verbose?: (sql: unknown) => void; migrationsFolder?: string } = {}
): Connection {
	if (file !== ':memory:') keepPrivate(file);
	// `verbose` sees every statement the connection runs (BEGIN and COMMIT included): tests count them.
	const sqlite = new Database(file, { verbose: options.verbose });
	sqlite.pragma('journal_mode = WAL');
	// NORMAL in WAL mode: a commit survives a process crash; only power loss can drop the last transactions.
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema }) as Connection;
	migrateWithoutCascades(sqlite, db, options.migrationsFolder ?? MIGRATIONS_DIR);
	return db;
}
