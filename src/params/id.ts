import type { ParamMatcher } from '@sveltejs/kit';

/** A database id in a URL: a positive whole number that fits a safe integer; anything else is a 404 before any load runs. */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,14}$/.test(param);
