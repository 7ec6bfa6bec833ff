// The section model of the Bản kiểm điểm and the QĐ 366 frame, on the bundled default template.
import { describe, expect, it } from 'vitest';
import template from '../data/template-default.json' with { type: 'json' };
import firstEdition from '../data/template-default-v1.json' with { type: 'json' };
import {
	carriedItems,
	EMPTY_SECTION,
	formFor,
	isFilled,
	isCarriedItem,
	mergeItems,
	missingSections,
	normaliseSection,
	qualityLevel,
	scoreTotal,
	questionAnchor,
	sectionAnchor,
	storesOwnValue,
	textSectionState,
	unansweredQuestions,
	type SectionValue
} from './sections';
import { parseTemplate } from '../schemas/template';
import { problemAnchor, problemMessage, sheetProblems } from './sheet';
import { TARGET_GROUPS, type TemplateContent } from './template';

const content = template as unknown as TemplateContent;
const keys = (group: 'A' | 'B' | 'C') => formFor(content, group)!.sections.map((s) => s.key);

describe('the forms of the default template', () => {
	it('follows HD 43: A.I–VI then B for every group, 2A adds three items, 2B adds the annex of task results', () => {
		const common = ['A', 'A.I', 'A.I.1', 'A.I.1.signs', 'A.I.2', 'A.I.3'];
		const rest = ['A.II', 'A.II.1', 'A.II.2', 'A.III', 'A.IV', 'A.V', 'A.VI', 'A.VII', 'B', 'B.I', 'B.II'];
		expect(keys('C')).toEqual(['ID.work', ...common, ...rest]);
		expect(keys('B')).toEqual(['ID.work', ...common, ...rest, 'PL']);
		expect(keys('A')).toEqual(['ID.work', ...common, 'A.I.4', 'A.I.5', 'A.I.6', ...rest]);
		for (const g of TARGET_GROUPS) expect(formFor(content, g)!.form).toBe(`Mẫu 2${g}`);
	});

	it('marks every heading verified or not, and gives a source for each verified one', () => {
		for (const g of TARGET_GROUPS) {
			const form = formFor(content, g)!;
			for (const line of [form.title, form.subtitle, form.signature, ...form.sections]) {
				expect(typeof line.verified).toBe('boolean');
				if (line.verified) expect(line.source, JSON.stringify(line)).toMatch(/tnt305\/tai_lieu_noi_bo/);
			}
			// The signature was not seen in any copy; tusoi's own parts are never called verified.
			expect(form.signature).toMatchObject({ text: 'NGƯỜI TỰ KIỂM ĐIỂM', verified: false });
			expect(form.sections.find((s) => s.key === 'A.I.1.signs')?.verified).toBe(false);
			expect(form.sections.find((s) => s.key === 'A.VII')?.verified).toBe(false);
		}
		// The whole 2C form was seen: all its Roman headings are verified; 2A's additions are not.
		expect(
			formFor(content, 'C')!
				.sections.filter((s) => s.depth <= 2 && s.key !== 'A.VII')
				.every((s) => s.verified)
		).toBe(true);
		expect(
			['A.I.4', 'A.I.5', 'A.I.6'].map((k) => formFor(content, 'A')!.sections.find((s) => s.key === k)!.verified)
		).toEqual([false, false, false]);
	});

	it('keeps the three older text fields in A.I.1, A.II.1 and the commitment, and carries A.I.3 and A.III', () => {
		const form = formFor(content, 'B')!;
		const by = (key: string) => form.sections.find((s) => s.key === key)!;
		expect([by('A.I.1').field, by('A.II.1').field, by('A.VII').field]).toEqual([
			'strengths',
			'shortcomings',
			'commitment'
		]);
		expect([by('A.I.3').carry, by('A.III').carry]).toEqual(['commitment', 'shortcomings']);
		expect(storesOwnValue(by('A.I.1'))).toBe(false);
		expect(storesOwnValue(by('A.I.2'))).toBe(true);
		expect(storesOwnValue(by('A.IV'))).toBe(false);
		expect(storesOwnValue(by('A'))).toBe(false);
	});

	it('has no form in edition 1, whose sheets keep the older layout', () => {
		const parsed = parseTemplate(firstEdition);
		expect(parsed.ok && formFor(parsed.content, 'B')).toBeNull();
	});

	it('refuses a form with a duplicate key, a list without statuses or two score frames', () => {
		const broken = structuredClone(template) as unknown as TemplateContent;
		const b = broken.forms!.B.sections;
		b.push({ ...b.find((s) => s.key === 'B.I')!, key: 'B.III' });
		b.push({ ...b.find((s) => s.key === 'A.VI')! });
		b.find((s) => s.key === 'A.III')!.statuses = [];
		const parsed = parseTemplate(broken);
		expect(parsed.ok ? [] : parsed.errors).toEqual(
			expect.arrayContaining([
				expect.stringContaining('mã mục bị trùng'),
				expect.stringContaining('cần danh sách trạng thái'),
				expect.stringContaining('phải có đúng một mục loại score366')
			])
		);
	});
});

