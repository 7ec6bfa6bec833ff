import { describe, expect, it } from 'vitest';
import { tabIdFor } from './tab';

describe('the tab id a page keeps its copies under', () => {
	const fresh = () => 'new-id';

	it('is the tab’s own when no other open page holds it: a reload, a tab reopened', () => {
		expect(tabIdFor('tab-a', null, fresh)).toBe('tab-a');
		expect(tabIdFor('tab-a', 'tab-b', fresh)).toBe('tab-a');
	});

	it('is a new one for a duplicated tab, whose copied storage says its original is still open', () => {
		expect(tabIdFor('tab-a', 'tab-a', fresh)).toBe('new-id');
	});

	it('is a new one for a tab that has none yet', () => {
		expect(tabIdFor(null, null, fresh)).toBe('new-id');
		expect(tabIdFor('', null, fresh)).toBe('new-id');
	});
});
