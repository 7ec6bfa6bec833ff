import { describe, expect, it } from 'vitest';
import { addDays, formatDate, formatDateTime, formatTime, todayIso } from './dates';

// 17:30 on 1 December in UTC is already half past midnight on 2 December in Vietnam (UTC+7).
const lateEveningUtc = new Date('2026-12-01T17:30:00Z');

describe('dates in Vietnam time', () => {
	it('counts the day in Vietnam, not where the server runs', () => {
		expect(todayIso(lateEveningUtc)).toBe('2026-12-02');
	});

	it('prints a moment as day/month/year and 24-hour time in Vietnam', () => {
		expect(formatDateTime(lateEveningUtc)).toBe('02/12/2026 00:30');
		expect(formatTime(lateEveningUtc)).toBe('00:30');
	});

	it('turns an ISO day into dd/mm/yyyy and steps across month ends', () => {
		expect(formatDate('2026-03-07')).toBe('07/03/2026');
		expect(formatDate(null)).toBe('');
		expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});
});

describe('dates: edges', () => {
	it('is the same day in Vietnam until 17:00 UTC', () => {
		expect(todayIso(new Date('2026-12-01T16:59:59Z'))).toBe('2026-12-01');
		expect(todayIso(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
		expect(todayIso(new Date('2026-01-05T03:00:00Z'))).toBe('2026-01-05');
	});

	it('prints hours and minutes in two digits, 24-hour', () => {
		expect(formatTime(new Date('2026-12-01T07:05:00Z'))).toBe('14:05');
		expect(formatTime(Date.parse('2026-12-01T01:02:00Z'))).toBe('08:02');
		expect(formatDateTime(Date.parse('2026-03-07T07:05:00Z'))).toBe('07/03/2026 14:05');
	});

	it('leaves a date it cannot split as it is, and prints nothing for no date', () => {
		expect(formatDate(undefined)).toBe('');
		expect(formatDate('')).toBe('');
		expect(formatDate('2026-03')).toBe('2026-03');
		expect(formatDate('2026')).toBe('2026');
	});

	it('steps any number of days, across years', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-07', 0)).toBe('2026-03-07');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
	});
});
