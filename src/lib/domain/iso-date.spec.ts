import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealIsoDate } from './iso-date';

describe('a real ISO date', () => {
	it('accepts calendar days written YYYY-MM-DD, leap days included', () => {
		expect(isRealIsoDate('2026-03-07')).toBe(true);
		expect(isRealIsoDate('2028-02-29')).toBe(true);
		expect(isRealIsoDate('2026-12-31')).toBe(true);
	});

	it('refuses days the calendar does not have', () => {
		expect(isRealIsoDate('2026-02-29')).toBe(false);
		expect(isRealIsoDate('2026-02-30')).toBe(false);
		expect(isRealIsoDate('2026-13-45')).toBe(false);
		expect(isRealIsoDate('2026-00-10')).toBe(false);
		expect(isRealIsoDate('2026-04-31')).toBe(false);
	});

	it('refuses other spellings of a day', () => {
		expect(isRealIsoDate('2026-3-7')).toBe(false);
		expect(isRealIsoDate('07/03/2026')).toBe(false);
		expect(isRealIsoDate(' 2026-03-07')).toBe(false);
		expect(isRealIsoDate('2026-03-07 ')).toBe(false);
		expect(isRealIsoDate('x2026-03-07')).toBe(false);
		expect(isRealIsoDate('2026-03-07x')).toBe(false);
		expect(isRealIsoDate('2026-03-07T00:00:00Z')).toBe(false);
		expect(isRealIsoDate('')).toBe(false);
	});

	it('holds exactly for the days a Date prints back the same', () => {
		fc.assert(
			fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
				expect(isRealIsoDate(d.toISOString().slice(0, 10))).toBe(true);
			})
		);
		fc.assert(
			fc.property(
				fc.integer({ min: 1900, max: 2199 }),
				fc.integer({ min: 0, max: 99 }),
				fc.integer({ min: 0, max: 99 }),
				(y, m, d) => {
					const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
					const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
					expect(isRealIsoDate(text)).toBe(real);
				}
			)
		);
	});
});
