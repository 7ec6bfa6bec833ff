import { defineConfig, devices } from '@playwright/test';
import { E2E_DATABASE, E2E_EMPTY_PORT, E2E_PORT } from './tests/e2e/paths';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	workers: 2,
	retries: 0,
	timeout: 30_000,
	reporter: [['list']],
	use: {
		...devices['Desktop Chrome'],
		channel: undefined,
		baseURL: `http://localhost:${E2E_PORT}`,
		locale: 'vi-VN',
		launchOptions: {
			// Debian's Chromium; Playwright's own browser download cannot run on a machine without internet.
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: [
		{
			// The built server on its own fresh database, the way `npm start` runs it.
			command: 'node scripts/e2e-server.js',
			url: `http://localhost:${E2E_PORT}/login`,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe',
			env: { PORT: String(E2E_PORT), ORIGIN: `http://localhost:${E2E_PORT}`, DATABASE_URL: E2E_DATABASE }
		},
		{
			// A real installation from an empty database (no demo data), for setup-province.e2e.ts.
			command: 'node scripts/e2e-server.js',
			url: `http://localhost:${E2E_EMPTY_PORT}/login`,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe',
			env: {
				PORT: String(E2E_EMPTY_PORT),
				ORIGIN: `http://localhost:${E2E_EMPTY_PORT}`,
				DATABASE_URL: '.test-output/empty.db',
				TUSOI_DEMO: '0',
				TUSOI_ROOT_NAME: 'Đảng bộ tỉnh Thử Nghiệm',
				TUSOI_ADMIN_PASSWORD: 'tam-thoi-quan-tri'
			}
		}
	]
});
