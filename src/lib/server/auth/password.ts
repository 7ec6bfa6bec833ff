import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { composed } from '../../schemas/text';

// The parameters the Lucia guide recommends for argon2id (OWASP minimums).
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

// A password is hashed and checked in its composed form (NFC): "mậtkhẩu" typed with Unikey's combining
// marks on one device and precomposed on another is the same password.

/** Hashes a password, composed, with argon2id. */
export function hashPassword(password: string): Promise<string> {
	return hash(composed(password), ARGON2_OPTIONS);
}

/**
 * Checks a password, composed, against a stored argon2 hash, or a one-time code against its SHA-256 (an imported
 * account's first sign-in); a malformed hash counts as a mismatch.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	if (passwordHash.startsWith(ONE_TIME_PREFIX)) {
		const ok = verifyOneTimeCode(passwordHash, password);
		// As long as an argon2 check, so a sign-in's timing does not tell whether the account still has its code.
		await verifyAgainstDummy(password);
		return ok;
	}
	try {
		return await verify(passwordHash, composed(password));
	} catch (err) {
		console.error('Password hash could not be verified:', err);
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown username cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('tusoi-dummy-password');
	await verifyPassword(await dummyHash, password);
	return false;
}

// Printed on paper and typed by hand, often on a phone: lower case and digits without 0/o, 1/l/i look-alikes.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const PASSWORD_LENGTH = 12;

/** A random temporary password (12 characters, about 59 bits), drawn without modulo bias. */
export function generateTemporaryPassword(): string {
	return randomCharacters(PASSWORD_LENGTH);
}

// One-time codes, for member imports. A temporary password of 12 characters (59 bits) must be hashed with argon2id,
// since people choose passwords and a slow hash is what protects a guessable one; 54,000 of them cost ~12 minutes of
// both cores. A code is not chosen by anyone: 16 characters drawn from 31 (79 bits) cannot be guessed from a fast
// hash either (2^78 SHA-256 tries is thousands of GPU-years), so a salted SHA-256 is the hash fit for it
// (docs/operations.md, "Nhập đảng viên"). It is only a first key: signing in with it forces a new password, which is
// then hashed with argon2id like every other.
const ONE_TIME_PREFIX = '$otc-sha256$';
const CODE_LENGTH = 16;

function randomCharacters(length: number): string {
	const limit = 256 - (256 % PASSWORD_ALPHABET.length);
	let out = '';
	while (out.length < length) {
		for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
			if (byte < limit && out.length < length) out += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
		}
	}
	return out;
}

/** A one-time code of 16 characters (79 bits) in four groups for reading off paper: "k7mq-2xhp-...". */
export function generateOneTimeCode(): string {
	return randomCharacters(CODE_LENGTH).match(/.{4}/g)!.join('-');
}

/** A code as typed: case, spaces and dashes do not count. */
const typedCode = (code: string) => composed(code).toLowerCase().replace(/[\s-]/g, '');

const digest = (salt: Buffer, code: string) => createHash('sha256').update(salt).update(typedCode(code)).digest();

/** The stored form of a one-time code: a random salt and the SHA-256 of salt and code. */
export function hashOneTimeCode(code: string): string {
	const salt = randomBytes(16);
	return `${ONE_TIME_PREFIX}${salt.toString('base64')}$${digest(salt, code).toString('base64')}`;
}

function verifyOneTimeCode(stored: string, code: string): boolean {
	const [salt, expected] = stored.slice(ONE_TIME_PREFIX.length).split('$');
	if (!salt || !expected) return false;
	const want = Buffer.from(expected, 'base64');
	const got = digest(Buffer.from(salt, 'base64'), code);
	return want.length === got.length && timingSafeEqual(want, got);
}
