// Import and export of questionnaire templates as JSON. Errors are written for the administrator
// who has to fix the file: Vietnamese, naming the field and the concrete sign they concern.
import { z } from './zod';
import { textField } from './text';
import {
	PARENT_IDS,
	RATINGS,
	SECTION_CARRIES,
	SECTION_FIELDS,
	SECTION_KINDS,
	RATING_LABELS,
	SHEET_GROUPS,
	TARGET_GROUPS,
	WORDING_KINDS,
	compareRatings,
	isParentId,
	type ParentId,
	type TemplateContent
} from '../domain/template';

const missing = (input: unknown) => input === undefined || input === null;
const shown = (input: unknown) => `«${typeof input === 'string' ? input : JSON.stringify(input)}»`;
const ifMissing = (whenMissing: string, otherwise: string) => (iss: { input?: unknown }) =>
	missing(iss.input) ? whenMissing : otherwise;

function requiredText(what: string) {
	return textField({ error: ifMissing(`thiếu ${what}`, `${what} phải là chuỗi ký tự`) })
		.trim()
		.min(1, { error: `thiếu ${what}` });
}

const targetGroup = z.enum(TARGET_GROUPS, {
	error: (iss) => ifMissing('thiếu nhóm đối tượng', `nhóm đối tượng không hợp lệ ${shown(iss.input)}`)(iss)
});
/** A sign may be on a member's sheet (A/B/C) or a collective's (CB/CU). */
const sheetGroup = z.enum(SHEET_GROUPS, {
	error: (iss) => ifMissing('thiếu nhóm đối tượng', `nhóm đối tượng không hợp lệ ${shown(iss.input)}`)(iss)
});
const parentId = z.custom<ParentId>((v) => typeof v === 'string' && isParentId(v), {
	error: (iss) =>
		ifMissing(
			'thiếu biểu hiện gốc',
			`biểu hiện gốc không hợp lệ ${shown(iss.input)} (phải là TT1–TT9, DD1–DD9 hoặc DB1–DB9)`
		)(iss)
});
const rating = z.enum(RATINGS, {
	error: (iss) => `xếp loại không hợp lệ ${shown(iss.input)} (chỉ nhận ${RATINGS.join(', ')})`
});
const minLevel = z.literal([1, 2, 3], { error: 'mức độ phải là 1, 2 hoặc 3' });
const penalty = z.number({ error: 'điểm trừ phải là một số' }).min(0, { error: 'điểm trừ không được âm' });
const minScore = z
	.number({ error: 'ngưỡng điểm phải là một số' })
	.min(0, { error: 'ngưỡng điểm không được nhỏ hơn 0' })
	.max(100, { error: 'ngưỡng điểm không được lớn hơn 100' });
const objectOf = <T extends z.ZodRawShape>(shape: T, what: string) =>
	z.object(shape, { error: ifMissing(`thiếu ${what}`, `${what} phải là một đối tượng`) });
const arrayOf = <T extends z.ZodType>(item: T, what: string) =>
	z.array(item, { error: ifMissing(`thiếu ${what}`, `${what} phải là một mảng`) });

const concreteSign = objectOf(
	{
		code: requiredText('mã biểu hiện').regex(/^\S+$/, { error: 'mã biểu hiện không được chứa khoảng trắng' }),
		parent: parentId,
		text: requiredText('nội dung biểu hiện'),
		groups: arrayOf(sheetGroup, 'danh sách nhóm đối tượng').min(1, {
			error: 'phải áp dụng cho ít nhất một nhóm đối tượng'
		}),
		weight: z
			.number({ error: ifMissing('thiếu trọng số', 'trọng số phải là một số') })
			.positive({ error: 'trọng số phải lớn hơn 0' }),
		critical: z.boolean({ error: 'đánh dấu nghiêm trọng (critical) phải là true hoặc false' }).default(false),
		source: textField({ error: 'nguồn (source) phải là chuỗi ký tự' }).optional()
	},
	'biểu hiện cụ thể'
);

const change = objectOf(
	{
		date: requiredText('ngày thay đổi'),
		code: textField({ error: 'mã biểu hiện của thay đổi phải là chuỗi ký tự' }).optional(),
		note: requiredText('nội dung thay đổi'),
		source: requiredText('nguồn của thay đổi')
	},
	'thay đổi'
);

const formLine = objectOf(
	{
		text: requiredText('nội dung dòng'),
		verified: z.boolean({ error: 'đã đối chiếu (verified) phải là true hoặc false' }),
		source: textField({ error: 'nguồn (source) phải là chuỗi ký tự' }).optional()
	},
	'dòng của mẫu'
);

