// The organisation's vocabulary, shared by the database schema, the forms and the pages.

/** Kinds of unit in the Party organisation tree, from the province down to the chapter. */
export const UNIT_KINDS = [
	'dang_bo_tinh',
	'dang_bo_truc_thuoc',
	'dang_bo_co_so',
	'dang_bo_bo_phan',
	'chi_bo_co_so',
	'chi_bo'
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Kinds of unit that hold members directly. */
export const CHAPTER_KINDS: readonly UnitKind[] = ['chi_bo', 'chi_bo_co_so'];

/** Roles held over a unit (being a member is not a grant: it follows from the membership). */
export const ROLES = ['secretary', 'committee', 'admin'] as const;
export type GrantedRole = (typeof ROLES)[number];

/** Vietnamese names of the kinds of unit. */
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
	dang_bo_tinh: 'Đảng bộ tỉnh',
	dang_bo_truc_thuoc: 'Đảng bộ trực thuộc',
	dang_bo_co_so: 'Đảng bộ cơ sở',
	dang_bo_bo_phan: 'Đảng bộ bộ phận',
	chi_bo_co_so: 'Chi bộ cơ sở',
	chi_bo: 'Chi bộ'
};

/** Vietnamese names of the roles. */
export const ROLE_LABELS: Record<GrantedRole, string> = {
	secretary: 'Bí thư chi bộ',
	committee: 'Cấp ủy cấp trên (theo dõi, giao và đánh giá nhiệm vụ)',
	admin: 'Quản trị'
};
