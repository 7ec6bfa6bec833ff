import { describe, expect, it } from 'vitest';
import { SORTS, filterAndSort, shownRating, type ListRow } from './chapter-list';

const row = (fullName: string, over: Partial<ListRow> = {}): ListRow => ({
	fullName,
	status: 'draft',
	rating: null,
	finalRating: null,
	lastActivity: null,
	...over
});

const names = (rows: ListRow[]) => rows.map((r) => r.fullName);

describe('the rating a chapter list shows', () => {
	it("is the chi ủy's when there is one, else the member's once handed in", () => {
		expect(shownRating({ status: 'approved', rating: 'tot', finalRating: 'kha' })).toBe('kha');
		expect(shownRating({ status: 'submitted', rating: 'tot', finalRating: null })).toBe('tot');
		expect(shownRating({ status: 'draft', rating: 'tot', finalRating: null })).toBeNull();
	});
});

describe('filtering and sorting a chapter list', () => {
	const rows = [
		row('Trần Văn Cường', { status: 'approved', rating: 'tot', finalRating: 'trung_binh', lastActivity: 300 }),
		row('Nguyễn Thị An', { status: 'submitted', rating: 'kha', lastActivity: 100 }),
		row('Lê Văn Bình', { status: 'not_started' }),
		row('Phạm Thị Dung', { status: 'draft', rating: 'tot', lastActivity: 200 }),
		row('Hoàng Văn An', { status: 'returned', rating: 'yeu_kem', lastActivity: 100 }),
		row('Đỗ Thị Bình', { status: 'submitted', rating: 'tot', lastActivity: 50 })
	];

	it('names the sorts in Vietnamese', () => {
		expect(SORTS).toEqual({
			name: 'Họ tên',
			status: 'Trạng thái',
			rating: 'Xếp loại',
			activity: 'Hoạt động gần nhất'
		});
	});

	it('sorts by given name, then the whole name', () => {
		expect(names(filterAndSort(rows, null, 'name'))).toEqual([
			'Hoàng Văn An',
			'Nguyễn Thị An',
			'Đỗ Thị Bình',
			'Lê Văn Bình',
			'Trần Văn Cường',
			'Phạm Thị Dung'
		]);
	});

	it('sorts by status from not started to approved, names breaking ties', () => {
		expect(names(filterAndSort(rows, null, 'status'))).toEqual([
			'Lê Văn Bình',
			'Phạm Thị Dung',
			'Hoàng Văn An',
			'Nguyễn Thị An',
			'Đỗ Thị Bình',
			'Trần Văn Cường'
		]);
	});

	it('sorts by the shown rating, best first, rows without one last', () => {
		expect(names(filterAndSort(rows, null, 'rating'))).toEqual([
			'Đỗ Thị Bình',
			'Nguyễn Thị An',
			'Trần Văn Cường',
			'Hoàng Văn An',
			'Lê Văn Bình',
			'Phạm Thị Dung'
		]);
	});

	it('sorts by the latest activity first, rows without any last', () => {
		expect(names(filterAndSort(rows, null, 'activity'))).toEqual([
			'Trần Văn Cường',
			'Phạm Thị Dung',
			'Hoàng Văn An',
			'Nguyễn Thị An',
			'Đỗ Thị Bình',
			'Lê Văn Bình'
		]);
	});

	it('keeps only the rows of the chosen status, and leaves the given list as it was', () => {
		const before = [...rows];
		expect(names(filterAndSort(rows, 'submitted', 'name'))).toEqual(['Nguyễn Thị An', 'Đỗ Thị Bình']);
		expect(filterAndSort(rows, 'approved', 'name')).toEqual([rows[0]]);
		expect(filterAndSort(rows, null, 'name')).not.toBe(rows);
		expect(rows).toEqual(before);
	});
});

// --- The two ratings, neighbours and the reminder (appended; imports are hoisted). ---
import { handedInRating, neighbours, ratingTallies, reminderText, stillToHandIn } from './chapter-list';

describe('the ratings a chapter counts', () => {
	const rows = [
		row('A', { status: 'approved', rating: 'tot', finalRating: 'kha' }),
		row('B', { status: 'submitted', rating: 'trung_binh' }),
		row('C', { status: 'draft', rating: 'tot' }),
		row('D', { status: 'returned', rating: 'yeu_kem' }),
		row('E', { status: 'not_started' })
	];

	it('shows a member’s own rating only once handed in', () => {
		expect(rows.map(handedInRating)).toEqual(['tot', 'trung_binh', null, null, null]);
	});

	it('counts self-ratings of handed-in sheets and the chi ủy’s of approved ones apart', () => {
		expect(ratingTallies(rows)).toEqual({
			self: { tot: 1, kha: 0, trung_binh: 1, yeu_kem: 0 },
			final: { tot: 0, kha: 1, trung_binh: 0, yeu_kem: 0 }
		});
	});
});

describe('the sheets before and after one', () => {
	const list = [1, 2, 3].map((sheetId) => ({ sheetId, fullName: `N${sheetId}` }));
	it('gives the neighbours and the place in the list', () => {
		expect(neighbours(list, 2)).toEqual({ prev: list[0], next: list[2], index: 1, total: 3 });
		expect(neighbours(list, 1)).toMatchObject({ prev: null, next: list[1], index: 0 });
		expect(neighbours(list, 3)).toMatchObject({ prev: list[1], next: null, index: 2 });
		expect(neighbours(list, 9)).toEqual({ prev: null, next: null, index: -1, total: 3 });
	});
});

describe('the reminder', () => {
	const rows = [
		{ fullName: 'Lê Văn Bình', status: 'not_started' as const },
		{ fullName: 'Nguyễn Thị An', status: 'draft' as const },
		{ fullName: 'Hoàng Văn Cường', status: 'returned' as const },
		{ fullName: 'Phạm Thị Dung', status: 'submitted' as const },
		{ fullName: 'Đỗ Văn Em', status: 'not_started' as const, current: false }
	];

	it('splits who has not started from who has not handed in', () => {
		const { notStarted, notHandedIn } = stillToHandIn(rows);
		expect(notStarted.map((r) => r.fullName)).toEqual(['Lê Văn Bình', 'Đỗ Văn Em']);
		expect(notHandedIn.map((r) => r.fullName)).toEqual(['Nguyễn Thị An', 'Hoàng Văn Cường']);
	});

	it('is plain text with the deadline and each list numbered; those who moved away are left out', () => {
		expect(
			reminderText({ chapterName: 'Chi bộ Giáo viên', periodName: 'Năm 2026', deadline: '2026-03-31', rows })
		).toBe(
			[
				'Chi bộ Giáo viên — Năm 2026',
				'Đề nghị các đồng chí có tên dưới đây hoàn thành và nộp phiếu tự soi, tự sửa trước ngày 31/03/2026.',
				'',
				'Chưa làm phiếu (1):',
				'1. Lê Văn Bình',
				'',
				'Đang làm hoặc được trả lại, chưa nộp (2):',
				'1. Nguyễn Thị An',
				'2. Hoàng Văn Cường'
			].join('\n')
		);
	});

	it('says so when everyone has handed in', () => {
		expect(
			reminderText({ chapterName: 'Chi bộ X', periodName: 'Năm 2026', deadline: '2026-03-31', rows: [rows[3]] })
		).toContain('Tất cả đảng viên đã nộp phiếu.');
	});
});
