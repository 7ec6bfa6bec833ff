// A password with Vietnamese letters, typed once with Unikey's combining marks (NFD) and once precomposed
// (NFC), is one password: set either way through the change-password form, it signs in typed either way.
import { beforeEach, describe, expect, it } from 'vitest';
import { changePasswordSchema, loginSchema } from '../../schemas/auth';
import { createTestAccount, createTestDb, TEST_PASSWORD } from '../../../../tests/helpers/db';
import type { Db } from '../db/client';
import { changePassword } from './change-password';
import { attemptSignIn } from './login';
import { hashPassword, verifyPassword } from './password';

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
