import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { createMember } from '../db/queries/members';
import { createUnit } from '../db/queries/units';
import { roleGrant, user, type UnitKind } from '../db/schema';
import { hashPassword } from '../auth/password';
import { createRandom, randomFullName } from './names';
import { seedDemoPeriods } from './periods';
import { DEMO_LEADER, seedDemoTasks } from './demo-tasks';
import { seedDemoCollectives } from './demo-collectives';
import { todayIso } from '../../domain/dates';
import type { TargetGroup } from '../../domain/template';

/** The password of every demo account (shown in the README and on start). */
export const DEMO_PASSWORD = 'tusoi2026';

/** The demo accounts a newcomer tries first, one per role. */
export const DEMO_ACCOUNTS = [
	{ role: 'Quản trị', username: 'quantri' },
	{ role: 'Cấp ủy cấp trên', username: 'capuy' },
	{ role: 'Bí thư chi bộ', username: 'bithu01' },
	{ role: 'Đảng viên', username: 'dangvien001' },
	{ role: 'Cán bộ lãnh đạo', username: DEMO_LEADER },
	{ role: 'Đảng ủy cơ sở', username: 'danguy' }
] as const;

/** The unit whose party committee `danguy` sits on. */
export const DEMO_GRASSROOTS_COMMITTEE = 'Đảng bộ Công ty Cổ phần Cấp nước Mẫu';

interface ChapterPlan {
	name: string;
	kind: UnitKind;
	size: number;
	/** Share of each target group among ordinary members. */
	groups: readonly [TargetGroup, number][];
	positions: Partial<Record<TargetGroup, readonly string[]>>;
}

const OFFICE_POSITIONS = {
	A: ['Phó Giám đốc Sở', 'Trưởng phòng', 'Phó Trưởng phòng', 'Chánh Văn phòng'],
	B: ['Chuyên viên', 'Chuyên viên chính', 'Kế toán viên', 'Nhân viên văn thư']
} as const;
const COMPANY_POSITIONS = {
	A: ['Phó Giám đốc', 'Trưởng phòng', 'Quản đốc'],
	C: ['Công nhân vận hành', 'Kỹ sư', 'Nhân viên kỹ thuật', 'Nhân viên kinh doanh']
} as const;
const RESIDENT_POSITIONS = { C: ['Hưu trí', 'Kinh doanh tự do', 'Sinh viên', 'Lao động tự do'] } as const;

interface TreePlan {
	name: string;
	kind: UnitKind;
	children?: TreePlan[];
	chapter?: Omit<ChapterPlan, 'name' | 'kind'>;
}

const office = (size: number) => ({
	size,
	groups: [
		['A', 0.25],
		['B', 0.75]
	] as [TargetGroup, number][],
	positions: OFFICE_POSITIONS
});
const company = (size: number) => ({
	size,
	groups: [
		['A', 0.15],
		['C', 0.85]
	] as [TargetGroup, number][],
	positions: COMPANY_POSITIONS
});
const residents = (size: number) => ({
	size,
	groups: [['C', 1]] as [TargetGroup, number][],
	positions: RESIDENT_POSITIONS
});

const DEMO_TREE: TreePlan = {
	name: 'Đảng bộ tỉnh Mẫu',
	kind: 'dang_bo_tinh',
	children: [
		{
			name: 'Đảng bộ Ủy ban nhân dân tỉnh',
			kind: 'dang_bo_truc_thuoc',
			children: [
				{
					name: 'Đảng bộ Sở Giáo dục và Đào tạo',
					kind: 'dang_bo_co_so',
					children: [
						{ name: 'Chi bộ Văn phòng Sở', kind: 'chi_bo', chapter: office(21) },
						{ name: 'Chi bộ Phòng Giáo dục phổ thông', kind: 'chi_bo', chapter: office(18) },
						{ name: 'Chi bộ Phòng Kế hoạch – Tài chính', kind: 'chi_bo', chapter: office(15) }
					]
				},
				{ name: 'Chi bộ Ban Quản lý dự án đầu tư xây dựng tỉnh', kind: 'chi_bo_co_so', chapter: office(17) }
			]
		},
		{
			name: 'Đảng bộ phường Hòa Bình',
			kind: 'dang_bo_truc_thuoc',
			children: [
				{
					name: 'Đảng bộ Công ty Cổ phần Cấp nước Mẫu',
					kind: 'dang_bo_co_so',
					children: [
						{
							name: 'Đảng bộ bộ phận Nhà máy nước Hòa Bình',
							kind: 'dang_bo_bo_phan',
							children: [
								{ name: 'Chi bộ Tổ vận hành', kind: 'chi_bo', chapter: company(19) },
								{ name: 'Chi bộ Tổ kỹ thuật', kind: 'chi_bo', chapter: company(16) }
							]
						},
						{ name: 'Chi bộ Văn phòng Công ty', kind: 'chi_bo', chapter: company(14) },
						// Fewer than nine members: a chi bộ with no chi ủy, whose documents are signed "T/M CHI BỘ".
						{ name: 'Chi bộ Tổ bảo vệ', kind: 'chi_bo', chapter: company(7) }
					]
				},
				{ name: 'Chi bộ Khu dân cư số 3', kind: 'chi_bo_co_so', chapter: residents(30) }
			]
		}
	]
};

