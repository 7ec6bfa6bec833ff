import { describe, expect, it } from 'vitest';
import { SWIPE_MAX_DURATION, SWIPE_MIN_DISTANCE, swipeDirection, typingTarget, type ElementLike } from './swipe';

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

/** An element with its attributes, inside `parent`. */
const el = (
	tagName: string,
	attributes: Record<string, string> = {},
	parent: ElementLike | null = null
): ElementLike => ({
	tagName,
	getAttribute: (name) => attributes[name] ?? null,
	parentElement: parent
});

describe('typingTarget', () => {
	const page = el('MAIN', {}, el('BODY'));

	it('is true in a field that takes typing or choosing, whatever case its tag is written in', () => {
		for (const tag of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) expect(typingTarget(el(tag, {}, page))).toBe(true);
	});

	it('is true inside such a field: an option of a select, a word inside editable text', () => {
		expect(typingTarget(el('OPTION', {}, el('SELECT', {}, page)))).toBe(true);
		expect(typingTarget(el('B', {}, el('DIV', { contenteditable: '' }, page)))).toBe(true);
		expect(typingTarget(el('DIV', { contenteditable: 'true' }, page))).toBe(true);
		expect(typingTarget(el('DIV', { contenteditable: 'plaintext-only' }, page))).toBe(true);
	});

	it('is false on the page around the fields, on text marked not editable, and on nothing', () => {
		expect(typingTarget(el('A', {}, page))).toBe(false);
		expect(typingTarget(el('LABEL', {}, el('FIELDSET', {}, page)))).toBe(false);
		expect(typingTarget(el('DIV', { contenteditable: 'false' }, page))).toBe(false);
		expect(typingTarget(null)).toBe(false);
	});

	it('is true in editable text around a part marked not editable', () => {
		expect(typingTarget(el('SPAN', { contenteditable: 'false' }, el('DIV', { contenteditable: 'true' }, page)))).toBe(
			true
		);
	});
});
