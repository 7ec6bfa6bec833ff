// Each domain module loads: tables built when a module is first imported (the 27 signs, the parent ids,
// the Vietnamese collator, the Vietnam-time formatters) are built without throwing. Imported inside the
// tests, so that a module that cannot load fails a test here rather than only the loading of its specs.
import { describe, expect, it } from 'vitest';

describe('the domain modules', () => {
	it('load the catalog of the 27 signs, indexed by id', async () => {
		const { SIGNS, signById } = await import('./catalog');
		expect(SIGNS).toHaveLength(27);
		expect(SIGNS.every((sign) => signById(sign.id) === sign)).toBe(true);
	});

	it('load the template vocabulary with all 27 parent ids', async () => {
		const { PARENT_IDS } = await import('./template');
		expect(PARENT_IDS).toHaveLength(27);
	});

	it('load the Vietnam-time date formats', async () => {
		const { APP_TIME_ZONE, formatDateTime } = await import('./dates');
		expect(APP_TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
		expect(formatDateTime(Date.parse('2026-12-01T17:30:00Z'))).toBe('02/12/2026 00:30');
	});

	it('load the Vietnamese name order', async () => {
		const { compareVietnameseNames } = await import('./names');
		expect(compareVietnameseNames('Lê Văn Dũng', 'Lê Văn Đức')).toBeLessThan(0);
	});
});
