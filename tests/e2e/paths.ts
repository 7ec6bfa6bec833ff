/** The database the browser tests' server runs on (fresh for every run). */
export const E2E_DATABASE = '.test-output/e2e.db';
/** Ports of the two test servers; E2E_PORT moves both, so two checkouts can run their browser tests at once. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
/** The server of a real installation from an empty database (setup-province.e2e.ts). */
export const E2E_EMPTY_PORT = E2E_PORT + 1;
