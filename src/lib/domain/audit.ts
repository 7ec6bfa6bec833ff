import { RATING_LABELS, type Rating } from './template';

const ACTION_LABELS: Record<string, string> = {
	'sheet.submit': 'Đảng viên nộp phiếu',
	'sheet.return': 'Chi ủy trả lại phiếu để hoàn thiện',
	'sheet.approve': 'Chi ủy duyệt phiếu',
	'sheet.approve.adjusted': 'Chi ủy duyệt phiếu, điều chỉnh xếp loại',
	'sheet.reopen': 'Chi ủy mở lại phiếu đã duyệt'
};

/** One line of a sheet's history in words. */
export function describeSheetEvent(action: string, detail: unknown): string {
	const label = ACTION_LABELS[action] ?? action;
	const d = (detail ?? {}) as { computed?: Rating | null; final?: Rating };
	if (action === 'sheet.approve.adjusted' && d.final) {
		return `${label}: từ «${d.computed ? RATING_LABELS[d.computed] : '—'}» thành «${RATING_LABELS[d.final]}»`;
	}
	if (action === 'sheet.approve' && d.final) return `${label}, xếp loại «${RATING_LABELS[d.final]}»`;
	return label;
}