describe('the QĐ 366 frame', () => {
	it('adds the two parts only when both are given', () => {
		expect(scoreTotal({ general: 27.5, tasks: 63 })).toBe(90.5);
		expect(scoreTotal({ general: 27.5, tasks: null })).toBeNull();
		expect(scoreTotal({ general: null, tasks: 70 })).toBeNull();
	});

	it('reads only the four quality levels', () => {
		expect(qualityLevel('tot')).toBe('tot');
		expect(qualityLevel('Tốt')).toBeNull();
		expect(qualityLevel(undefined)).toBeNull();
	});
});

describe('carried lines', () => {
	const prior = { year: 2025, commitment: 'Học nghị quyết.', shortcomings: ' Chậm báo cáo. ', assessment: '' };

	it("makes a line of last year's shortcomings and of the chi ủy's assessment, each when written", () => {
		expect(carriedItems(null)).toEqual([]);
		expect(carriedItems(prior)).toEqual([
			{ id: 'prior-shortcomings', text: 'Hạn chế, khuyết điểm tự nêu năm 2025: Chậm báo cáo.', status: null, note: '' }
		]);
		expect(carriedItems({ ...prior, assessment: 'Cần sâu sát hơn.' }).map((i) => i.id)).toEqual([
			'prior-shortcomings',
			'prior-assessment'
		]);
	});

	it('keeps the carried wording, takes the reported status, and drops stored lines no longer carried', () => {
		const carried = carriedItems(prior);
		const merged = mergeItems(carried, [
			{ id: 'prior-shortcomings', text: 'sửa lời', status: 'done', note: 'Đã xong' },
			{ id: 'prior-assessment', text: 'không còn', status: 'done', note: '' },
			{ id: 'own-1', text: 'Kết luận khác', status: null, note: '' }
		]);
		expect(merged).toEqual([
			{ ...carried[0], status: 'done', note: 'Đã xong' },
			{ id: 'own-1', text: 'Kết luận khác', status: null, note: '' }
		]);
	});

	it("tells a carried line from the member's own by its id", () => {
		for (const item of carriedItems({ ...prior, assessment: 'Cần sâu sát hơn.' }))
			expect(isCarriedItem(item)).toBe(true);
		expect(isCarriedItem({ id: 'own-1' })).toBe(false);
		expect(isCarriedItem({ id: 'own-prior-1' })).toBe(false);
	});

	it('normalises whatever was stored into a whole value', () => {
		expect(normaliseSection(null)).toEqual({ text: '', items: [], general: null, tasks: null, quality: null });
		expect(normaliseSection({ text: 'a', general: 'x', quality: 'tot', items: [{ id: 'own-1' }] })).toEqual({
			text: 'a',
			items: [{ id: 'own-1', text: '', status: null, note: '' }],
			general: null,
			tasks: null,
			quality: 'tot'
		});
	});
});

