import { z } from './zod';
import { nameField, textField } from './text';
import { ROLES, UNIT_KINDS } from '../domain/org';
import { isRealIsoDate } from '../domain/iso-date';
import { TARGET_GROUPS } from '../domain/template';

const id = (what: string) =>
	z.coerce
		.number({ error: `${what} không hợp lệ.` })
		.int(`${what} không hợp lệ.`)
		.positive(`${what} không hợp lệ.`);

export const unitNameSchema = z.object({
	name: nameField({ error: 'Vui lòng nhập tên đơn vị.' })
		.trim()
		.min(3, 'Tên đơn vị cần ít nhất 3 ký tự.')
		.max(200, 'Tên đơn vị không quá 200 ký tự.')
});

export const newUnitSchema = unitNameSchema.extend({
	kind: z.enum(UNIT_KINDS, { error: 'Hãy chọn loại đơn vị.' })
});

export const moveUnitSchema = z.object({ parentId: id('Đơn vị cấp trên') });

export const grantSchema = z.object({
	username: nameField({ error: 'Vui lòng nhập tên đăng nhập.' })
		.trim()
		.min(1, 'Vui lòng nhập tên đăng nhập.')
		.max(64, 'Tên đăng nhập không quá 64 ký tự.'),
	role: z.enum(ROLES, { error: 'Vai trò không hợp lệ.' })
});

export const revokeSchema = z.object({
	userId: id('Tài khoản'),
	role: z.enum(ROLES, { error: 'Vai trò không hợp lệ.' })
});

const realDate = isRealIsoDate;

/** A member's details as an administrator edits them. */
export const memberDetailsSchema = z.object({
	fullName: nameField({ error: 'Vui lòng nhập họ và tên.' })
		.trim()
		.min(2, 'Vui lòng nhập họ và tên.')
		.max(100, 'Họ và tên không quá 100 ký tự.'),
	dateOfBirth: z
		.string({ error: 'Vui lòng nhập ngày sinh.' })
		.refine(realDate, 'Ngày sinh không hợp lệ.')
		.refine((v) => v >= '1900-01-01' && v <= new Date().toISOString().slice(0, 10), 'Ngày sinh không hợp lệ.'),
	position: textField().trim().max(200, 'Chức vụ không quá 200 ký tự.'),
	targetGroup: z.enum(TARGET_GROUPS, { error: 'Hãy chọn nhóm đối tượng.' })
});

/** A new member: the details, a login id and the chapter. */
export const newMemberSchema = memberDetailsSchema.extend({
	username: nameField({ error: 'Vui lòng nhập tên đăng nhập.' })
		.trim()
		.toLowerCase()
		.regex(
			/^[a-z0-9._-]{3,64}$/,
			'Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.'
		),
	chapterId: id('Chi bộ')
});

/** Moving a member to another chapter on a date. */
export const moveMemberSchema = z.object({
	chapterId: id('Chi bộ'),
	onDate: z.string({ error: 'Vui lòng nhập ngày chuyển.' }).refine(realDate, 'Ngày chuyển không hợp lệ.')
});

/** A new review period. */
export const newPeriodSchema = z
	.object({
		name: nameField({ error: 'Vui lòng nhập tên đợt.' })
			.trim()
			.min(3, 'Tên đợt cần ít nhất 3 ký tự.')
			.max(100, 'Tên đợt không quá 100 ký tự.'),
		year: z.coerce
			.number({ error: 'Năm không hợp lệ.' })
			.int('Năm không hợp lệ.')
			.min(2000, 'Năm không hợp lệ.')
			.max(2100, 'Năm không hợp lệ.'),
		unitId: id('Đơn vị'),
		templateVersionId: id('Phiên bản mẫu phiếu'),
		opensOn: z.string({ error: 'Vui lòng nhập ngày mở đợt.' }).refine(realDate, 'Ngày mở đợt không hợp lệ.'),
		deadline: z.string({ error: 'Vui lòng nhập hạn nộp.' }).refine(realDate, 'Hạn nộp không hợp lệ.')
	})
	.refine((v) => v.deadline >= v.opensOn, { path: ['deadline'], message: 'Hạn nộp phải sau ngày mở đợt.' });

/** A later deadline. */
export const deadlineSchema = z.object({
	deadline: z.string({ error: 'Vui lòng nhập hạn mới.' }).refine(realDate, 'Hạn mới không hợp lệ.')
});
