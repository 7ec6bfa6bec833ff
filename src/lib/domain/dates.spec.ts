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