describe('sections required at hand-in', () => {
	const required = (group: 'A' | 'B' | 'C') =>
		formFor(content, group)!
			.sections.filter((s) => s.required)
			.map((s) => s.key);

	it('requires what HD 43 asks of every member without "(nếu có)": A.I, A.II, A.VI, the commitment and B', () => {
		const common = ['A.I.1', 'A.I.2', 'A.I.3', 'A.II.1', 'A.II.2', 'A.VI', 'A.VII', 'B.I', 'B.II'];
		expect(required('B')).toEqual(common);
		expect(required('C')).toEqual(common);
		expect(required('A')).toEqual(['A.I.1', 'A.I.2', 'A.I.3', 'A.I.4', 'A.I.5', 'A.I.6', ...common.slice(3)]);
		// Nothing marked "(nếu có)" is required.
		for (const group of TARGET_GROUPS)
			expect(formFor(content, group)!.sections.filter((s) => s.required && s.optional)).toEqual([]);
	});

	it('names the empty required sections in the form order, leaving the sheet-column ones to the texts check', () => {
		expect(missingSections(content, 'B', {}).map((s) => s.key)).toEqual([
			'A.I.2',
			'A.I.3',
			'A.II.2',
			'A.VI',
			'B.I',
			'B.II'
		]);
		const filled = {
			'A.I.2': { ...EMPTY_SECTION, text: 'Hoàn thành chỉ tiêu.' },
			'A.I.3': { ...EMPTY_SECTION, text: '   ' },
			'B.I': { ...EMPTY_SECTION, general: 27, tasks: null },
			'B.II': { ...EMPTY_SECTION, quality: 'tot' as const }
		};
		expect(missingSections(content, 'B', filled).map((s) => s.key)).toEqual(['A.I.3', 'A.II.2', 'A.VI', 'B.I']);
	});

	it('asks each kind for its own part: a text, a line with words, both scores, a level', () => {
		const of = (kind: 'text' | 'items' | 'score366' | 'quality') => ({
			key: 'X',
			heading: 'X',
			kind,
			depth: 2 as const,
			verified: false
		});
		expect(isFilled(of('text'), { ...EMPTY_SECTION, text: ' a ' })).toBe(true);
		expect(
			isFilled(of('items'), { ...EMPTY_SECTION, items: [{ id: 'own-1', text: ' ', status: null, note: '' }] })
		).toBe(false);
		expect(isFilled(of('score366'), { ...EMPTY_SECTION, general: 0, tasks: 0 })).toBe(true);
		expect(isFilled(of('quality'), EMPTY_SECTION)).toBe(false);
	});

	it('names a too short text by its section of the form, where the sheet has one', () => {
		const problems = sheetProblems(
			content,
			'C',
			{},
			{},
			{ texts: { strengths: 'Đủ một câu để nộp phiếu.', shortcomings: 'ngắn', commitment: 'Đủ một câu để nộp phiếu.' } }
		).filter((p) => p.kind === 'short_text');
		expect(problems).toEqual([
			{ kind: 'short_text', code: 'shortcomings', section: 'A.II.1', heading: '1. Hạn chế, khuyết điểm.' }
		]);
		expect(problems.map(problemMessage)).toEqual([
			'Bản kiểm điểm, mục A.II.1 (1. Hạn chế, khuyết điểm.): hãy viết ít nhất một câu (từ 20 ký tự).'
		]);
		expect(problems.map(problemAnchor)).toEqual(['text-shortcomings']);
	});

	it('has none for a version made before forms were template data', () => {
		const old = parseTemplate(firstEdition);
		if (!old.ok) throw new Error(old.errors.join('\n'));
		expect(missingSections(old.content, 'B', {})).toEqual([]);
	});
	it('refuses a gợi ý kiểm điểm left unanswered, in A.IV’s place between the required sections', () => {
		const filled: Record<string, SectionValue> = Object.fromEntries(
			missingSections(content, 'B', {}).map((s) => [s.key, { ...EMPTY_SECTION, text: 'x', general: 1, tasks: 1 }])
		);
		filled['B.II'] = { ...EMPTY_SECTION, quality: 'tot' };
		delete filled['A.VI'];
		const questions = [
			{ id: 7, text: 'Làm rõ việc vắng sinh hoạt chi bộ tháng 5.', answer: 'Tôi đi công tác theo quyết định.' },
			{ id: 9, text: 'Giải trình ý kiến phản ánh về việc kê khai tài sản.', answer: '  ' }
		];
		expect(unansweredQuestions(questions).map((q) => q.id)).toEqual([9]);
		const problems = sheetProblems(content, 'B', {}, {}, { sections: filled, questions }).filter(
			(p) => p.kind === 'missing_section' || p.kind === 'unanswered_question'
		);
		expect(problems).toEqual([
			{
				kind: 'unanswered_question',
				code: '9',
				section: 'A.IV',
				question: 'Giải trình ý kiến phản ánh về việc kê khai tài sản.'
			},
			{ kind: 'missing_section', code: 'A.VI', heading: 'VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm' }
		]);
		expect(problemMessage(problems[0])).toBe(
			'Gợi ý kiểm điểm: chưa trả lời câu hỏi «Giải trình ý kiến phản ánh về việc kê khai tài sản.» (mục A.IV).'
		);
		expect(problemAnchor(problems[0])).toBe('section-A-IV-q9');
		// Every question answered: nothing about them.
		expect(
			sheetProblems(content, 'B', {}, {}, { questions: [{ ...questions[1], answer: 'Đã kê khai đủ.' }] }).filter(
				(p) => p.kind === 'unanswered_question'
			)
		).toEqual([]);
	});
});

describe('what a folded written section says of itself', () => {
	it('says whether the form requires it and that nothing is written yet', () => {
		expect(textSectionState(true, '')).toEqual({ label: 'Bắt buộc · Chưa ghi', missing: true });
		expect(textSectionState(false, '  \n ')).toEqual({ label: 'Không bắt buộc · Chưa ghi', missing: false });
	});

	it('counts the words written, whatever the spacing, with Vietnamese thousands', () => {
		expect(textSectionState(true, ' Hoàn thành  tốt\nnhiệm vụ ')).toEqual({
			label: 'Bắt buộc · Đã ghi 5 chữ',
			missing: false
		});
		expect(textSectionState(false, Array(1234).fill('chữ').join(' ')).label).toBe('Không bắt buộc · Đã ghi 1.234 chữ');
	});

	it('says what a too short text lacks, as the hand-in would refuse it', () => {
		expect(textSectionState(true, ' Tốt. ', 20)).toEqual({
			label: 'Bắt buộc · Đã ghi 1 chữ, cần ít nhất 20 ký tự',
			missing: true
		});
		expect(textSectionState(true, 'Hoàn thành tốt nhiệm vụ.', 20)).toEqual({
			label: 'Bắt buộc · Đã ghi 5 chữ',
			missing: false
		});
	});
});

describe('anchors of the form’s parts', () => {
	it('are element ids without dots, a question’s under its section, distinct per question', () => {
		expect(sectionAnchor('A.I.2')).toBe('section-A-I-2');
		expect(questionAnchor('A.IV', 7)).toBe('section-A-IV-q7');
		expect(questionAnchor('A.IV', 7)).not.toBe(questionAnchor('A.IV', 71));
		expect(questionAnchor('A.IV', 12)).toMatch(/^[A-Za-z][\w-]*$/);
	});
});