const formSection = objectOf(
	{
		key: requiredText('mã mục').regex(/^[A-Za-z0-9.]+$/, { error: 'mã mục chỉ gồm chữ, số và dấu chấm' }),
		heading: requiredText('đề mục'),
		kind: z.enum(SECTION_KINDS, {
			error: (iss) => `loại mục không hợp lệ ${shown(iss.input)} (chỉ nhận ${SECTION_KINDS.join(', ')})`
		}),
		depth: z.literal([1, 2, 3], { error: 'cấp đề mục (depth) phải là 1, 2 hoặc 3' }),
		guidance: textField({ error: 'hướng dẫn phải là chuỗi ký tự' }).optional(),
		verified: z.boolean({ error: 'đã đối chiếu (verified) phải là true hoặc false' }),
		source: textField({ error: 'nguồn (source) phải là chuỗi ký tự' }).optional(),
		optional: z.boolean({ error: '“nếu có” (optional) phải là true hoặc false' }).optional(),
		required: z.boolean({ error: 'bắt buộc (required) phải là true hoặc false' }).optional(),
		field: z.enum(SECTION_FIELDS, { error: `trường lưu (field) chỉ nhận ${SECTION_FIELDS.join(', ')}` }).optional(),
		carry: z
			.enum(SECTION_CARRIES, { error: `phần mang sang (carry) chỉ nhận ${SECTION_CARRIES.join(', ')}` })
			.optional(),
		statuses: arrayOf(
			objectOf({ value: requiredText('giá trị trạng thái'), label: requiredText('nhãn trạng thái') }, 'trạng thái'),
			'danh sách trạng thái'
		).optional(),
		placement: z.enum(['identity', 'annex'], { error: 'vị trí in (placement) chỉ nhận identity hoặc annex' }).optional()
	},
	'mục của mẫu'
);

const formDefinition = objectOf(
	{
		form: requiredText('tên mẫu (form)'),
		title: formLine,
		subtitle: formLine,
		signature: formLine,
		sections: arrayOf(formSection, 'danh sách mục').min(1, { error: 'phải có ít nhất một mục' })
	},
	'mẫu bản kiểm điểm'
);

const rules = objectOf(
	{
		levelPenalty: z.tuple([penalty, penalty, penalty, penalty], {
			error: ifMissing('thiếu điểm trừ theo mức độ', 'phải có đúng 4 giá trị điểm trừ, lần lượt cho các mức 0, 1, 2, 3')
		}),
		bands: arrayOf(objectOf({ rating, minScore }, 'ngưỡng xếp loại'), 'danh sách ngưỡng xếp loại').min(1, {
			error: 'phải có ít nhất một ngưỡng xếp loại'
		}),
		caps: arrayOf(
			objectOf(
				{
					minLevel,
					minCount: z
						.int({ error: 'số biểu hiện phải là số nguyên' })
						.min(1, { error: 'số biểu hiện phải từ 1 trở lên' }),
					maxRating: rating
				},
				'quy tắc giới hạn xếp loại'
			),
			'danh sách quy tắc giới hạn xếp loại'
		),
		critical: objectOf({ minLevel, rating }, 'quy tắc cho biểu hiện nghiêm trọng')
	},
	'quy tắc chấm điểm'
);

const exclusion = objectOf(
	{ group: targetGroup, parent: parentId, reason: requiredText('lý do loại trừ') },
	'mục loại trừ'
);

type Structure = Omit<TemplateContent, 'wordingNote'> & { wordingNote?: string };
type Problem = { path: (string | number)[]; message: string };

