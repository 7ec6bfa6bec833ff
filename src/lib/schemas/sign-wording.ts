import { z } from './zod';
import { textField } from './text';
import { PARENT_IDS } from '../domain/template';

/** An administrator's correction of one of the 27 signs. */
export const signWordingSchema = z.object({
	signId: z.enum(PARENT_IDS, { error: 'Biểu hiện không hợp lệ.' }),
	text: textField({ error: 'Vui lòng nhập nội dung biểu hiện.' })
		.trim()
		.min(10, 'Nội dung biểu hiện quá ngắn (ít nhất 10 ký tự).')
		.max(2000, 'Nội dung biểu hiện không quá 2.000 ký tự.'),
	official: z.boolean(),
	source: textField().trim().max(500, 'Nguồn không quá 500 ký tự.')
});
