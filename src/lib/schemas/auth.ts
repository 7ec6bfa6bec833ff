import { z } from './zod';
import { nameField, textField } from './text';

/** The sign-in form. */
export const loginSchema = z.object({
	username: nameField({ error: 'Vui lòng nhập tên đăng nhập.' })
		.trim()
		.min(1, 'Vui lòng nhập tên đăng nhập.')
		.max(64, 'Tên đăng nhập không quá 64 ký tự.'),
	password: textField({ error: 'Vui lòng nhập mật khẩu.' })
		.min(1, 'Vui lòng nhập mật khẩu.')
		.max(128, 'Mật khẩu không quá 128 ký tự.')
});

export const PASSWORD_MIN = 8;

/** The change-password form. */
export const changePasswordSchema = z
	.object({
		currentPassword: textField({ error: 'Vui lòng nhập mật khẩu hiện tại.' })
			.min(1, 'Vui lòng nhập mật khẩu hiện tại.')
			.max(128, 'Mật khẩu không quá 128 ký tự.'),
		newPassword: textField({ error: 'Vui lòng nhập mật khẩu mới.' })
			.min(PASSWORD_MIN, `Mật khẩu mới cần ít nhất ${PASSWORD_MIN} ký tự.`)
			.max(128, 'Mật khẩu mới không quá 128 ký tự.'),
		confirmPassword: textField({ error: 'Vui lòng nhập lại mật khẩu mới.' })
	})
	.refine((v) => v.newPassword === v.confirmPassword, {
		path: ['confirmPassword'],
		message: 'Hai lần nhập mật khẩu mới không khớp.'
	})
	.refine((v) => v.newPassword !== v.currentPassword, {
		path: ['newPassword'],
		message: 'Mật khẩu mới phải khác mật khẩu hiện tại.'
	});
