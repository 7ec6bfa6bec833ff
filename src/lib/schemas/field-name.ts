// The sheet form's field names: a field and, after a dot, the code it belongs to (`level.TT1.2` is the level of
// sign TT1.2); a name without a dot is a field of the sheet itself.
// No zod here: the sheet page's early-answer script reads names with it too, and stays small.

/** A form field's name split at its first dot: `level.TT1.2` → field `level`, code `TT1.2`; `commitment` → code ''. */
export function fieldName(name: string): { field: string; code: string } {
	const dot = name.indexOf('.');
	return dot < 0 ? { field: name, code: '' } : { field: name.slice(0, dot), code: name.slice(dot + 1) };
}
