import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, PARENT_IDS } from '../domain/template';
import { parseTemplate, parseTemplateText, serializeTemplate } from './template';

/** A small valid template: one concrete sign per parent, for every group. */
function validJson(): Record<string, any> {
	return {
		$comment: 'Mẫu thử',
		key: 'mau-thu',
		name: 'Mẫu thử',
		wording: 'provincial',
		rules: structuredClone(DEFAULT_RULES),
		exclusions: [],
		signs: PARENT_IDS.map((parent) => ({
			code: `${parent}.1`,
			parent,
			text: `Biểu hiện cụ thể thuộc ${parent}`,
			groups: ['A', 'B', 'C'],
			weight: 1,
			critical: false
		}))
	};
}

function errorsOf(mutate: (json: Record<string, any>) => unknown): string[] {
	const json = validJson();
	const replaced = mutate(json);
	const result = parseTemplate(replaced === undefined ? json : replaced);
	expect(result.ok).toBe(false);
	expect('content' in result).toBe(false);
	return result.ok ? [] : result.errors;
}

describe('parseTemplate — valid input', () => {
	it('accepts a valid template and drops $comment', () => {
		const result = parseTemplate(validJson());
		expect(result.ok ? Object.keys(result.content) : result.errors).toEqual([
			'key',
			'name',
			'wording',
			'rules',
			'exclusions',
			'signs'
		]);
	});

	it('accepts a parent left out of a group when the exclusion gives a reason', () => {
		const json = validJson();
		json.signs[16].groups = ['A', 'B'];
		json.exclusions = [
			{ group: 'C', parent: 'DD8', reason: 'Không giữ chức vụ nên không quyết định công tác cán bộ.' }
		];
		expect(parseTemplate(json).ok).toBe(true);
	});

	it('round-trips through serializeTemplate with a stable output', () => {
		const first = parseTemplate(validJson());
		if (!first.ok) throw new Error(first.errors.join('\n'));
		const text = serializeTemplate(first.content);
		const second = parseTemplateText(text);
		expect(second).toEqual(first);
		expect(second.ok && serializeTemplate(second.content)).toBe(text);
		expect(text.endsWith('}\n')).toBe(true);
	});

	it('round-trips the default template file', () => {
		const file = new URL('../data/template-default.json', import.meta.url);
		const first = parseTemplateText(readFileSync(file, 'utf8'));
		if (!first.ok) throw new Error(first.errors.join('\n'));
		expect(parseTemplateText(serializeTemplate(first.content))).toEqual(first);
	});
});

