import { createDb, type Connection } from '../../src/lib/server/db/client';

/**
 * A fresh test database that records every statement its connection runs, as better-sqlite3 reports them (BEGIN and
 * COMMIT of a transaction included, each compiled statement once per run), so a test can count what one request costs.
 */
export function createCountingDb(): {
	db: Connection;
	count: <T>(work: () => T) => { result: T; statements: string[] };
} {
	let log: string[] | null = null;
	const db = createDb(':memory:', { verbose: (sql) => log?.push(String(sql).replace(/\s+/g, ' ').trim()) });
	return {
		db,
		count<T>(work: () => T) {
			const statements: string[] = [];
			log = statements;
			try {
				return { result: work(), statements };
			} finally {
				log = null;
			}
		}
	};
}

/** BEGIN, COMMIT, ROLLBACK, SAVEPOINT and RELEASE: the statements that frame a transaction. */
export const isTransactionControl = (sql: string) => /^(begin|commit|end|rollback|savepoint|release)\b/i.test(sql);
