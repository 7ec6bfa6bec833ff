// Text as people type it, made one way before anything checks or stores it. Unikey and phones send
// Vietnamese either precomposed (NFC: "ệ" is one character) or as a letter and combining marks (NFD:
// "e" + U+0323 + U+0302); they look alike but compare, count and print differently. Names also lose the
// characters nobody can see: zero-width ones and bidirectional controls, which make two names that look
// the same differ, or show a name reversed.
import { z } from './zod';

/** Zero-width space, non-joiner and joiner, word joiner and the BOM; every bidirectional mark, embedding, override and isolate. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** Text in its composed form (NFC), as stored, compared and printed. */
export function composed(text: string): string {
	return text.normalize('NFC');
}

/** A name (a person's, a unit's, a login id) composed and without invisible characters. */
export function cleanName(text: string): string {
	return composed(text).replace(INVISIBLE, '');
}

type StringParams = Parameters<typeof z.string>[0];

/** A text field, composed before the checks that follow it (trim, lengths) see it. */
export const textField = (params?: StringParams) => z.string(params).overwrite(composed);

/** A name field: composed and without invisible characters before the checks that follow it. */
export const nameField = (params?: StringParams) => z.string(params).overwrite(cleanName);