describe('parseTemplate — broken input', () => {
	it.each([['chuỗi'], [null], [[]], [42]])('rejects %j as not an object', (input) => {
		expect(errorsOf(() => input)).toEqual(['Tệp mẫu phiếu phải là một đối tượng JSON']);
	});

	it('names the sign with a missing text', () => {
		expect(errorsOf((j) => void delete j.signs[12].text)).toEqual(['signs[12] (DD4.1): thiếu nội dung biểu hiện']);
		expect(errorsOf((j) => void (j.signs[12].text = '   '))).toEqual(['signs[12] (DD4.1): thiếu nội dung biểu hiện']);
	});

	it('names missing top-level fields', () => {
		expect(errorsOf((j) => void delete j.name)).toEqual(['name: thiếu tên mẫu phiếu']);
		expect(errorsOf((j) => void delete j.rules)).toEqual(['rules: thiếu quy tắc chấm điểm']);
		expect(errorsOf((j) => void delete j.signs[0].code)).toEqual(['signs[0]: thiếu mã biểu hiện']);
	});

	it('rejects wrong level penalties', () => {
		expect(errorsOf((j) => void (j.rules.levelPenalty = [0, 1, 3]))).toEqual([
			'rules.levelPenalty: phải có đúng 4 giá trị điểm trừ, lần lượt cho các mức 0, 1, 2, 3'
		]);
		expect(errorsOf((j) => void (j.rules.levelPenalty = [1, 1, 3, 6]))).toEqual([
			'rules.levelPenalty[0]: mức 0 (không có biểu hiện) phải có điểm trừ bằng 0'
		]);
		expect(errorsOf((j) => void (j.rules.levelPenalty = [0, 3, 1, 6]))).toEqual([
			'rules.levelPenalty[2]: điểm trừ của mức 2 không được nhỏ hơn của mức 1'
		]);
		expect(errorsOf((j) => void (j.rules.levelPenalty = [0, 1, 'ba', 6]))).toEqual([
			'rules.levelPenalty[2]: điểm trừ phải là một số'
		]);
	});

	it('rejects bands that are not strictly decreasing down to 0', () => {
		expect(errorsOf((j) => void (j.rules.bands[1].minScore = 95))).toEqual([
			'rules.bands[1].minScore: ngưỡng điểm phải thấp hơn ngưỡng trước (90)'
		]);
		expect(errorsOf((j) => void (j.rules.bands[3].minScore = 10))).toEqual([
			'rules.bands[3].minScore: ngưỡng cuối cùng phải bằng 0 để điểm nào cũng có xếp loại'
		]);
		expect(errorsOf((j) => void (j.rules.bands[1].rating = 'tot'))).toEqual([
			'rules.bands[1].rating: xếp loại phải thấp hơn xếp loại của ngưỡng trước («Tốt»)'
		]);
		expect(errorsOf((j) => void (j.rules.bands[0].rating = 'xuat_sac'))).toEqual([
			'rules.bands[0].rating: xếp loại không hợp lệ «xuat_sac» (chỉ nhận tot, kha, trung_binh, yeu_kem)'
		]);
	});

	it('rejects a duplicate code', () => {
		expect(errorsOf((j) => void j.signs.push({ ...j.signs[0], text: 'Bản sao' }))).toEqual([
			'signs[27] (TT1.1): mã biểu hiện bị trùng với signs[0]'
		]);
	});

	it('rejects an unknown parent and a code that does not match its parent', () => {
		expect(errorsOf((j) => void (j.signs[3].parent = 'TT10'))).toEqual([
			'signs[3] (TT4.1): biểu hiện gốc không hợp lệ «TT10» (phải là TT1–TT9, DD1–DD9 hoặc DB1–DB9)'
		]);
		expect(errorsOf((j) => void j.signs.push({ ...j.signs[0], code: 'DD1.9' }))).toEqual([
			'signs[27] (DD1.9): mã biểu hiện phải có dạng «TT1.…» theo biểu hiện gốc TT1'
		]);
	});

	it('rejects a bad target group', () => {
		expect(errorsOf((j) => void (j.signs[3].groups = ['A', 'D']))).toEqual([
			'signs[3] (TT4.1): nhóm đối tượng không hợp lệ «D»'
		]);
		expect(errorsOf((j) => void (j.signs[3].groups = []))).toEqual([
			'signs[3] (TT4.1): phải áp dụng cho ít nhất một nhóm đối tượng'
		]);
		expect(errorsOf((j) => void (j.signs[3].groups = ['A', 'A', 'B', 'C']))).toEqual([
			'signs[3] (TT4.1): nhóm đối tượng «A» bị lặp'
		]);
	});

	it('rejects bad weights and scoring values with the sign named', () => {
		expect(errorsOf((j) => void (j.signs[5].weight = 0))).toEqual(['signs[5] (TT6.1): trọng số phải lớn hơn 0']);
		expect(errorsOf((j) => void (j.rules.caps[0].minLevel = 4))).toEqual([
			'rules.caps[0].minLevel: mức độ phải là 1, 2 hoặc 3'
		]);
	});

	it('requires every group × parent to be covered or excluded, not both', () => {
		expect(errorsOf((j) => void (j.signs[16].groups = ['A', 'B']))).toEqual([
			'Nhóm C chưa có biểu hiện cụ thể nào thuộc biểu hiện gốc DD8 và cũng không được loại trừ (exclusions)'
		]);
		expect(errorsOf((j) => void (j.exclusions = [{ group: 'B', parent: 'DD8', reason: 'Lý do thử' }]))).toEqual([
			'exclusions[0] (B/DD8): nhóm B đã có biểu hiện cụ thể thuộc DD8 (DD8.1) nên không thể loại trừ'
		]);
	});

	it('requires a reason for each exclusion', () => {
		const errors = errorsOf((j) => {
			j.signs[16].groups = ['A', 'B'];
			j.exclusions = [{ group: 'C', parent: 'DD8' }];
		});
		expect(errors).toEqual(['exclusions[0] (C/DD8): thiếu lý do loại trừ']);
	});

	it('reports every problem at once', () => {
		const errors = errorsOf((j) => {
			delete j.key;
			j.signs[1].weight = 'hai';
			j.signs[2].critical = 'có';
		});
		expect(errors).toEqual([
			'key: thiếu mã mẫu phiếu',
			'signs[1] (TT2.1): trọng số phải là một số',
			'signs[2] (TT3.1): đánh dấu nghiêm trọng (critical) phải là true hoặc false'
		]);
	});

	it('reports text that is not JSON', () => {
		const result = parseTemplateText('{ "key": ');
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors[0]).toMatch(/^Tệp không phải JSON hợp lệ: /);
	});
});
