import { hash, verify } from '@node-rs/argon2';
import { composed } from '../../schemas/text';

// The parameters the Lucia guide recommends for argon2id (OWASP minimums).
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

// A password is hashed and checked in its composed form (NFC): "mậtkhẩu" typed with Unikey's combining
// marks on one device and precomposed on another is the same password.

/** Hashes a password, composed, with argon2id. */
export function hashPassword(password: string): Promise<string> {
	return hash(composed(password), ARGON2_OPTIONS);
}

/** Checks a password, composed, against a stored argon2 hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
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
	const limit = 256 - (256 % PASSWORD_ALPHABET.length);
	let out = '';
	while (out.length < PASSWORD_LENGTH) {
		for (const byte of crypto.getRandomValues(new Uint8Array(PASSWORD_LENGTH * 2))) {
			if (byte < limit && out.length < PASSWORD_LENGTH) out += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
		}
	}
	return out;
}
