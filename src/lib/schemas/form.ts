import type { z } from './zod';

/** Field name → first error message, for showing each error next to its field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
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
