import type { Db } from '../db/client';
import { findUserByUsername } from '../db/queries/users';
import { verifyAgainstDummy, verifyPassword } from './password';
import { clearFailures, lockedMinutes, MAX_FAILURES, recordFailure, throttleKeys } from './throttle';

export type SignInResult =
	| { ok: true; userId: number; mustChangePassword: boolean }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'locked'; minutes: number };

/** Checks a sign-in attempt against the throttle and the stored password, and counts failures. */
export async function attemptSignIn(
	db: Db,
	input: { username: string; password: string; address: string }
): Promise<SignInResult> {
	const keys = throttleKeys(input.username, input.address);
	const minutes = lockedMinutes(db, [keys.account, keys.address]);
	if (minutes > 0) return { ok: false, reason: 'locked', minutes };

	const account = findUserByUsername(db, input.username);
	const valid =
		account && account.active
			? await verifyPassword(account.passwordHash, input.password)
			: await verifyAgainstDummy(input.password);
	if (!account || !valid) {
		recordFailure(db, keys.account, MAX_FAILURES.account);
		recordFailure(db, keys.address, MAX_FAILURES.address);
		return { ok: false, reason: 'invalid' };
	}
	clearFailures(db, keys.account);
	return { ok: true, userId: account.id, mustChangePassword: account.mustChangePassword };
}
