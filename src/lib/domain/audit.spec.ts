import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, actionLabel, collectiveAction, describeSheetEvent } from './audit';

describe('audit action labels', () => {
	it('names every recorded action in Vietnamese', () => {
		expect(AUDIT_ACTION_LABELS).toEqual({
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
			'period.reopen': 'Mở lại đợt kiểm điểm đã kết thúc',
			'period.close': 'Kết thúc đợt kiểm điểm',
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
		});
	});

	it('shows an action it does not know by its code', () => {
		expect(actionLabel('sheet.submit')).toBe('Đảng viên nộp phiếu');
		expect(actionLabel('sheet.unknown')).toBe('sheet.unknown');
	});
});

describe('a sheet event in words', () => {
	it('says which rating the chi ủy approved', () => {
		expect(describeSheetEvent('sheet.approve', { final: 'kha' })).toBe('Chi ủy duyệt phiếu, xếp loại «Khá»');
		expect(describeSheetEvent('sheet.approve', {})).toBe('Chi ủy duyệt phiếu');
		expect(describeSheetEvent('sheet.approve', null)).toBe('Chi ủy duyệt phiếu');
	});

	it('says from which rating to which the chi ủy adjusted', () => {
		expect(describeSheetEvent('sheet.approve.adjusted', { computed: 'tot', final: 'trung_binh' })).toBe(
			'Chi ủy duyệt phiếu, điều chỉnh xếp loại: từ «Tốt» thành «Trung bình»'
		);
		expect(describeSheetEvent('sheet.approve.adjusted', { computed: null, final: 'yeu_kem' })).toBe(
			'Chi ủy duyệt phiếu, điều chỉnh xếp loại: từ «—» thành «Yếu kém»'
		);
		expect(describeSheetEvent('sheet.approve.adjusted', { computed: 'tot' })).toBe(
			'Chi ủy duyệt phiếu, điều chỉnh xếp loại'
		);
	});

	it('does not read a rating into other actions', () => {
		expect(describeSheetEvent('sheet.submit', { computed: 'tot', final: 'kha' })).toBe('Đảng viên nộp phiếu');
		expect(describeSheetEvent('sheet.return', { final: 'kha', role: 'secretary' })).toBe(
			'Chi ủy trả lại phiếu để hoàn thiện'
		);
		expect(describeSheetEvent('sheet.reopen', undefined)).toBe('Chi ủy mở lại phiếu đã duyệt');
	});

	it('names the role granted or revoked, in lower case', () => {
		expect(describeSheetEvent('role.grant', { role: 'secretary' })).toBe('Giao vai trò: bí thư chi bộ');
		expect(describeSheetEvent('role.revoke', { role: 'committee' })).toBe(
			'Thu hồi vai trò: cấp ủy cấp trên (theo dõi, giao và đánh giá nhiệm vụ)'
		);
		expect(describeSheetEvent('role.grant', { role: 'chairman' })).toBe('Giao vai trò: chairman');
		expect(describeSheetEvent('role.grant', {})).toBe('Giao vai trò');
		expect(describeSheetEvent('role.revoke', null)).toBe('Thu hồi vai trò');
	});
});

// --- The person a line concerns (appended; imports are hoisted). ---
import { concernedPerson } from './audit';

describe('the person an audit line concerns', () => {
	it('is the member whose sheet it is, or the account changed, else nobody', () => {
		expect(
			concernedPerson({ targetType: 'sheet', sheetOwnerName: 'Lê Thị Hoa', sheetOwnerUsername: 'dangvien007' })
		).toBe('phiếu của Lê Thị Hoa (dangvien007)');
		expect(concernedPerson({ targetType: 'user', targetName: 'Trần Văn Bình', targetUsername: 'tvbinh' })).toBe(
			'Trần Văn Bình (tvbinh)'
		);
		expect(concernedPerson({ targetType: 'unit', targetName: 'x', sheetOwnerName: 'y' })).toBeNull();
		expect(concernedPerson({ targetType: 'sheet' })).toBeNull();
	});
});

describe('the actions on a collective’s sheet', () => {
	it('have their own names in the log, the approval with its rating', () => {
		expect(collectiveAction('sheet.return')).toBe('collective.return');
		expect(collectiveAction('sheet.approve.adjusted')).toBe('collective.approve.adjusted');
		expect(collectiveAction('task.assign')).toBe('task.assign');
		expect(describeSheetEvent('collective.approve', { computed: 'kha', final: 'kha' })).toBe(
			'Cấp ủy cấp trên duyệt phiếu của tập thể, xếp loại «Khá»'
		);
	});
});
