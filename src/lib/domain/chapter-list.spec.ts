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
