import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../schemas/template';
import { SIGNS, SUMMARY_LABEL, displayText, isOfficialWording, signById, signsInCategory } from './catalog';
import {
	CATEGORY_LABELS,
	DEFAULT_RULES,
	LEVEL_LABELS,
	PARENT_IDS,
	RATING_LABELS,
	TARGET_GROUPS,
	TARGET_GROUP_FORMS,
	TARGET_GROUP_LABELS,
	categoryOfParent,
	compareRatings,
	excludedParents,
	isBetterRating,
	isParentId,
	parentIdOf,
	signsForGroup,
	worseRating,
	groupForm,
	COLLECTIVE_GROUP_FORMS,
	type ParentId,
	type TemplateContent
} from './template';

const DEFAULT_FILE = new URL('../data/template-default.json', import.meta.url);

function loadDefaultTemplate(): TemplateContent {
	const parsed = parseTemplate(JSON.parse(readFileSync(DEFAULT_FILE, 'utf8')));
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
	return parsed.content;
}

describe('template vocabulary', () => {
	it('maps categories and numbers to parent ids and back', () => {
		expect(parentIdOf('tu_tuong_chinh_tri', 1)).toBe('TT1');
		expect(parentIdOf('dao_duc_loi_song', 7)).toBe('DD7');
		expect(parentIdOf('tu_dien_bien_tu_chuyen_hoa', 9)).toBe('DB9');
		expect(categoryOfParent('DD7')).toBe('dao_duc_loi_song');
		expect(categoryOfParent('DB1')).toBe('tu_dien_bien_tu_chuyen_hoa');
		expect(() => parentIdOf('dao_duc_loi_song', 10)).toThrow();
		expect(PARENT_IDS).toHaveLength(27);
		expect(
			PARENT_IDS.every((id) => isParentId(id) && parentIdOf(categoryOfParent(id), Number(id.slice(2))) === id)
		).toBe(true);
		expect(isParentId('XX1')).toBe(false);
		expect(isParentId('DD0')).toBe(false);
	});

	it('labels categories without the count and groups by their full names', () => {
		expect(CATEGORY_LABELS).toEqual({
			tu_tuong_chinh_tri: 'Suy thoái về tư tưởng chính trị',
			dao_duc_loi_song: 'Suy thoái về đạo đức, lối sống',
			tu_dien_bien_tu_chuyen_hoa: 'Những biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ'
		});
		expect(TARGET_GROUP_LABELS.C).toBe('Đảng viên không làm việc trong hệ thống chính trị');
	});

	it('orders ratings from Tốt down to Yếu kém', () => {
		expect(compareRatings('tot', 'kha')).toBeLessThan(0);
		expect(worseRating('kha', 'trung_binh')).toBe('trung_binh');
		expect(worseRating('yeu_kem', 'tot')).toBe('yeu_kem');
		expect(isBetterRating('kha', 'yeu_kem')).toBe(true);
		expect(isBetterRating('kha', 'kha')).toBe(false);
	});
});

describe('template vocabulary: labels and bounds', () => {
	it('names levels, ratings, groups, forms and wordings in Vietnamese', () => {
		expect(LEVEL_LABELS).toEqual({
			0: 'Không có biểu hiện',
			1: 'Có biểu hiện ở mức độ nhẹ',
			2: 'Có biểu hiện ở mức độ rõ',
			3: 'Có biểu hiện ở mức độ nghiêm trọng'
		});
		expect(RATING_LABELS).toEqual({ tot: 'Tốt', kha: 'Khá', trung_binh: 'Trung bình', yeu_kem: 'Yếu kém' });
		expect(TARGET_GROUP_LABELS).toEqual({
			A: 'Đảng viên giữ chức vụ lãnh đạo, quản lý',
			B: 'Đảng viên không giữ chức vụ lãnh đạo, quản lý',
			C: 'Đảng viên không làm việc trong hệ thống chính trị'
		});
		expect(TARGET_GROUP_FORMS).toEqual({ A: 'Mẫu 2A', B: 'Mẫu 2B', C: 'Mẫu 2C' });
	});

	it('numbers signs 1 to 9 only, whole numbers only', () => {
		expect(parentIdOf('tu_tuong_chinh_tri', 1)).toBe('TT1');
		expect(parentIdOf('tu_tuong_chinh_tri', 9)).toBe('TT9');
		expect(() => parentIdOf('tu_tuong_chinh_tri', 0)).toThrow(new RangeError('sign number 0'));
		expect(() => parentIdOf('tu_tuong_chinh_tri', 10)).toThrow(new RangeError('sign number 10'));
		expect(() => parentIdOf('tu_tuong_chinh_tri', 1.5)).toThrow(new RangeError('sign number 1.5'));
		expect(() => parentIdOf('tu_tuong_chinh_tri', Number.NaN)).toThrow(RangeError);
	});

	it('reads a parent id only when it is the whole string', () => {
		expect(isParentId('TT1')).toBe(true);
		expect(isParentId('xTT1')).toBe(false);
		expect(isParentId('TT12')).toBe(false);
		expect(isParentId('DD')).toBe(false);
	});

	it('refuses the category of something that is not a parent id', () => {
		expect(() => categoryOfParent('TT0' as ParentId)).toThrow(new RangeError('not a parent sign id: TT0'));
		expect(() => categoryOfParent('XX1' as ParentId)).toThrow(new RangeError('not a parent sign id: XX1'));
		expect(() => categoryOfParent('DD77' as ParentId)).toThrow(RangeError);
	});
});