/** The checks that span several fields; run only once the structure is sound. */
function crossFieldProblems(t: Structure): Problem[] {
	const problems: Problem[] = [];
	const add = (path: (string | number)[], message: string) => problems.push({ path, message });

	const lp = t.rules.levelPenalty;
	if (lp[0] !== 0) add(['rules', 'levelPenalty', 0], 'mức 0 (không có biểu hiện) phải có điểm trừ bằng 0');
	for (let i = 1; i < 4; i++) {
		if (lp[i] < lp[i - 1])
			add(['rules', 'levelPenalty', i], `điểm trừ của mức ${i} không được nhỏ hơn của mức ${i - 1}`);
	}
	if (lp[3] <= 0) add(['rules', 'levelPenalty', 3], 'điểm trừ của mức 3 phải lớn hơn 0');

	const bands = t.rules.bands;
	bands.forEach((band, i) => {
		const prev = bands[i - 1];
		if (!prev) return;
		if (band.minScore >= prev.minScore)
			add(['rules', 'bands', i, 'minScore'], `ngưỡng điểm phải thấp hơn ngưỡng trước (${prev.minScore})`);
		if (compareRatings(band.rating, prev.rating) <= 0)
			add(
				['rules', 'bands', i, 'rating'],
				`xếp loại phải thấp hơn xếp loại của ngưỡng trước («${RATING_LABELS[prev.rating]}»)`
			);
	});
	const last = bands.length - 1;
	if (last >= 0 && bands[last].minScore !== 0)
		add(['rules', 'bands', last, 'minScore'], 'ngưỡng cuối cùng phải bằng 0 để điểm nào cũng có xếp loại');

	const firstIndex = new Map<string, number>();
	t.signs.forEach((sign, i) => {
		const first = firstIndex.get(sign.code);
		if (first === undefined) firstIndex.set(sign.code, i);
		else add(['signs', i, 'code'], `mã biểu hiện bị trùng với signs[${first}]`);
		if (!sign.code.startsWith(`${sign.parent}.`) || sign.code.length <= sign.parent.length + 1)
			add(['signs', i, 'code'], `mã biểu hiện phải có dạng «${sign.parent}.…» theo biểu hiện gốc ${sign.parent}`);
		const dup = sign.groups.find((g, j) => sign.groups.indexOf(g) !== j);
		if (dup) add(['signs', i, 'groups'], `nhóm đối tượng «${dup}» bị lặp`);
	});

	const excluded = new Map<string, number>();
	t.exclusions.forEach((e, i) => {
		const key = `${e.group}/${e.parent}`;
		if (excluded.has(key)) add(['exclusions', i], `bị lặp với exclusions[${excluded.get(key)}]`);
		else excluded.set(key, i);
		const covering = t.signs.filter((s) => s.parent === e.parent && s.groups.includes(e.group));
		if (covering.length > 0) {
			const codes = covering.map((s) => s.code).join(', ');
			add(
				['exclusions', i],
				`nhóm ${e.group} đã có biểu hiện cụ thể thuộc ${e.parent} (${codes}) nên không thể loại trừ`
			);
		}
	});
	for (const group of TARGET_GROUPS) {
		for (const parent of PARENT_IDS) {
			const covered = t.signs.some((s) => s.parent === parent && s.groups.includes(group));
			if (!covered && !excluded.has(`${group}/${parent}`))
				add(
					[],
					`nhóm ${group} chưa có biểu hiện cụ thể nào thuộc biểu hiện gốc ${parent} và cũng không được loại trừ (exclusions)`
				);
		}
	}
	if (t.forms)
		for (const group of SHEET_GROUPS) {
			const form = t.forms[group];
			if (!form) continue;
			const sections = form.sections;
			const seen = new Map<string, number>();
			sections.forEach((section, i) => {
				const at = ['forms', group, 'sections', i];
				if (seen.has(section.key)) add([...at, 'key'], `mã mục bị trùng với sections[${seen.get(section.key)}]`);
				else seen.set(section.key, i);
				if (section.kind === 'items' && !section.statuses?.length)
					add([...at, 'statuses'], 'mục dạng danh sách (items) cần danh sách trạng thái');
				if (section.field && section.kind !== 'text')
					add([...at, 'field'], 'chỉ mục văn bản (text) mới lưu vào trường cũ');
			});
			for (const kind of ['signs', 'score366', 'quality'] as const)
				if (sections.filter((s) => s.kind === kind).length !== 1)
					add(['forms', group, 'sections'], `phải có đúng một mục loại ${kind}`);
			for (const field of SECTION_FIELDS)
				if (sections.filter((s) => s.field === field).length > 1)
					add(['forms', group, 'sections'], `trường ${field} chỉ được gắn với một mục`);
		}
	return problems;
}

