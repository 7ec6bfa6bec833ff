import type { Db } from '../db/client';
import { findUserByUsername } from '../db/queries/users';
import { verifyAgainstDummy, verifyPassword } from './password';
import { beginAttempt, forgiveAttempt, signInCounters } from './throttle';

export type SignInResult =
	| { ok: true; userId: number; mustChangePassword: boolean }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; waitMs: number };

/** Checks a sign-in attempt against the throttle and the stored password, and counts failures. */
export async function attemptSignIn(
	db: Db,
	input: { username: string; password: string; address: string },
	now = Date.now()
): Promise<SignInResult> {
	const counters = signInCounters(input.username, input.address);
	const attempt = beginAttempt(db, [counters.pair, counters.address, counters.account], now);
	if (!attempt.ok) return { ok: false, reason: 'throttled', waitMs: attempt.waitMs };

	const account = findUserByUsername(db, input.username);
	const valid =
		account && account.active
			? await verifyPassword(account.passwordHash, input.password)
			: await verifyAgainstDummy(input.password);
	// The attempt is already counted as a failure; only a right password takes it back.
	if (!account || !valid) return { ok: false, reason: 'invalid' };
	forgiveAttempt(db, attempt, [counters.pair.key]);
	return { ok: true, userId: account.id, mustChangePassword: account.mustChangePassword };
}