describe('catalog of the 27 signs', () => {
	it('has nine signs per category with ids in order', () => {
		expect(SIGNS).toHaveLength(27);
		expect(SIGNS.map((s) => s.id)).toEqual(PARENT_IDS);
		expect(signsInCategory('dao_duc_loi_song').map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(SIGNS.filter((s) => !s.verified)).toHaveLength(11);
	});

	it('labels unverified wording as a summary, never as official text', () => {
		expect(SUMMARY_LABEL).toBe('Tóm tắt — chưa đối chiếu văn bản gốc');
		for (const sign of SIGNS) {
			const shown = displayText(sign);
			expect(shown.official).toBe(sign.verified);
			expect(shown.label).toBe(sign.verified ? null : SUMMARY_LABEL);
			expect(isOfficialWording(sign)).toBe(sign.verified);
		}
		expect(signById('TT8')?.textStatus).toBe('gist_only');
		expect(signById('TT1')?.seenFragment).toBeNull();
		expect(signById('XX1')).toBeUndefined();
	});
});

describe('the default template (src/lib/data/template-default.json)', () => {
	const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

	it('parses with parseTemplate', () => {
		const parsed = parseTemplate(JSON.parse(readFileSync(DEFAULT_FILE, 'utf8')));
		expect(parsed.ok ? [] : parsed.errors).toEqual([]);
	});

	it('has exactly 65 concrete signs for members and 14 for collectives, with unique codes, each for at least one group', () => {
		const { signs } = loadDefaultTemplate();
		const forMembers = signs.filter((s) => s.groups.some((g) => g === 'A' || g === 'B' || g === 'C'));
		expect(forMembers).toHaveLength(65);
		expect(signs).toHaveLength(79);
		expect(new Set(signs.map((s) => s.code)).size).toBe(79);
		expect(signs.filter((s) => s.groups.length === 0)).toEqual([]);
	});

	it('uses the default rules and is labelled as the app’s own wording', () => {
		const content = loadDefaultTemplate();
		expect(content.rules).toEqual(DEFAULT_RULES);
		expect(content.wording).toBe('app_default');
	});

	it.each(TARGET_GROUPS)('group %s covers every parent not excluded for it', (group) => {
		const content = loadDefaultTemplate();
		const excluded = excludedParents(content, group);
		const covered = new Set(signsForGroup(content, group).map((s) => s.parent));
		expect(PARENT_IDS.filter((p) => !covered.has(p) && !excluded.includes(p))).toEqual([]);
		expect(excluded.filter((p) => covered.has(p))).toEqual([]);
	});

	it('uses all 27 parents overall', () => {
		const parents = new Set(loadDefaultTemplate().signs.map((s) => s.parent));
		expect([...parents].sort()).toEqual([...PARENT_IDS].sort());
	});

	it('has non-empty Vietnamese text in NFC for every sign and exclusion', () => {
		const { signs, exclusions, name } = loadDefaultTemplate();
		const texts = [name, ...signs.map((s) => s.text), ...exclusions.map((e) => e.reason)];
		const bad = texts.filter((t) => t.trim().length < 10 || !VIETNAMESE.test(t) || t !== t.normalize('NFC'));
		expect(bad).toEqual([]);
	});
});

describe('the form of each sheet group', () => {
	it('is Mẫu 2A/2B/2C for the members’ groups and Mẫu 1 for the collectives', () => {
		for (const g of TARGET_GROUPS) expect(groupForm(g)).toBe(TARGET_GROUP_FORMS[g]);
		expect(TARGET_GROUPS.map(groupForm)).toEqual(['Mẫu 2A', 'Mẫu 2B', 'Mẫu 2C']);
		expect(groupForm('CB')).toBe('Mẫu 1');
		expect(groupForm('CU')).toBe(COLLECTIVE_GROUP_FORMS.CU);
	});
});
