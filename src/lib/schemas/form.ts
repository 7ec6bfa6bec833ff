// The one form contract: every refused form action answers `fail(status, { values, errors })`.
//   values — what was typed, so the form refills (never a password: any field named like one is left out);
//   errors — field name → Vietnamese message, shown next to that field; `form` holds a message for no field.
//
// Why our own helper and not sveltekit-superforms: superforms 2 does support zod 4 (the `zod4` adapter) and
// Svelte 5, but it moves validation into its own load/action/store cycle (superValidate in every load, a
// client store per form, JSON-schema defaults) and would add a dependency plus a rewrite of every page.
// Our forms are plain POST forms that must work without JavaScript, already validated by zod schemas
// and by use cases that refuse with { ok: false, message, field? }; what was missing is only a uniform
// refusal shape. These few functions give that shape, and pages keep reading the `form` prop as before.
import { fail } from '@sveltejs/kit';
import type { z } from './zod';

/** What the user typed, by field name. */
export type FormValues = Record<string, string>;
/** Field name → message; `form` for a message not tied to one field. */
export type FormErrors = Record<string, string>;

/** Longest value sent back (a pasted template is the longest legitimate one); a longer one is not refilled, never cut. */
const MAX_VALUE_LENGTH = 500_000;
const SECRET = /password/i;

/** Field name → first error message, for showing each error next to its field. */
export function fieldErrors(error: z.ZodError): FormErrors {
	const out: FormErrors = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		out[key] ??= issue.message;
	}
	return out;
}

/** A form's text fields as a plain object (files and repeated fields ignored beyond the first value). */
export function formFields(data: FormData, names: readonly string[]): Record<string, string | undefined> {
	const out: Record<string, string | undefined> = {};
	for (const name of names) {
		const value = data.get(name);
		out[name] = typeof value === 'string' ? value : undefined;
	}
	return out;
}

/** The typed text fields to send back with a refusal: first value of each name, no files, no passwords. */
export function formValues(data: FormData): FormValues {
	const out: FormValues = {};
	for (const [name, value] of data.entries()) {
		if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH || SECRET.test(name) || name in out) continue;
		out[name] = value;
	}
	return out;
}

/** The outcome of parsing a form: the schema's data, or what to refuse with. */
export type ParsedForm<T> =
	{ ok: true; data: T; values: FormValues } | { ok: false; values: FormValues; errors: FormErrors };

/**
 * Parse a posted form with its schema. By default the schema sees the text fields (the last value of a
 * repeated name, as Object.fromEntries does); `input` shapes them otherwise (checkboxes, lists).
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	data: FormData,
	input: (data: FormData) => unknown = textFields
): ParsedForm<z.output<S>> {
	const values = formValues(data);
	const parsed = schema.safeParse(input(data));
	return parsed.success
		? { ok: true, data: parsed.data, values }
		: { ok: false, values, errors: fieldErrors(parsed.error) };
}

function textFields(data: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of data.entries()) if (typeof value === 'string') out[name] = value;
	return out;
}

/** A use case's refusal ({ message, field? }) as form errors: next to its field, or for the whole form. */
export function refusalErrors(result: { message: string; field?: string | null }): FormErrors {
	return { [result.field ?? 'form']: result.message };
}

/**
 * Refuse a form action: `fail(status, { values, errors })`, with `extra` for what a page needs beside
 * (which of several forms was posted, a preview to show again).
 */
export function refuse<E extends Record<string, unknown> = Record<never, never>>(
	status: number,
	values: FormValues,
	errors: FormErrors,
	extra?: E
) {
	return fail(status, { ...(extra as E), values, errors });
}

/** The aria attributes tying a field to its message: spread onto the input, select or textarea. */
export function fieldAttrs(errors: FormErrors | null | undefined, name: string, id = `${name}-error`) {
	return errors?.[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': id } : {};
}
