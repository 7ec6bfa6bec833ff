import { z } from './zod';
import { nameField, textField } from './text';
import { isRealIsoDate } from '../domain/iso-date';
import { TASK_RESULTS, TASK_TEXT_LIMITS } from '../domain/tasks';
import { EXAMPLE_RATINGS, EXAMPLE_TEXT_LIMITS } from '../domain/example-setting';

const n = (value: number) => value.toLocaleString('vi-VN');

/** A committee ordering a leader a breakthrough task. */
export const assignTaskSchema = z.object({
	leader: nameField({ error: 'Vui lòng nhập tên đăng nhập của cán bộ được giao.' })
		.trim()
		.min(1, 'Vui lòng nhập tên đăng nhập của cán bộ được giao.')
		.max(64, 'Tên đăng nhập không quá 64 ký tự.'),
	year: z.coerce
		.number({ error: 'Năm không hợp lệ.' })
		.int('Năm không hợp lệ.')
		.min(2000, 'Năm không hợp lệ.')
		.max(2100, 'Năm không hợp lệ.'),
	title: textField({ error: 'Vui lòng nhập tên nhiệm vụ.' })
		.trim()
		.min(5, 'Tên nhiệm vụ cần ít nhất 5 ký tự.')
		.max(TASK_TEXT_LIMITS.title, `Tên nhiệm vụ không quá ${n(TASK_TEXT_LIMITS.title)} ký tự.`),
	expectedResult: textField({ error: 'Vui lòng ghi kết quả cần đạt.' })
		.trim()
		.min(5, 'Vui lòng ghi kết quả cần đạt (ít nhất 5 ký tự).')
		.max(TASK_TEXT_LIMITS.expectedResult, `Kết quả cần đạt không quá ${n(TASK_TEXT_LIMITS.expectedResult)} ký tự.`),
	deadline: z.string({ error: 'Vui lòng nhập thời hạn.' }).refine(isRealIsoDate, 'Thời hạn không hợp lệ.'),
	decisionNo: nameField({ error: 'Vui lòng nhập số văn bản giao nhiệm vụ.' })
		.trim()
		.min(1, 'Vui lòng nhập số văn bản giao nhiệm vụ (ví dụ 125-QĐ/TU).')
		.max(TASK_TEXT_LIMITS.decisionNo, `Số văn bản không quá ${n(TASK_TEXT_LIMITS.decisionNo)} ký tự.`)
});
export type AssignTaskInput = z.output<typeof assignTaskSchema>;

/** The leader's progress report on a task. */
export const taskReportSchema = z.object({
	text: textField({ error: 'Vui lòng ghi nội dung báo cáo.' })
		.trim()
		.min(5, 'Vui lòng ghi nội dung báo cáo tiến độ (ít nhất 5 ký tự).')
		.max(TASK_TEXT_LIMITS.report, `Báo cáo không quá ${n(TASK_TEXT_LIMITS.report)} ký tự.`)
});

/** The committee's result on a task; whether the comment is required depends on the result (checked by the use case). */
export const evaluateTaskSchema = z.object({
	result: z.enum(TASK_RESULTS, { error: 'Hãy chọn kết quả.' }),
	comment: textField()
		.trim()
		.max(TASK_TEXT_LIMITS.comment, `Nhận xét không quá ${n(TASK_TEXT_LIMITS.comment)} ký tự.`)
});

/** Withdrawing a task ordered by mistake: the reason goes to the audit log. */
export const withdrawTaskSchema = z.object({
	reason: textField({ error: 'Hãy ghi lý do rút lại nhiệm vụ.' })
		.trim()
		.min(5, 'Hãy ghi lý do rút lại nhiệm vụ (ít nhất 5 ký tự).')
		.max(TASK_TEXT_LIMITS.comment, `Lý do không quá ${n(TASK_TEXT_LIMITS.comment)} ký tự.`)
});

/** A leader's own example-setting rating with what they write about it. */
export const selfExampleSchema = z.object({
	rating: z.enum(EXAMPLE_RATINGS, { error: 'Hãy chọn mức tự đánh giá việc nêu gương.' }),
	note: textField()
		.trim()
		.max(EXAMPLE_TEXT_LIMITS.note, `Nội dung không quá ${n(EXAMPLE_TEXT_LIMITS.note)} ký tự.`)
});

/** The reviewer's example-setting rating; whether the reason is required is the use case's (it differs from the member's). */
export const reviewExampleSchema = z.object({
	rating: z.enum(EXAMPLE_RATINGS, { error: 'Hãy chọn mức đánh giá việc nêu gương.' }),
	reason: textField()
		.trim()
		.max(EXAMPLE_TEXT_LIMITS.reason, `Lý do không quá ${n(EXAMPLE_TEXT_LIMITS.reason)} ký tự.`)
});
