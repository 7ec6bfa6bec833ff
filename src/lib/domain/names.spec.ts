import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnameseNames } from './names';

const sorted = (names: string[]) => [...names].sort(compareVietnameseNames);

describe('Vietnamese name order', () => {
	it('orders by the given name, the last word', () => {
		expect(sorted(['Nguyễn Văn Bình', 'Trần Thị An', 'Lê Cường'])).toEqual([
			'Trần Thị An',
			'Nguyễn Văn Bình',
			'Lê Cường'
		]);
	});

	it('orders Vietnamese letters as Vietnamese does: a, ă, â, … d, đ', () => {
		expect(sorted(['Lê Văn Đức', 'Lê Văn Dũng', 'Lê Thị Ân', 'Lê Thị Ăn', 'Lê Thị An'])).toEqual([
			'Lê Thị An',
			'Lê Thị Ăn',
			'Lê Thị Ân',
			'Lê Văn Dũng',
			'Lê Văn Đức'
		]);
	});

	it('breaks a tie of given names by the whole name', () => {
		expect(sorted(['Trần Văn Hùng', 'Lê Hùng', 'Nguyễn Hùng'])).toEqual(['Lê Hùng', 'Nguyễn Hùng', 'Trần Văn Hùng']);
		expect(compareVietnameseNames('Lê Hùng', 'Nguyễn Hùng')).toBeLessThan(0);
		expect(compareVietnameseNames('Nguyễn Hùng', 'Lê Hùng')).toBeGreaterThan(0);
		expect(compareVietnameseNames('Lê Hùng', 'Lê Hùng')).toBe(0);
	});

	it('reads the given name past stray spaces', () => {
		expect(sorted(['Nguyễn Văn Bình  ', '  Trần   Thị An'])).toEqual(['  Trần   Thị An', 'Nguyễn Văn Bình  ']);
		expect(sorted(['Phạm Bình\t', 'Đỗ An'])).toEqual(['Đỗ An', 'Phạm Bình\t']);
		expect(compareVietnameseNames('', 'An')).toBeLessThan(0);
	});

	it('is a consistent order: antisymmetric, and zero only for the same name', () => {
		const name = fc.array(fc.constantFrom('An', 'Ăn', 'Bình', 'Đức', 'Dũng', 'Nguyễn', 'Lê', 'Thị', 'Văn'), {
			minLength: 1,
			maxLength: 4
		});
		fc.assert(
			fc.property(name, name, (a, b) => {
				const x = a.join(' ');
				const y = b.join(' ');
				expect(Math.sign(compareVietnameseNames(x, y))).toBe(-Math.sign(compareVietnameseNames(y, x)) || 0);
				expect(compareVietnameseNames(x, y) === 0).toBe(x === y);
			})
		);
	});
});
