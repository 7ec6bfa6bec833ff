// On a slow connection the sheet's HTML arrives seconds before its scripts (≈ 1,3 s and 3,7 s on slow 3G): its
// radios can be tapped and its fields typed in already, but the page coming alive would undo that. A few lines in
// app.html write down each choice and each keystroke's value before then (`window.__tusoiEarly`); the sheet takes
// them once it runs, as if made then, so nothing done early is lost and the member can start at once.
import { ANSWER_LEVELS, type AnswerLevel } from '$lib/domain/template';
import { fieldName } from '$lib/schemas/field-name';

/** What app.html's script writes down: each field's name and value, in the order they were chosen or typed. */
export type EarlyChoices = [name: string, value: string][];

/** The levels chosen before the scripts ran, for the signs of this sheet, the last choice of each sign winning. */
export function earlyLevels(choices: EarlyChoices, codes: ReadonlySet<string>): Map<string, AnswerLevel> {
	const levels = new Map<string, AnswerLevel>();
	for (const [name, value] of choices) {
		const { field, code } = fieldName(name);
		if (field !== 'level' || !codes.has(code)) continue;
		const level = ANSWER_LEVELS.find((l) => String(l) === value);
		if (level !== undefined) levels.set(code, level);
	}
	return levels;
}

/** The other fields' last values by name (a text typed, a quality level chosen): the sheet gives them to its fields. */
export function earlyFields(choices: EarlyChoices): Map<string, string> {
	const fields = new Map<string, string>();
	for (const [name, value] of choices) {
		if (fieldName(name).field === 'level') continue;
		fields.delete(name); // the order of the last change of each field
		fields.set(name, value);
	}
	return fields;
}

/**
 * Gives each field of `form` the value it was given early, and tells it so the way the browser would (`input` and
 * `change`; for a radio, the one with that value is checked), so the field's own handler records it.
 */
export function giveBack(form: HTMLFormElement, fields: ReadonlyMap<string, string>): void {
	for (const [name, value] of fields) {
		const named = form.elements.namedItem(name);
		for (const control of named instanceof RadioNodeList ? [...named] : named ? [named] : []) {
			if (control instanceof HTMLInputElement && control.type === 'radio') {
				if (control.value !== value) continue;
				control.checked = true;
				control.dispatchEvent(new Event('change', { bubbles: true }));
			} else if (
				control instanceof HTMLInputElement ||
				control instanceof HTMLTextAreaElement ||
				control instanceof HTMLSelectElement
			) {
				control.value = value;
				control.dispatchEvent(new Event('input', { bubbles: true }));
				control.dispatchEvent(new Event('change', { bubbles: true }));
			}
		}
	}
}

/** Takes what app.html's script wrote down (once: later choices are the page's own). */
export function takeEarlyChoices(): EarlyChoices {
	const choices = window.__tusoiEarly ?? [];
	window.__tusoiEarly = null;
	return choices;
}
