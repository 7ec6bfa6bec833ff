import type Database from 'better-sqlite3';
import type { Db } from './client';

// SQLite compiles a statement before it runs it, and on the hot paths (session lookup, autosave, the sheet page)
// compiling cost more than running; drizzle's query builder costs more again. The statements here are compiled
// once per connection and reused by every request on it, inside a transaction or not (both share the client).

const cache = new WeakMap<Database.Database, Map<unknown, unknown>>();

/** The better-sqlite3 connection behind a `Db`, which a connection and every transaction on it share. */
export function clientOf(db: Db): Database.Database {
	return (db as unknown as { session: { client: Database.Database } }).session.client;
}

function cacheOf(db: Db): Map<unknown, unknown> {
	const client = clientOf(db);
	let found = cache.get(client);
	if (!found) {
		found = new Map();
		cache.set(client, found);
	}
	return found;
}

/** A SQL text compiled once per connection. */
export function statement(db: Db, sql: string): Database.Statement {
	const found = cacheOf(db);
	let stmt = found.get(sql) as Database.Statement | undefined;
	if (!stmt) {
		stmt = clientOf(db).prepare(sql);
		found.set(sql, stmt);
	}
	return stmt;
}

/** What `build` makes (a drizzle `.prepare()`d query, say), made once per connection and kept. */
export function preparedOnce<T>(db: Db, build: (db: Db) => T): T {
	const found = cacheOf(db);
	let made = found.get(build) as T | undefined;
	if (made === undefined) {
		made = build(db);
		found.set(build, made);
	}
	return made;
}

/**
 * `work` as one IMMEDIATE transaction (BEGIN IMMEDIATE … COMMIT, rolled back if it throws), its better-sqlite3
 * transaction function made once per connection. drizzle's `db.transaction` builds a transaction object — with a
 * query builder for every table — on every call; on the autosave path that cost as much as the SQL.
 */
export function immediateTransaction<A extends unknown[], R>(
	db: Db,
	work: (db: Db, ...args: A) => R
): (...args: A) => R {
	return preparedOnce(db, (on) => clientOf(on).transaction((...args: A) => work(on, ...args)).immediate) as (
		...args: A
	) => R;
}