/** Schema of an imported template file, structure first, then the cross-field checks. */
export const templateSchema = z
	.object(
		{
			$comment: z.string({ error: '$comment phải là chuỗi ký tự' }).optional(),
			key: requiredText('mã mẫu phiếu').regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
				error: 'mã mẫu phiếu chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang'
			}),
			name: requiredText('tên mẫu phiếu'),
			wording: z.enum(WORDING_KINDS, {
				error: (iss) => `nguồn cách diễn đạt không hợp lệ ${shown(iss.input)} (chỉ nhận ${WORDING_KINDS.join(', ')})`
			}),
			wordingNote: textField({ error: 'ghi chú về cách diễn đạt phải là chuỗi ký tự' }).optional(),
			edition: z.int({ error: 'số hiệu bản (edition) phải là số nguyên' }).min(1).optional(),
			changes: arrayOf(change, 'danh sách thay đổi').optional(),
			forms: objectOf(
				{
					A: formDefinition,
					B: formDefinition,
					C: formDefinition,
					// The collectives' report (Mẫu 1), from edition 3.
					CB: formDefinition.optional(),
					CU: formDefinition.optional()
				},
				'mẫu bản kiểm điểm theo nhóm (forms)'
			).optional(),
			rules,
			exclusions: arrayOf(exclusion, 'danh sách loại trừ').default([]),
			signs: arrayOf(concreteSign, 'danh sách biểu hiện cụ thể').min(1, {
				error: 'phải có ít nhất một biểu hiện cụ thể'
			})
		},
		{ error: 'tệp mẫu phiếu phải là một đối tượng JSON' }
	)
	.superRefine(
		(t, ctx) => {
			for (const { path, message } of crossFieldProblems(t)) ctx.addIssue({ code: 'custom', path, message });
		},
		// Cross-field errors on top of structural ones would mostly repeat them.
		{ when: (payload) => payload.issues.length === 0 }
	);

/** Result of importing a template: the content, or every problem found. */
export type TemplateParseResult = { ok: true; content: TemplateContent } | { ok: false; errors: string[] };

/** "signs[12] (DD7.1)", "exclusions[0] (C/DD8)" or a plain path such as "rules.bands[1].minScore". */
function pathLabel(path: PropertyKey[], input: unknown): string {
	const [head, index] = path;
	const rec = (v: unknown) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
	const item = typeof index === 'number' ? rec(rec(rec(input)[String(head)])[index]) : {};
	if (head === 'signs' && typeof index === 'number') {
		const code = typeof item.code === 'string' ? item.code.trim() : '';
		return code ? `signs[${index}] (${code})` : `signs[${index}]`;
	}
	if (
		head === 'exclusions' &&
		typeof index === 'number' &&
		typeof item.group === 'string' &&
		typeof item.parent === 'string'
	)
		return `exclusions[${index}] (${item.group}/${item.parent})`;
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

const capitalize = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** Validates an imported template (already JSON-parsed) and returns its content or Vietnamese errors. */
export function parseTemplate(json: unknown): TemplateParseResult {
	const result = templateSchema.safeParse(json);
	if (!result.success) {
		const errors = result.error.issues.map((issue) => {
			const label = pathLabel(issue.path, json);
			return label ? `${label}: ${issue.message}` : capitalize(issue.message);
		});
		return { ok: false, errors };
	}
	const { $comment: _comment, ...content } = result.data;
	return { ok: true, content };
}

/** Parses template file text; text that is not JSON is reported like any other error. */
export function parseTemplateText(text: string): TemplateParseResult {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return { ok: false, errors: [`Tệp không phải JSON hợp lệ: ${(error as Error).message}`] };
	}
	return parseTemplate(json);
}

/** Stable pretty JSON for export: fixed key order, groups in A-B-C order, trailing newline. */
export function serializeTemplate(content: TemplateContent): string {
	const { key, name, wording, wordingNote, edition, changes, forms, rules: r } = content;
	const ordered = {
		key,
		name,
		...(edition === undefined ? {} : { edition }),
		wording,
		...(wordingNote === undefined ? {} : { wordingNote }),
		...(changes === undefined ? {} : { changes }),
		rules: {
			levelPenalty: r.levelPenalty,
			bands: r.bands.map((b) => ({ rating: b.rating, minScore: b.minScore })),
			caps: r.caps.map((c) => ({ minLevel: c.minLevel, minCount: c.minCount, maxRating: c.maxRating })),
			critical: { minLevel: r.critical.minLevel, rating: r.critical.rating }
		},
		exclusions: content.exclusions.map((e) => ({ group: e.group, parent: e.parent, reason: e.reason })),
		signs: content.signs.map((s) => ({
			code: s.code,
			parent: s.parent,
			text: s.text,
			groups: SHEET_GROUPS.filter((g) => s.groups.includes(g)),
			weight: s.weight,
			critical: s.critical,
			...(s.source === undefined ? {} : { source: s.source })
		})),
		...(forms === undefined ? {} : { forms })
	};
	return `${JSON.stringify(ordered, null, 2)}\n`;
}
