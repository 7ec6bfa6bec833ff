// Browsers drop tabs and newlines inside a Location header and read a leading `//` or `/\` as another host,
// and Node refuses a header with a newline or a character outside Latin-1 (a 500). So the page to return to
// is checked on its decoded form, resolved the way a browser would, and handed back re-serialised (ASCII).
const UNSAFE_CHARACTER = /[\p{Cc}\p{Cf}\p{Z}\s]/u;
const MAX_LENGTH = 2000;

function isLocalPath(path: string): boolean {
	return path.startsWith('/') && path[1] !== '/' && path[1] !== '\\';
}

/**
 * The page to go to after signing in: `next` when it is a path on `origin` (re-serialised, so only
 * printable ASCII), otherwise `/`. `next` is the decoded value, as `url.searchParams.get('next')` gives it.
 */
export function safeNext(next: string | null | undefined, origin: string): string {
	if (!next || next.length > MAX_LENGTH || !isLocalPath(next) || UNSAFE_CHARACTER.test(next)) return '/';
	let resolved: URL;
	try {
		resolved = new URL(next, origin);
	} catch {
		return '/';
	}
	if (resolved.origin !== new URL(origin).origin) return '/';
	// Dot segments can leave an empty first segment behind: `/.//evil` resolves to the path `//evil`.
	const path = resolved.pathname + resolved.search + resolved.hash;
	return isLocalPath(path) ? path : '/';
}
