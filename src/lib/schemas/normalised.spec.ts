// Every form's text arrives composed (NFC), and every name without invisible characters, whatever the
// keyboard sent: the schemas are where the app's text is made one way.
import { describe, expect, it } from 'vitest';
import { changePasswordSchema, loginSchema } from './auth';
import {
	grantSchema,
	memberDetailsSchema,
	newMemberSchema,
	newPeriodSchema,
	newUnitSchema,
	unitNameSchema
} from './admin';
import { approveSchema, reopenSchema, returnSchema } from './review';
import { sheetChangesSchema } from './sheet';
import { signWordingSchema } from './sign-wording';

const NAME = 'Nguyễn Thị Hương';
const TEXT = 'Chưa chủ động nghiên cứu nghị quyết; sẽ khắc phục.';
const nfd = (s: string) => s.normalize('NFD');
/** A name as a hostile or careless paste sends it: combining marks, zero-width and bidi characters. */
const dirty = (s: string) => `\u202E${nfd(s).replace(' ', ' \u200B')}\u2066\uFEFF`;

describe('names lose invisible characters and are composed', () => {
	it('in a member’s details and a new member', () => {
		const details = { fullName: dirty(NAME), dateOfBirth: '1980-05-17', position: nfd('Tổ trưởng'), targetGroup: 'A' };
		expect(memberDetailsSchema.parse(details)).toMatchObject({ fullName: NAME, position: 'Tổ trưởng' });
		expect(newMemberSchema.parse({ ...details, username: '\u200Bhuong.nt\u200D', chapterId: '3' })).toMatchObject({
			fullName: NAME,
			username: 'huong.nt'
		});
	});

	it('in a unit’s name, a new unit and a period', () => {
		expect(unitNameSchema.parse({ name: dirty('Chi bộ Giáo viên') }).name).toBe('Chi bộ Giáo viên');
		expect(newUnitSchema.parse({ name: dirty('Chi bộ Hành chính'), kind: 'chi_bo' }).name).toBe('Chi bộ Hành chính');
		const period = newPeriodSchema.parse({
			name: dirty('Năm 2026'),
			year: '2026',
			unitId: '1',
			templateVersionId: '1',
			opensOn: '2026-03-01',
			deadline: '2026-03-31'
		});
		expect(period.name).toBe('Năm 2026');
	});

	it('in a login id, signing in or granting a role', () => {
		expect(loginSchema.parse({ username: '\u200Ebithu01\u200F', password: 'x' }).username).toBe('bithu01');
		expect(grantSchema.parse({ username: '\u2060bithu01', role: 'secretary' }).username).toBe('bithu01');
	});

	it('so a name of invisible characters only is refused as empty', () => {
		expect(unitNameSchema.safeParse({ name: '\u200B\u200B\u200B\u200B' }).success).toBe(false);
	});
});

describe('text and passwords are composed, invisible characters kept', () => {
	it('in a password signing in and changing it', () => {
		expect(loginSchema.parse({ username: 'a', password: nfd('mậtkhẩu') }).password).toBe('mậtkhẩu');
		const changed = changePasswordSchema.parse({
			currentPassword: nfd('cũ-cũ-cũ'),
			newPassword: nfd('Rèn-luyện-2026'),
			confirmPassword: 'Rèn-luyện-2026'
		});
		expect(changed).toEqual({
			currentPassword: 'cũ-cũ-cũ',
			newPassword: 'Rèn-luyện-2026',
			confirmPassword: 'Rèn-luyện-2026'
		});
	});

	it('in a sheet’s notes, actions and long texts', () => {
		const parsed = sheetChangesSchema.parse({
			revision: 0,
			answers: { 'TT1.1': { note: nfd(TEXT), action: nfd(TEXT) } },
			texts: { strengths: nfd(TEXT), shortcomings: `${nfd(TEXT)}\u200B` },
			progress: { 'DD1.1': { note: nfd(TEXT) } }
		});
		expect(parsed.answers!['TT1.1']).toEqual({ note: TEXT, action: TEXT });
		expect(parsed.texts).toEqual({ strengths: TEXT, shortcomings: `${TEXT}\u200B` });
		expect(parsed.progress!['DD1.1'].note).toBe(TEXT);
	});

	it('a text at its limit typed with combining marks is within it', () => {
		const full = 'ệ'.repeat(1000);
		expect(sheetChangesSchema.safeParse({ revision: 0, answers: { 'TT1.1': { note: nfd(full) } } }).success).toBe(true);
	});

	it('in a secretary’s assessment, notes and reasons', () => {
		expect(approveSchema.parse({ assessment: nfd(TEXT), finalRating: 'kha', reason: nfd(TEXT) })).toMatchObject({
			assessment: TEXT,
			reason: TEXT
		});
		expect(returnSchema.parse({ assessment: '', notes: [{ code: null, text: nfd(TEXT) }] }).notes[0].text).toBe(TEXT);
		expect(reopenSchema.parse({ reason: nfd(TEXT) }).reason).toBe(TEXT);
	});

	it('in an administrator’s wording of a sign', () => {
		const parsed = signWordingSchema.parse({
			signId: 'TT1',
			text: nfd(TEXT),
			official: true,
			source: nfd('Quy định 37')
		});
		expect(parsed).toMatchObject({ text: TEXT, source: 'Quy định 37' });
	});
});
