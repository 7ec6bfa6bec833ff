import { RATING_LABELS, type Rating } from './template';
import { ROLE_LABELS } from './org';

/** Every action the audit log records, with its name in Vietnamese. */
export const AUDIT_ACTION_LABELS = {
	'sheet.submit': 'Đảng viên nộp phiếu',
	'sheet.return': 'Chi ủy trả lại phiếu để hoàn thiện',
	'sheet.approve': 'Chi ủy duyệt phiếu',
	'sheet.approve.adjusted': 'Chi ủy duyệt phiếu, điều chỉnh xếp loại',
	'sheet.reopen': 'Chi ủy mở lại phiếu đã duyệt',
	'sheet.question.ask': 'Cấp ủy gợi ý kiểm điểm cho đảng viên',
	'password.change': 'Đổi mật khẩu',
	'password.reset': 'Cấp lại mật khẩu tạm thời',
	'member.import': 'Nhập danh sách đảng viên',
	'member.create': 'Thêm đảng viên',
	'member.update': 'Sửa thông tin đảng viên',
	'member.move': 'Chuyển sinh hoạt',
	'member.deactivate': 'Ngừng tài khoản',
	'unit.create': 'Thêm đơn vị',
	'unit.rename': 'Đổi tên đơn vị',
	'unit.move': 'Chuyển đơn vị',
	'unit.close': 'Giải thể đơn vị',
	'role.grant': 'Giao vai trò',
	'role.revoke': 'Thu hồi vai trò',
	'period.create': 'Mở đợt kiểm điểm',
	'period.extend': 'Gia hạn đợt kiểm điểm',
	'period.close': 'Kết thúc đợt kiểm điểm',
	'period.reopen': 'Mở lại đợt kiểm điểm đã kết thúc',
	'template.version.create': 'Thêm phiên bản mẫu phiếu',
	'sign.wording.set': 'Sửa nội dung biểu hiện',
	'chapter.report.save': 'Bí thư ghi số và phương hướng vào báo cáo tổng hợp của chi bộ',
	'task.assign': 'Cấp ủy giao nhiệm vụ đột phá',
	'task.report': 'Cán bộ báo cáo tiến độ nhiệm vụ đột phá',
	'task.evaluate': 'Cấp ủy đánh giá kết quả nhiệm vụ đột phá',
	'task.withdraw': 'Cấp ủy rút lại nhiệm vụ đột phá giao nhầm',
	'example.self_rate': 'Đảng viên tự đánh giá việc nêu gương',
	'example.review': 'Đánh giá việc nêu gương của đảng viên',
	'collective.submit': 'Nộp phiếu kiểm điểm của tập thể',
	'collective.return': 'Cấp ủy cấp trên trả lại phiếu của tập thể để hoàn thiện',
	'collective.approve': 'Cấp ủy cấp trên duyệt phiếu của tập thể',
	'collective.approve.adjusted': 'Cấp ủy cấp trên duyệt phiếu của tập thể, điều chỉnh kết quả tự soi',
	'collective.reopen': 'Cấp ủy cấp trên mở lại phiếu đã duyệt của tập thể'
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** A sheet action as the log names it for a collective's sheet ('sheet.return' → 'collective.return'). */
export function collectiveAction(action: AuditAction): AuditAction {
	const named = action.replace(/^sheet\./, 'collective.');
	return named in AUDIT_ACTION_LABELS ? (named as AuditAction) : action;
}

/** What an audit line is about. */
export type AuditTargetType = 'user' | 'unit' | 'period' | 'sheet' | 'sign' | 'template_version' | 'task';

/** The name of an action in the log, in Vietnamese. */
export function actionLabel(action: string): string {
	return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

/** One line of a sheet's history in words. */
export function describeSheetEvent(action: string, detail: unknown): string {
	const label = actionLabel(action);
	const d = (detail ?? {}) as { computed?: Rating | null; final?: Rating };
	if ((action === 'sheet.approve.adjusted' || action === 'collective.approve.adjusted') && d.final) {
		return `${label}: từ «${d.computed ? RATING_LABELS[d.computed] : '—'}» thành «${RATING_LABELS[d.final]}»`;
	}
	if ((action === 'sheet.approve' || action === 'collective.approve') && d.final)
		return `${label}, xếp loại «${RATING_LABELS[d.final]}»`;
	const role = (detail as { role?: string } | null)?.role;
	if ((action === 'role.grant' || action === 'role.revoke') && role)
		return `${label}: ${(ROLE_LABELS as Record<string, string>)[role]?.toLowerCase() ?? role}`;
	return label;
}

/** "Lê Thị Hoa (dangvien007)": the person an audit line concerns — the account it changed, or the member whose sheet it is. */
export function concernedPerson(line: {
	targetType: string | null;
	targetName?: string | null;
	targetUsername?: string | null;
	sheetOwnerName?: string | null;
	sheetOwnerUsername?: string | null;
}): string | null {
	const [name, username] =
		line.targetType === 'sheet'
			? [line.sheetOwnerName, line.sheetOwnerUsername]
			: line.targetType === 'user'
				? [line.targetName, line.targetUsername]
				: [null, null];
	if (!name) return null;
	return `${line.targetType === 'sheet' ? 'phiếu của ' : ''}${name}${username ? ` (${username})` : ''}`;
}
