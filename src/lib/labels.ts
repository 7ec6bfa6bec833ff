// Vietnamese names for the app's enumerations, shared by pages and reports.

export const UNIT_KIND_LABELS = {
	dang_bo_tinh: 'Đảng bộ tỉnh',
	dang_bo_truc_thuoc: 'Đảng bộ trực thuộc',
	dang_bo_co_so: 'Đảng bộ cơ sở',
	dang_bo_bo_phan: 'Đảng bộ bộ phận',
	chi_bo_co_so: 'Chi bộ cơ sở',
	chi_bo: 'Chi bộ'
} as const;

export const ROLE_LABELS = {
	secretary: 'Bí thư chi bộ',
	committee: 'Cấp ủy cấp trên (chỉ xem)',
	admin: 'Quản trị'
} as const;

export { formatDate } from './domain/dates';
