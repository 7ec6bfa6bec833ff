/** The database the browser tests' server runs on (fresh for every run). */
export const E2E_DATABASE = '.test-output/e2e.db';
export const E2E_PORT = 4173;
