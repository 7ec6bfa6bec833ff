import { describe, expect, it } from 'vitest';
import { earlyFields, earlyLevels } from './early-answers';

describe('earlyLevels', () => {
	const codes = new Set(['TT1.1', 'TT1.2', 'DD2.1']);

	it('keeps the last level chosen for each sign of the sheet, "Không áp dụng" included', () => {
		const levels = earlyLevels(
			[
				['level.TT1.1', '2'],
				['level.TT1.2', 'na'],
				['level.TT1.1', '0']
			],
			codes
		);
		expect([...levels]).toEqual([
			['TT1.1', 0],
			['TT1.2', 'na']
		]);
	});

	it('ignores other fields, signs not on this sheet and values that are no level', () => {
		const levels = earlyLevels(
			[
				['progress.X1', 'done'],
				['level.XX9.9', '1'],
				['level.DD2.1', '7'],
				['level.DD2.1', ''],
				['level.', '1']
			],
			codes
		);
		expect(levels.size).toBe(0);
	});
});

describe('earlyFields', () => {
	it('keeps the last value typed or chosen in each other field, in the order of their last change, and no level', () => {
		const fields = earlyFields([
			['section.ID.work', 'Trạm'],
			['level.TT1.1', '2'],
			['quality.B.II', 'tot'],
			['section.ID.work', 'Trạm y tế xã'],
			['section.ID.work', 'Trạm y tế xã Mường Tè']
		]);
		expect([...fields]).toEqual([
			['quality.B.II', 'tot'],
			['section.ID.work', 'Trạm y tế xã Mường Tè']
		]);
	});
});
