import { hash, verify } from '@node-rs/argon2';

// The parameters the Lucia guide recommends for argon2id (OWASP minimums).
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

/** Checks a password against a stored argon2 hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
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
