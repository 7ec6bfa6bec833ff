import { createDb, type Db } from './client';

/** The database file: `DATABASE_URL` (a file path) or ./data/tusoi.db. */
export const DATABASE_FILE = process.env.DATABASE_URL || './data/tusoi.db';

let instance: Db | undefined;

/** The app's database, opened and migrated on first use. */
export function getDb(): Db {
	instance ??= createDb(DATABASE_FILE);
	return instance;
}
