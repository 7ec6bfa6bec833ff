import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

type Schema = typeof schema;

/** What every query and use case takes: an open connection or a transaction on it, which both satisfy it. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, Schema>;

/** An open connection: a `Db` with the better-sqlite3 client behind it, for backups, pragmas and closing. */
export type Connection = BetterSQLite3Database<Schema> & { $client: Database.Database };

/** Where the committed migrations live; the server runs from the project root. */
export const MIGRATIONS_DIR = resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

/** Opens (creating if needed) a SQLite database with the pragmas the app relies on, and applies every pending migration. */
export function createDb(file: string): Connection {
	if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	// NORMAL in WAL mode: a commit survives a process crash; only power loss can drop the last transactions.
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema }) as Connection;
	migrate(db, { migrationsFolder: MIGRATIONS_DIR });
	return db;
}
