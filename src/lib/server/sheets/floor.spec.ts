import { describe, expect, it } from 'vitest';
import { FLOOR_GROUP, floorSheet } from './floor';

describe("the benchmark's form floor", () => {
	it("is the largest group's whole form, every sign answered, open for editing, built once", () => {
		const sheet = floorSheet();
		const signs = sheet.categories.flatMap((c) => c.parents.flatMap((p) => p.signs));
		expect(sheet.group).toBe(FLOOR_GROUP);
		expect(signs).toHaveLength(52);
		expect(Object.keys(sheet.answers)).toHaveLength(52);
		expect(sheet.editable).toBe(true);
		expect(sheet.notes).toEqual([]);
		expect(floorSheet()).toBe(sheet);
	});
});
