import { z } from './zod';
import { textField } from './text';
import { fieldName } from './field-name';
import { PROGRESS_STATUSES, TEXT_LIMITS } from '../domain/sheet';
import { isRealIsoDate } from '../domain/iso-date';
import { NOT_APPLICABLE, QUALITY_LEVELS, SCORE_FRAME } from '../domain/template';
import { SECTION_LIMITS } from '../domain/sections';

const CODE = /^(TT|DD|DB)[1-9]\.[1-9]$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const level = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(NOT_APPLICABLE), z.null()], {
	error: 'Mức độ phải là 0, 1, 2, 3 hoặc “Không áp dụng”.'
});
const text = (max: number, what: string) =>
	textField({ error: `${what} phải là văn bản.` }).max(max, `${what} không quá ${max.toLocaleString('vi-VN')} ký tự.`);
const deadline = z
	.string()
	.regex(ISO_DATE, 'Thời hạn khắc phục phải là một ngày hợp lệ.')
	.refine(isRealIsoDate, 'Thời hạn khắc phục phải là một ngày hợp lệ.')
	.nullable();

const answerChange = z
	.strictObject(
		{
			level: level.optional(),
			note: text(TEXT_LIMITS.note, 'Ghi chú').optional(),
			action: text(TEXT_LIMITS.action, 'Biện pháp khắc phục').optional(),
			actionDeadline: deadline.optional(),
			/** The level was set with "Không có biểu hiện" for the rest of the section, not sign by sign. */
			sectionNone: z.boolean({ error: 'Cách chọn mức độ không hợp lệ.' }).optional()
		},
		{ error: 'Câu trả lời có trường không hợp lệ.' }
	)
	// Only a level carries how it was set: "none for the rest" marks a level 0, and any level chosen on its own clears
	// the mark. Without a level the mark means nothing and is dropped.
	.transform(({ sectionNone, ...change }) =>
		change.level === undefined ? change : { ...change, sectionNone: sectionNone === true && change.level === 0 }
	);

const progressChange = z.strictObject(
	{
		status: z.enum(PROGRESS_STATUSES, { error: 'Kết quả khắc phục không hợp lệ.' }).nullable().optional(),
		note: text(TEXT_LIMITS.progressNote, 'Ghi chú kết quả khắc phục').optional()
	},
	{ error: 'Kết quả khắc phục có trường không hợp lệ.' }
);

const codeKey = z.string().regex(CODE, 'Mã biểu hiện không hợp lệ.');

const framePart = (max: number, what: string) =>
	z
		.number({ error: `${what} phải là một số.` })
		.min(0, `${what} từ 0 đến ${max} điểm.`)
		.max(max, `${what} từ 0 đến ${max} điểm.`)
		.multipleOf(0.5, `${what} chấm đến nửa điểm (ví dụ 27 hoặc 27,5).`)
		.nullable();

const sectionItem = z.strictObject(
	{
		id: z.string().regex(/^(prior-[A-Za-z0-9.-]+|own-\d{1,3})$/, 'Dòng của danh sách không hợp lệ.'),
		text: text(SECTION_LIMITS.itemText, 'Nội dung dòng'),
		status: z.string().max(40, 'Trạng thái không hợp lệ.').nullable(),
		note: text(SECTION_LIMITS.itemNote, 'Ghi chú của dòng')
	},
	{ error: 'Dòng của danh sách có trường không hợp lệ.' }
);

/** A change to one section of the form: each kind sends its own part, whole. */
const sectionChange = z.strictObject(
	{
		text: text(SECTION_LIMITS.text, 'Nội dung mục').optional(),
		items: z.array(sectionItem).max(SECTION_LIMITS.items, `Tối đa ${SECTION_LIMITS.items} dòng mỗi mục.`).optional(),
		general: framePart(SCORE_FRAME.general, 'Điểm nhóm tiêu chí chung').optional(),
		tasks: framePart(SCORE_FRAME.tasks, 'Điểm nhóm tiêu chí về kết quả thực hiện nhiệm vụ').optional(),
		quality: z.enum(QUALITY_LEVELS, { error: 'Mức xếp loại đề xuất không hợp lệ.' }).nullable().optional()
	},
	{ error: 'Mục của bản kiểm điểm có trường không hợp lệ.' }
);

