import { z } from './zod';
import { textField } from './text';
import { RATINGS } from '../domain/template';
import { TEXT_LIMITS } from '../domain/sheet';

const CODE = /^(TT|DD|DB)[1-9]\.[1-9]$/;

const assessment = textField()
	.trim()
	.max(TEXT_LIMITS.longText, `Nhận xét của chi ủy không quá ${TEXT_LIMITS.longText.toLocaleString('vi-VN')} ký tự.`);

/** Returning a sheet: at least one note, on the whole sheet or on a concrete sign. */
export const returnSchema = z.object({
	assessment,
	notes: z
		.array(
			z.object({
				code: z.string().regex(CODE, 'Mã biểu hiện không hợp lệ.').nullable(),
				text: textField()
					.trim()
					.min(1, 'Ghi chú không được để trống.')
					.max(TEXT_LIMITS.note, `Mỗi ghi chú không quá ${TEXT_LIMITS.note.toLocaleString('vi-VN')} ký tự.`)
			})
		)
		.min(1, 'Khi trả lại phiếu, hãy ghi ít nhất một nhận xét để đảng viên biết cần sửa gì.')
		.max(100, 'Quá nhiều ghi chú.')
});

/** Approving a sheet with the chi ủy's assessment and final rating; a reason is checked against the computed rating by the service. */
export const approveSchema = z.object({
	assessment,
	finalRating: z.enum(RATINGS, { error: 'Hãy chọn xếp loại.' }),
	reason: textField()
		.trim()
		.max(TEXT_LIMITS.note, `Lý do không quá ${TEXT_LIMITS.note.toLocaleString('vi-VN')} ký tự.`)
});

/** Reopening an approved sheet. */
export const reopenSchema = z.object({
	reason: textField({ error: 'Hãy ghi lý do mở lại phiếu.' })
		.trim()
		.min(5, 'Hãy ghi lý do mở lại phiếu (ít nhất 5 ký tự).')
		.max(TEXT_LIMITS.note, `Lý do không quá ${TEXT_LIMITS.note.toLocaleString('vi-VN')} ký tự.`)
});

/** The return form as posted: "generalNote" and "signNote.CODE" fields become a list of notes. */
export function returnFormToInput(data: FormData): unknown {
	const notes: { code: string | null; text: string }[] = [];
	for (const [name, value] of data.entries()) {
		if (typeof value !== 'string' || !value.trim()) continue;
		if (name === 'generalNote') notes.push({ code: null, text: value });
		else if (name.startsWith('signNote.')) notes.push({ code: name.slice('signNote.'.length), text: value });
	}
	return { assessment: data.get('assessment') ?? '', notes };
}

/** What the secretary writes into the chapter's summary report: its number in the chapter's register and what the chapter will do. */
export const chapterReportSchema = z.object({
	number: textField()
		.trim()
		.max(10, 'Số báo cáo không quá 10 ký tự.')
		.regex(/^[0-9A-Za-z.]*$/u, 'Số báo cáo chỉ gồm chữ số (ví dụ 05), không ghi “-BC/CB”.'),
	plan: textField()
		.trim()
		.max(TEXT_LIMITS.longText, `Phương hướng không quá ${TEXT_LIMITS.longText.toLocaleString('vi-VN')} ký tự.`)
});
