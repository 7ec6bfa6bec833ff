import { describe, expect, it } from 'vitest';
import { closedPeriodMessage, overlappingPeriod, periodLock, unitsOverlap, type OpenPeriod } from './period';

describe('period rules', () => {
	it('makes a closed period read-only, naming its year, and a period not yet open too', () => {
		const closedAt = new Date('2025-12-31T10:00:00Z');
		expect(closedPeriodMessage({ year: 2025, closedAt })).toBe(
			'Đợt kiểm điểm năm 2025 đã kết thúc: phiếu chỉ còn để xem.'
		);
		expect(closedPeriodMessage({ year: 2026, closedAt: null })).toBeNull();
		expect(periodLock({ year: 2026, opensOn: '2026-03-01', closedAt: null }, '2026-03-01')).toBeNull();
		expect(periodLock({ year: 2026, opensOn: '2026-03-01', closedAt: null }, '2026-02-28')).toMatch(/chưa mở/);
	});

	it('finds an open period of the same year over the unit, under it, or on it — not beside it', () => {
		const open: OpenPeriod[] = [{ id: 1, name: 'Năm 2026', year: 2026, unitName: 'Phường Một', unitPath: '/1/2/' }];
		expect(overlappingPeriod({ year: 2026, unitPath: '/1/2/' }, open)?.id).toBe(1);
		expect(overlappingPeriod({ year: 2026, unitPath: '/1/2/5/' }, open)?.id).toBe(1);
		expect(overlappingPeriod({ year: 2026, unitPath: '/1/' }, open)?.id).toBe(1);
		expect(overlappingPeriod({ year: 2026, unitPath: '/1/20/' }, open)).toBeUndefined();
		expect(overlappingPeriod({ year: 2027, unitPath: '/1/2/' }, open)).toBeUndefined();
		expect(overlappingPeriod({ year: 2026, unitPath: '/1/2/', exceptId: 1 }, open)).toBeUndefined();
		expect(unitsOverlap('/1/2/', '/1/3/')).toBe(false);
	});
});
