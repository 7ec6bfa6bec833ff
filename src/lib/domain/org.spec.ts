import { describe, expect, it } from 'vitest';
import { CHAPTER_KINDS, ROLES, ROLE_LABELS, UNIT_KINDS, UNIT_KIND_LABELS } from './org';

describe('organisation vocabulary', () => {
	it('lists the kinds of unit from the province down, and which of them hold members', () => {
		expect(UNIT_KINDS).toEqual([
			'dang_bo_tinh',
			'dang_bo_truc_thuoc',
			'dang_bo_co_so',
			'dang_bo_bo_phan',
			'chi_bo_co_so',
			'chi_bo'
		]);
		expect(CHAPTER_KINDS).toEqual(['chi_bo', 'chi_bo_co_so']);
		expect(ROLES).toEqual(['secretary', 'committee', 'admin']);
	});

	it('names kinds and roles in Vietnamese', () => {
		expect(UNIT_KIND_LABELS).toEqual({
			dang_bo_tinh: 'Đảng bộ tỉnh',
			dang_bo_truc_thuoc: 'Đảng bộ trực thuộc',
			dang_bo_co_so: 'Đảng bộ cơ sở',
			dang_bo_bo_phan: 'Đảng bộ bộ phận',
			chi_bo_co_so: 'Chi bộ cơ sở',
			chi_bo: 'Chi bộ'
		});
		expect(ROLE_LABELS).toEqual({
			secretary: 'Bí thư chi bộ',
			committee: 'Cấp ủy cấp trên (theo dõi, giao và đánh giá nhiệm vụ)',
			admin: 'Quản trị'
		});
	});
});
