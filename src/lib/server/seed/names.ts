// Vietnamese name parts for generated members, roughly in the proportions seen in real rolls.
const FAMILY = [
	['Nguyễn', 30],
	['Trần', 11],
	['Lê', 9],
	['Phạm', 7],
	['Hoàng', 5],
	['Huỳnh', 4],
	['Phan', 4],
	['Vũ', 4],
	['Võ', 3],
	['Đặng', 2],
	['Bùi', 2],
	['Đỗ', 2],
	['Hồ', 2],
	['Ngô', 2],
	['Dương', 1],
	['Lý', 1],
	['Đinh', 1],
	['Trương', 1],
	['Đào', 1],
	['Cao', 1],
	['Lương', 1],
	['Tạ', 1]
] as const;
const MIDDLE_MALE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Thanh', 'Xuân', 'Tiến', 'Trọng', 'Ngọc', 'Đình'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Thị Thu', 'Hồng', 'Phương', 'Kim', 'Diệu'];
const GIVEN_MALE = [
	'An',
	'Bình',
	'Cường',
	'Dũng',
	'Đạt',
	'Đức',
	'Giang',
	'Hải',
	'Hùng',
	'Huy',
	'Khánh',
	'Khoa',
	'Kiên',
	'Lâm',
	'Long',
	'Mạnh',
	'Nam',
	'Nghĩa',
	'Phong',
	'Phúc',
	'Quân',
	'Quang',
	'Sơn',
	'Tài',
	'Thắng',
	'Thành',
	'Thịnh',
	'Toàn',
	'Trung',
	'Tuấn',
	'Tùng',
	'Vinh',
	'Việt',
	'Vũ'
];
const GIVEN_FEMALE = [
	'Anh',
	'Ánh',
	'Châu',
	'Chi',
	'Dung',
	'Duyên',
	'Giang',
	'Hà',
	'Hạnh',
	'Hằng',
	'Hiền',
	'Hoa',
	'Hồng',
	'Huệ',
	'Hương',
	'Lan',
	'Liên',
	'Linh',
	'Loan',
	'Mai',
	'Ngân',
	'Nga',
	'Nhung',
	'Oanh',
	'Phương',
	'Quyên',
	'Tâm',
	'Thảo',
	'Thủy',
	'Trang',
	'Tuyết',
	'Uyên',
	'Vân',
	'Yến'
];

/** A small deterministic PRNG (mulberry32), so demo data is the same on every machine. */
export function createRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)];
}

function pickWeighted(random: () => number, items: readonly (readonly [string, number])[]): string {
	const total = items.reduce((sum, [, w]) => sum + w, 0);
	let r = random() * total;
	for (const [value, weight] of items) {
		r -= weight;
		if (r < 0) return value;
	}
	return items[0][0];
}

/** A plausible Vietnamese full name. */
export function randomFullName(random: () => number): string {
	const female = random() < 0.45;
	const family = pickWeighted(random, FAMILY);
	const middle = pick(random, female ? MIDDLE_FEMALE : MIDDLE_MALE);
	const given = pick(random, female ? GIVEN_FEMALE : GIVEN_MALE);
	return `${family} ${middle} ${given}`;
}