function isEmpty(db: Db): boolean {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(user)
			.get()!.n === 0
	);
}

function isoDate(year: number, random: () => number): string {
	const month = 1 + Math.floor(random() * 12);
	const day = 1 + Math.floor(random() * 28);
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Loads the demo province when the database has no accounts yet; returns whether it did. */
export async function seedDemoData(db: Db): Promise<boolean> {
	if (!isEmpty(db)) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const random = createRandom(2026);
	db.transaction((tx) => {
		let memberNo = 0;
		let chapterNo = 0;
		const addAccount = (username: string, fullName: string) =>
			tx.insert(user).values({ username, fullName, passwordHash }).returning({ id: user.id }).get().id;

		const unitIds = new Map<string, number>();
		const build = (plan: TreePlan, parentId: number | null): number => {
			const created = createUnit(tx, { name: plan.name, kind: plan.kind, parentId });
			unitIds.set(plan.name, created.id);
			if (plan.chapter) {
				chapterNo += 1;
				const secretaryName = `bithu${String(chapterNo).padStart(2, '0')}`;
				for (let i = 0; i < plan.chapter.size; i++) {
					const isSecretary = i === 0;
					const group = isSecretary ? plan.chapter.groups[0][0] : pickGroup(random, plan.chapter.groups);
					const positions = plan.chapter.positions[group] ?? ['Đảng viên'];
					const birthYear =
						group === 'C' && plan.chapter.positions === RESIDENT_POSITIONS
							? 1948 + Math.floor(random() * 55)
							: 1968 + Math.floor(random() * 35);
					const id = createMember(tx, {
						username: isSecretary ? secretaryName : `dangvien${String(++memberNo).padStart(3, '0')}`,
						fullName: randomFullName(random),
						passwordHash,
						mustChangePassword: false,
						dateOfBirth: isoDate(birthYear, random),
						position: isSecretary ? 'Bí thư chi bộ' : positions[Math.floor(random() * positions.length)],
						targetGroup: group,
						chapterId: created.id,
						joinedOn: isoDate(2000 + Math.floor(random() * 24), random)
					});
					if (isSecretary) tx.insert(roleGrant).values({ userId: id, role: 'secretary', unitId: created.id }).run();
				}
			}
			for (const child of plan.children ?? []) build(child, created.id);
			return created.id;
		};

		const rootId = build(DEMO_TREE, null);
		const adminId = addAccount('quantri', 'Quản trị hệ thống');
		tx.insert(roleGrant).values({ userId: adminId, role: 'admin', unitId: rootId }).run();
		const committeeId = addAccount('capuy', 'Ủy ban Kiểm tra Tỉnh ủy');
		tx.insert(roleGrant).values({ userId: committeeId, role: 'committee', unitId: rootId }).run();
		// A grassroots party committee below it, which fills its own collective's sheet (tập thể cấp ủy) for capuy.
		const grassrootsId = addAccount('danguy', 'Văn phòng Đảng ủy Công ty Cấp nước');
		const company = unitIds.get(DEMO_GRASSROOTS_COMMITTEE);
		if (company === undefined) throw new Error(`The demo tree has no ${DEMO_GRASSROOTS_COMMITTEE}`);
		tx.insert(roleGrant).values({ userId: grassrootsId, role: 'committee', unitId: company }).run();
		seedDemoPeriods(tx, rootId, todayIso(), random);
		seedDemoTasks(tx, rootId, passwordHash, todayIso());
		seedDemoCollectives(tx);
	});
	return true;
}

function pickGroup(random: () => number, groups: readonly [TargetGroup, number][]): TargetGroup {
	let r = random();
	for (const [group, share] of groups) {
		r -= share;
		if (r < 0) return group;
	}
	return groups[groups.length - 1][0];
}
