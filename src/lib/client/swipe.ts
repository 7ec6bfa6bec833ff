// A horizontal swipe on a touch screen, read from pointer events: which way it went, if it was one. Pure, so the
// thresholds are tested without a browser; `swipeable` says where a swipe may start at all, `typingTarget` where
// keys and a finger belong to a field.

/** A finger must travel this far sideways (CSS px) to count as a swipe. */
export const SWIPE_MIN_DISTANCE = 80;
/** …mostly sideways: at least this many times further across than up or down (a scroll is not a swipe). */
export const SWIPE_MIN_RATIO = 2;
/** …and within this time (ms); a slow drag is someone reading with a finger on the glass. */
export const SWIPE_MAX_DURATION = 800;

export interface PointerTrack {
	x: number;
	y: number;
	t: number;
}

/**
 * The way a finger moved from `start` to `end`: 'next' for right to left (the page moves on, as a book's does),
 * 'prev' for left to right, null when it was not a swipe.
 */
export function swipeDirection(start: PointerTrack, end: PointerTrack): 'prev' | 'next' | null {
	const dx = end.x - start.x;
	const dy = end.y - start.y;
	if (Math.abs(dx) < SWIPE_MIN_DISTANCE) return null;
	if (Math.abs(dx) < SWIPE_MIN_RATIO * Math.abs(dy)) return null;
	if (end.t - start.t > SWIPE_MAX_DURATION) return null;
	return dx < 0 ? 'next' : 'prev';
}

/** What `typingTarget` reads of an element and its ancestors (an Element has it all). */
export interface ElementLike {
	tagName: string;
	getAttribute(name: string): string | null;
	parentElement: ElementLike | null;
}

/**
 * Whether this element is in a field that takes typing or choosing (an input, a text area, a select, editable
 * text), where keys and a finger are the field's own: no shortcut, no swipe.
 */
export function typingTarget(target: ElementLike | null): boolean {
	for (let el = target; el; el = el.parentElement) {
		if (/^(input|textarea|select)$/i.test(el.tagName)) return true;
		const editable = el.getAttribute('contenteditable');
		if (editable !== null && editable !== 'false') return true;
	}
	return false;
}

/**
 * Whether a swipe may start on this element: not in a text field (where a finger selects or moves the caret)
 * and not inside anything that scrolls sideways itself (a wide table's frame), whose own scroll comes first.
 */
export function swipeable(target: Element | null): boolean {
	if (!target || typingTarget(target)) return false;
	for (let el: Element | null = target; el && el !== document.documentElement; el = el.parentElement) {
		const overflow = getComputedStyle(el).overflowX;
		if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth) return false;
	}
	return true;
}
