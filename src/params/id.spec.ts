import { describe, expect, it } from 'vitest';
import { match } from './id';

describe('the id matcher', () => {
	it('takes positive whole numbers that are safe integers', () => {
		for (const id of ['1', '42', '999999999999999']) expect(match(id)).toBe(true);
	});

	it('refuses anything else, so such URLs are a 404 before a load runs', () => {
		for (const id of ['0', '-1', '01', '1.5', '1e3', ' 1', 'abc', '', '9999999999999999', '0x10'])
			expect(match(id)).toBe(false);
	});
});
