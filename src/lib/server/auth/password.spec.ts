// A password with Vietnamese letters, typed once with Unikey's combining marks (NFD) and once precomposed
// (NFC), is one password: set either way through the change-password form, it signs in typed either way.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changePasswordSchema, loginSchema } from '../../schemas/auth';
import { createTestAccount, createTestDb, TEST_PASSWORD } from '../../../../tests/helpers/db';
import type { Db } from '../db/client';
import { changePassword } from './change-password';
import { attemptSignIn } from './login';
import {
	generateOneTimeCode,
	generateTemporaryPassword,
	hashOneTimeCode,
	hashPassword,
	verifyAgainstDummy,
	verifyPassword
} from './password';

const NFC = 'Mật-khẩu-Rèn-luyện-2026';
const NFD = NFC.normalize('NFD');

let db: Db;
let userId: number;

beforeEach(async () => {
	db = createTestDb();
	userId = await createTestAccount(db, 'hoangmai');
});

/** Sets a new password through the change-password form's schema and use case. */
async function setThroughForm(newPassword: string) {
	const input = changePasswordSchema.parse({
		currentPassword: TEST_PASSWORD,
		newPassword,
		confirmPassword: newPassword
	});
	expect(await changePassword(db, userId, { ...input, address: '10.0.0.1' })).toMatchObject({ ok: true });
}

/** Signs in through the sign-in form's schema and use case. */
const signIn = (password: string) =>
	attemptSignIn(db, { ...loginSchema.parse({ username: 'hoangmai', password }), address: '10.0.0.1' });

describe('a password typed with combining marks', () => {
	it('differs from the precomposed one as text', () => {
		expect(NFD).not.toBe(NFC);
	});

	it('signs in when the password was set precomposed', async () => {
		await setThroughForm(NFC);
		expect(await signIn(NFD)).toMatchObject({ ok: true, userId });
		expect(await signIn(NFC)).toMatchObject({ ok: true, userId });
	});

	it('sets a password that then signs in precomposed', async () => {
		await setThroughForm(NFD);
		expect(await signIn(NFC)).toMatchObject({ ok: true, userId });
		expect(await signIn(NFD)).toMatchObject({ ok: true, userId });
	});

	it('is composed by the hashing itself, whatever a caller passes', async () => {
		const stored = await hashPassword(NFD);
		expect(await verifyPassword(stored, NFC)).toBe(true);
		expect(await verifyPassword(stored, 'Mat-khau-Ren-luyen-2026')).toBe(false);
	});
});

describe('a temporary password', () => {
	const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

	it('is twelve characters from the alphabet without look-alikes', () => {
		for (let i = 0; i < 200; i++) {
			const password = generateTemporaryPassword();
			expect(password).toMatch(/^[abcdefghjkmnpqrstuvwxyz23456789]{12}$/);
		}
	});

	it('uses every letter of the alphabet, without modulo bias, and never repeats itself', () => {
		const counts = new Map<string, number>();
		const seen = new Set<string>();
		for (let i = 0; i < 20000; i++) {
			const password = generateTemporaryPassword();
			seen.add(password);
			for (const c of password) counts.set(c, (counts.get(c) ?? 0) + 1);
		}
		expect(seen.size).toBe(20000);
		expect([...counts.keys()].sort().join('')).toBe([...ALPHABET].sort().join(''));
		// 240 000 characters over 31 letters, about 7 742 each (a standard deviation of about 1 %). Taking
		// every byte modulo 31 would give the first letters 9 chances in 256 against 8 for the rest: 12.5 % more.
		const mean = (letters: string[]) => letters.reduce((sum, c) => sum + (counts.get(c) ?? 0), 0) / letters.length;
		const rest = mean([...ALPHABET].slice(8));
		for (const c of ALPHABET.slice(0, 8)) expect((counts.get(c) ?? 0) / rest).toBeLessThan(1.06);
	});

	it('is hashed and checked like any password', async () => {
		const password = generateTemporaryPassword();
		const stored = await hashPassword(password);
		expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(stored, password)).toBe(true);
	});
});

describe('checking a password', () => {
	afterEach(() => vi.restoreAllMocks());

	it('counts a malformed stored hash as a mismatch, and says so in the server log', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(await verifyPassword('not-an-argon2-hash', 'whatever')).toBe(false);
		expect(logged).toHaveBeenCalledOnce();
		expect(logged.mock.calls[0][0]).toBe('Password hash could not be verified:');
		expect(logged.mock.calls[0][1]).toBeInstanceOf(Error);
	});

	it('answers false for an unknown account, whatever is typed, after a real check against a real hash', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(await verifyAgainstDummy('tusoi-dummy-password')).toBe(false);
		expect(await verifyAgainstDummy('x')).toBe(false);
		expect(logged).not.toHaveBeenCalled();
	});
});

describe('one-time codes', () => {
	it('are 16 characters in four groups, and differ each time', () => {
		const codes = Array.from({ length: 50 }, generateOneTimeCode);
		for (const code of codes) expect(code).toMatch(/^[a-hj-km-np-z2-9]{4}(-[a-hj-km-np-z2-9]{4}){3}$/);
		expect(new Set(codes).size).toBe(50);
	});

	it('are stored salted, never in clear, and check however the dashes and case are typed', async () => {
		const code = generateOneTimeCode();
		const stored = hashOneTimeCode(code);
		expect(stored).toMatch(/^\$otc-sha256\$/);
		expect(stored).not.toContain(code.replace(/-/g, ''));
		expect(hashOneTimeCode(code)).not.toBe(stored);
		expect(await verifyPassword(stored, code)).toBe(true);
		expect(await verifyPassword(stored, code.replace(/-/g, '').toUpperCase())).toBe(true);
		expect(await verifyPassword(stored, code.replace(/-/g, ' '))).toBe(true);
		expect(await verifyPassword(stored, generateOneTimeCode())).toBe(false);
		expect(await verifyPassword(stored, '')).toBe(false);
		expect(await verifyPassword('$otc-sha256$broken', code)).toBe(false);
	});
});
