import { describe, expect, it } from 'vitest';
import { SWIPE_MAX_DURATION, SWIPE_MIN_DISTANCE, swipeDirection } from './swipe';

const at = (x: number, y = 300, t = 0) => ({ x, y, t });

describe('swipeDirection', () => {
	it('reads right to left as the next sheet and left to right as the previous one', () => {
		expect(swipeDirection(at(300), at(100, 310, 200))).toBe('next');
		expect(swipeDirection(at(100), at(300, 290, 200))).toBe('prev');
	});

	it('needs the whole distance: one pixel short is no swipe', () => {
		expect(swipeDirection(at(300), at(300 - SWIPE_MIN_DISTANCE, 300, 100))).toBe('next');
		expect(swipeDirection(at(300), at(300 - SWIPE_MIN_DISTANCE + 1, 300, 100))).toBeNull();
		expect(swipeDirection(at(100), at(100 + SWIPE_MIN_DISTANCE - 1, 300, 100))).toBeNull();
	});

	it('takes a mostly vertical movement for a scroll, not a swipe', () => {
		expect(swipeDirection(at(300, 100), at(180, 400, 200))).toBeNull();
		expect(swipeDirection(at(300, 100), at(180, 161, 200))).toBeNull();
		expect(swipeDirection(at(300, 100), at(180, 160, 200))).toBe('next');
	});

	it('ignores a slow drag', () => {
		expect(swipeDirection(at(300), at(100, 300, SWIPE_MAX_DURATION))).toBe('next');
		expect(swipeDirection(at(300), at(100, 300, SWIPE_MAX_DURATION + 1))).toBeNull();
	});
});
