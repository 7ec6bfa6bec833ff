import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, actionLabel, collectiveAction, describeSheetEvent } from './audit';

describe('audit action labels', () => {
	// Not a copy of the map: what every label must be, whatever is added to it.
	const labels = Object.entries(AUDIT_ACTION_LABELS);

	it('names every recorded action in a Vietnamese sentence of its own, never by its code', () => {
		expect(labels.length).toBeGreaterThanOrEqual(30);
		for (const [action, label] of labels) {
			expect(label, action).toMatch(/^\p{Lu}/u);
			expect(label, action).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
			expect(label, action).not.toMatch(/[a-z]+\.[a-z]+/);
			expect(label.trim(), action).toBe(label);
		}
		expect(new Set(labels.map(([, label]) => label)).size).toBe(labels.length);
	});

	it("names the decisions on a sheet as the chi ủy's, and on a collective's sheet as the committee above's", () => {
		expect(AUDIT_ACTION_LABELS['sheet.return']).toBe('Chi ủy trả lại phiếu để hoàn thiện');
		expect(AUDIT_ACTION_LABELS['collective.return']).toBe('Cấp ủy cấp trên trả lại phiếu của tập thể để hoàn thiện');
		for (const [action, label] of labels)
			if (action.startsWith('collective.') && action !== 'collective.submit')
				expect(label, action).toMatch(/^Cấp ủy cấp trên .* của tập thể/);
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
