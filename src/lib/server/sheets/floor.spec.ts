import { describe, expect, it } from 'vitest';
import defaultTemplateJson from '../../data/template-default.json' with { type: 'json' };
import { FLOOR_GROUP, floorSheet } from './floor';

describe("the benchmark's form floor", () => {
	it("is the largest group's whole form, every sign answered, open for editing, built once", () => {
		const sheet = floorSheet();
		const signs = sheet.categories.flatMap((c) => c.parents.flatMap((p) => p.signs));
		expect(sheet.group).toBe(FLOOR_GROUP);
		// Group A has the most signs on the bundled template (56 in edition 2).
		const ofGroup = (g: string) => defaultTemplateJson.signs.filter((s) => s.groups.includes(g)).length;
		expect(ofGroup(FLOOR_GROUP)).toBeGreaterThan(Math.max(ofGroup('B'), ofGroup('C')));
		expect(signs).toHaveLength(ofGroup(FLOOR_GROUP));
		expect(Object.keys(sheet.answers)).toHaveLength(ofGroup(FLOOR_GROUP));
		expect(sheet.editable).toBe(true);
		expect(sheet.notes).toEqual([]);
		expect(floorSheet()).toBe(sheet);
	});
});
