import { describe, expect, it } from 'vitest';
import { cleanName, composed, nameField, textField } from './text';

const NFC = 'Nguyễn Thị Hương';
const NFD = NFC.normalize('NFD');
const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200E', '\u200F'].concat([
	'\u202A',
	'\u202B',
	'\u202C',
	'\u202D',
	'\u202E',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069'
]);

describe('composed', () => {
	it('turns letters typed with combining marks into the precomposed ones', () => {
		expect(NFD).not.toBe(NFC);
		expect(NFD.length).toBeGreaterThan(NFC.length);
		expect(composed(NFD)).toBe(NFC);
		expect(composed(NFC)).toBe(NFC);
	});

	it('keeps invisible characters in plain text', () => {
		expect(composed('a\u200Bb')).toBe('a\u200Bb');
	});
});

describe('cleanName', () => {
	it.each(INVISIBLES.map((c) => [c.codePointAt(0)!.toString(16).toUpperCase(), c]))(
		'drops U+%s from a name',
		(_, c) => {
			expect(cleanName(`Nguyễn${c} Văn${c}${c} An`)).toBe('Nguyễn Văn An');
		}
	);

	it('composes and cleans at once, and leaves ordinary Vietnamese as it is', () => {
		expect(cleanName(`\u202E${NFD}\u200B`)).toBe(NFC);
		expect(cleanName('Chi bộ Đảng ủy Phường Ưng Hòa')).toBe('Chi bộ Đảng ủy Phường Ưng Hòa');
	});
});

describe('textField and nameField', () => {
	it('compose before the length checks that follow, so a name typed with marks is not too long', () => {
		const short = nameField().trim().max(NFC.length);
		expect(NFD.length).toBeGreaterThan(NFC.length);
		expect(short.parse(` ${NFD}\u200D `)).toBe(NFC);
		expect(textField().max(NFC.length).parse(NFD)).toBe(NFC);
	});

	it('still refuses what is not a string with the message given', () => {
		const parsed = nameField({ error: 'Vui lòng nhập họ và tên.' }).safeParse(42);
		expect(parsed.success ? null : parsed.error.issues[0].message).toBe('Vui lòng nhập họ và tên.');
	});

	it('count a name of invisible characters only as empty', () => {
		expect(nameField().trim().min(1).safeParse('\u200B\u200B').success).toBe(false);
	});
});
