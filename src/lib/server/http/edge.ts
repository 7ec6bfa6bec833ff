// What the server accepts at its edge, before any route runs: the kind of body each address takes and how
// large a body may be. Pure functions of the request and the signed-in user, so the hooks stay a list.
import type { AuthUser } from '../auth/types';
import { isAdmin } from '../auth/access';

/**
 * The largest body of any request but a member import. Measured on the demo province: the largest real
 * form post of a group A sheet (52 signs, all texts filled) is 5,585 bytes urlencoded; the same sheet with
 * every note, action, plan line and long text at its limit in ordinary Vietnamese is 339,247 bytes
 * (tests/faults/headers.spec.ts posts it); a template upload may be 400,000 bytes (MAX_TEMPLATE_BYTES) plus
 * the multipart envelope. 512 KiB covers all three. Only every field at its limit in 3-byte letters alone
 * (1,074,049 bytes) is over it; the autosave sends only what changed since its last save.
 */
export const BODY_CAP = 512 * 1024;

/** The one address that takes large bodies: the member list upload, up to BODY_SIZE_LIMIT (scripts/serve.js). */
export const IMPORT_PATH = '/admin/import';

/** The most a request may send: the small cap for everyone but an administrator importing members. */
export function bodyCapFor(pathname: string, user: AuthUser | null): number {
	return pathname === IMPORT_PATH && user && isAdmin(user) ? Infinity : BODY_CAP;
}

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\s*(;|$)/i;
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** The JSON endpoints; every other write is a form action. */
export const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/**
 * Whether a write's content type is one its address reads: JSON for the endpoints under /api, a form
 * (urlencoded or multipart) for every form action. Anything else, or none, is refused before it is read.
 */
export function acceptsContentType(pathname: string, contentType: string | null): boolean {
	const type = (contentType ?? '').trim();
	return isApiPath(pathname) ? JSON_TYPE.test(type) : FORM_TYPES.test(type);
}

/** True when the body is at most `cap` bytes. Stops reading at the cap, so a longer chunked body is never read whole. */
export async function fitsWithin(body: ReadableStream<Uint8Array> | null, cap: number): Promise<boolean> {
	if (!body) return true;
	const reader = body.getReader();
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return true;
		size += value.byteLength;
		if (size > cap) {
			// Not awaited: cancelling one branch of a cloned body settles only once the other is cancelled too.
			reader.cancel().catch(() => undefined);
			return false;
		}
	}
}