/** One autosave: the revision the browser started from and only what changed since. */
export const sheetChangesSchema = z.strictObject(
	{
		revision: z.number({ error: 'Thiếu số phiên bản của phiếu.' }).int().min(0),
		answers: z.record(codeKey, answerChange).optional(),
		texts: z
			.strictObject({
				strengths: text(TEXT_LIMITS.longText, 'Ưu điểm').optional(),
				shortcomings: text(TEXT_LIMITS.longText, 'Hạn chế, khuyết điểm').optional(),
				commitment: text(TEXT_LIMITS.longText, 'Cam kết').optional()
			})
			.optional(),
		progress: z.record(codeKey, progressChange).optional(),
		sections: z.record(z.string().regex(/^[A-Za-z0-9.]{1,20}$/, 'Mã mục không hợp lệ.'), sectionChange).optional(),
		questions: z
			.record(
				z.string().regex(/^\d{1,12}$/, 'Mã câu hỏi gợi ý không hợp lệ.'),
				z.strictObject({ answer: text(SECTION_LIMITS.answer, 'Giải trình') }, { error: 'Giải trình không hợp lệ.' })
			)
			.optional()
	},
	{ error: 'Dữ liệu lưu phiếu không hợp lệ.' }
);

export type SheetChanges = z.infer<typeof sheetChangesSchema>;

/** The first problem of a failed parse, in words, with where it is. */
export function firstIssueMessage(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'Dữ liệu không hợp lệ.';
	// zod reports a bad record key with its own English text.
	if (issue.code === 'invalid_key') return `Mã biểu hiện «${String(issue.path.at(-1))}» không hợp lệ.`;
	const code = issue.path.find((p) => typeof p === 'string' && CODE.test(p));
	return code ? `Biểu hiện ${String(code)}: ${issue.message}` : issue.message;
}

/**
 * Reads the whole sheet form as a plain POST sends it (no JavaScript), into the same change shape the
 * autosave uses. Field names: level.CODE, note.CODE, action.CODE, deadline.CODE, sectionNone.CODE, strengths,
 * shortcomings, commitment, progress.CODE, progressNote.CODE, revision.
 */
export function formToChanges(data: FormData): unknown {
	const answers: Record<string, Record<string, unknown>> = {};
	const progress: Record<string, Record<string, unknown>> = {};
	const texts: Record<string, unknown> = {};
	const sections: Record<string, Record<string, unknown>> = {};
	const items: Record<string, Record<string, Record<string, unknown>>> = {};
	const questions: Record<string, { answer: unknown }> = {};
	const entry = (bag: Record<string, Record<string, unknown>>, code: string) => (bag[code] ??= {});
	for (const [name, value] of data.entries()) {
		if (typeof value !== 'string') return { invalid: 'file' };
		const { field, code } = fieldName(name);
		switch (field) {
			case 'level':
				entry(answers, code).level = value === '' ? null : /^\d+$/.test(value) ? Number(value) : value;
				break;
			case 'note':
				entry(answers, code).note = value;
				break;
			case 'action':
				entry(answers, code).action = value;
				break;
			case 'deadline':
				entry(answers, code).actionDeadline = value === '' ? null : value;
				break;
			case 'sectionNone':
				entry(answers, code).sectionNone = value === '1';
				break;
			case 'progress':
				entry(progress, code).status = value === '' ? null : value;
				break;
			case 'progressNote':
				entry(progress, code).note = value;
				break;
			case 'strengths':
			case 'shortcomings':
			case 'commitment':
				texts[field] = value;
				break;
			case 'section':
				entry(sections, code).text = value;
				break;
			case 'general':
			case 'tasks':
				entry(sections, code)[field] = value.trim() === '' ? null : scoreNumber(value);
				break;
			case 'quality':
				entry(sections, code).quality = value === '' ? null : value;
				break;
			case 'item': {
				// item.<section key>.<row>.<part>: the key itself has dots.
				const parts = code.split('.');
				const part = parts.pop() ?? '';
				const row = parts.pop() ?? '';
				const key = parts.join('.');
				((items[key] ??= {})[row] ??= {})[part] = part === 'status' && value === '' ? null : value;
				break;
			}
			case 'answer':
				questions[code] = { answer: value };
				break;
		}
	}
	for (const [key, rows] of Object.entries(items)) {
		const list = Object.keys(rows)
			.sort((a, b) => Number(a) - Number(b))
			.map((row) => ({ id: '', text: '', status: null, note: '', ...rows[row] }))
			// A blank row the form offers for a new line is not a line.
			.filter((item) => item.id.startsWith('prior-') || String(item.text).trim() !== '');
		entry(sections, key).items = list;
	}
	const revision = data.get('revision');
	return {
		revision: typeof revision === 'string' && /^\d+$/.test(revision) ? Number(revision) : revision,
		answers,
		texts,
		progress,
		...(Object.keys(sections).length > 0 ? { sections } : {}),
		...(Object.keys(questions).length > 0 ? { questions } : {})
	};
}

/** "27,5" or "27.5" as a number; anything else stays text, so the schema refuses it with its message. */
function scoreNumber(value: string): number | string {
	const normal = value.trim().replace(',', '.');
	return /^\d{1,3}(\.\d)?$/.test(normal) ? Number(normal) : value;
}
