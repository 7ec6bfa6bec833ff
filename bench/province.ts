// Generates a synthetic province straight into SQLite for the benchmark: the organisation tree shaped as
// in SPEC, every member with a complete sheet for the open period. Accounts share one password hash.
import { createDb, type Db } from '../src/lib/server/db/client';
import { ensureDefaultTemplate } from '../src/lib/server/admin/templates';
import { rebuildMemberCounts, rebuildUnitStats } from '../src/lib/server/db/queries/stats';
import { hashPassword } from '../src/lib/server/auth/password';
import { createRandom, randomFullName } from '../src/lib/server/seed/names';
import { scoreSheet } from '../src/lib/domain/scoring';
import { signsForGroup, type Level, type TargetGroup } from '../src/lib/domain/template';
import { addDays, todayIso } from '../src/lib/domain/dates';

export interface ProvinceShape {
	label: string;
	members: number;
	chapters: number;
	branches: number;
	grassroots: number;
}

export const SHAPES: Record<'province54k' | 'province260k', ProvinceShape> = {
	// A pre-2025 province (SPEC): ~54,000 members, 659 grassroots organisations, 2,664 chapters.
	province54k: { label: '54.000 đảng viên', members: 54_000, chapters: 2_664, branches: 40, grassroots: 659 },
	// Merged Phú Thọ (2025): 152 đảng bộ trực thuộc, 2,166 grassroots, ~260,000 members in about 10,000 chapters.
	province260k: { label: '260.000 đảng viên', members: 260_000, chapters: 10_000, branches: 152, grassroots: 2_166 }
};

export const BENCH_PASSWORD = 'bench-2026';

/** What the benchmark needs to find in the generated province. */
export interface Province {
	file: string;
	rootId: number;
	periodId: number;
	grassrootsId: number;
	/** chapter id → [first member id, … ] — the first member is the chapter's secretary. */
	chapters: { id: number; memberIds: number[] }[];
	/** Draft sheets (complete but not handed in): sheet id and member id, for autosave and submit. */
	drafts: { sheetId: number; memberId: number; group: TargetGroup }[];
	committeeId: number;
	adminId: number;
	seconds: number;
}

const GROUPS: TargetGroup[] = ['A', 'B', 'B', 'B', 'C', 'C'];

/** Builds the province into `file` (which must not exist yet). */
export async function generateProvince(file: string, shape: ProvinceShape, seed = 54): Promise<Province> {
	const started = performance.now();
	const random = createRandom(seed);
	const db: Db = createDb(file);
	const sqlite = db.$client;
	sqlite.pragma('synchronous = OFF');
	sqlite.pragma('cache_size = -200000');
	const version = ensureDefaultTemplate(db);
	const passwordHash = await hashPassword(BENCH_PASSWORD);
	const today = todayIso();
	const year = Number(today.slice(0, 4));

	const insertUnit = sqlite.prepare(
		'insert into unit (id, name, kind, parent_id, path, depth) values (?, ?, ?, ?, ?, ?)'
	);
	const insertUser = sqlite.prepare('insert into user (id, username, full_name, password_hash) values (?, ?, ?, ?)');
	const insertMember = sqlite.prepare(
		'insert into member (user_id, date_of_birth, position, target_group) values (?, ?, ?, ?)'
	);
	const insertMembership = sqlite.prepare(
		"insert into membership (member_id, unit_id, started_on) values (?, ?, '2015-01-01')"
	);
	const insertGrant = sqlite.prepare('insert into role_grant (user_id, role, unit_id) values (?, ?, ?)');
	const insertSheet = sqlite.prepare(
		'insert into sheet (id, period_id, member_id, chapter_id, target_group, template_version_id, status, revision, strengths, shortcomings, commitment, score, rating, answered_count, final_rating, submitted_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)'
	);
	const insertAnswer = sqlite.prepare(
		'insert into sheet_answer (sheet_id, code, level, note, action, action_deadline) values (?, ?, ?, ?, ?, ?)'
	);

	let unitId = 0;
	const unit = (name: string, kind: string, parent: { id: number; path: string; depth: number } | null) => {
		unitId += 1;
		const path = `${parent?.path ?? '/'}${unitId}/`;
		const depth = parent ? parent.depth + 1 : 0;
		insertUnit.run(unitId, name, kind, parent?.id ?? null, path, depth);
		return { id: unitId, path, depth };
	};

	const province: Province = {
		file,
		rootId: 0,
		periodId: 0,
		grassrootsId: 0,
		chapters: [],
		drafts: [],
		committeeId: 0,
		adminId: 0,
		seconds: 0
	};
	sqlite.transaction(() => {
		const root = unit('Đảng bộ tỉnh Thử Tải', 'dang_bo_tinh', null);
		province.rootId = root.id;
		const branches = Array.from({ length: shape.branches }, (_, i) =>
			unit(`Đảng bộ trực thuộc số ${i + 1}`, 'dang_bo_truc_thuoc', root)
		);
		// About one grassroots organisation in six is a chi bộ cơ sở (itself a chapter); the rest are đảng bộ cơ sở, some with a đảng bộ bộ phận.
		const chapterUnits: { id: number; path: string; depth: number }[] = [];
		const partyCommittees: { id: number; path: string; depth: number }[] = [];
		for (let g = 0; g < shape.grassroots; g++) {
			const branch = branches[g % branches.length];
			if (g % 6 === 5) chapterUnits.push(unit(`Chi bộ cơ sở số ${g + 1}`, 'chi_bo_co_so', branch));
			else {
				const base = unit(`Đảng bộ cơ sở số ${g + 1}`, 'dang_bo_co_so', branch);
				partyCommittees.push(g % 10 === 0 ? unit(`Đảng bộ bộ phận số ${g + 1}`, 'dang_bo_bo_phan', base) : base);
				if (!province.grassrootsId) province.grassrootsId = base.id;
			}
		}
		for (let c = chapterUnits.length; c < shape.chapters; c++) {
			chapterUnits.push(unit(`Chi bộ số ${c + 1}`, 'chi_bo', partyCommittees[c % partyCommittees.length]));
		}

		const opens = addDays(today, -21);
		province.periodId = Number(
			sqlite
				.prepare(
					'insert into period (name, year, unit_id, template_version_id, opens_on, deadline) values (?, ?, ?, ?, ?, ?)'
				)
				.run(`Năm ${year}`, year, root.id, version.id, opens, addDays(today, 30)).lastInsertRowid
		);

		const signsByGroup = new Map(GROUPS.map((g) => [g, signsForGroup(version.content, g)]));
		let userId = 0;
		for (let c = 0; c < chapterUnits.length; c++) {
			const chapter = chapterUnits[c];
			const share = Math.floor(shape.members / shape.chapters);
			const size = c < shape.members % shape.chapters ? share + 1 : share;
			const entry = { id: chapter.id, memberIds: [] as number[] };
			for (let m = 0; m < size; m++) {
				userId += 1;
				const group = GROUPS[Math.floor(random() * GROUPS.length)];
				insertUser.run(userId, `m${userId}`, randomFullName(random), passwordHash);
				insertMember.run(
					userId,
					`19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
					m === 0 ? 'Bí thư chi bộ' : 'Đảng viên',
					group
				);
				insertMembership.run(userId, chapter.id);
				if (m === 0) insertGrant.run(userId, 'secretary', chapter.id);
				entry.memberIds.push(userId);

				const answers: Record<string, Level> = {};
				for (const sign of signsByGroup.get(group)!) {
					const r = random();
					const level: Level = sign.critical ? 0 : r < 0.95 ? 0 : r < 0.995 ? 1 : 2;
					answers[sign.code] = level;
				}
				const score = scoreSheet(version.content, group, answers);
				const r = random();
				const status = r < 0.45 ? 'approved' : r < 0.7 ? 'submitted' : 'draft';
				insertSheet.run(
					userId,
					province.periodId,
					userId,
					chapter.id,
					group,
					version.id,
					status,
					'Hoàn thành nhiệm vụ được giao.',
					'Có lúc chưa chủ động.',
					'Tiếp tục tu dưỡng, rèn luyện.',
					score.score,
					score.rating,
					score.answered,
					status === 'approved' ? score.rating : null,
					status === 'draft' ? null : Date.now()
				);
				for (const [code, level] of Object.entries(answers)) {
					insertAnswer.run(
						userId,
						code,
						level,
						'',
						level > 0 ? 'Sửa ngay trong quý tới.' : '',
						level > 0 ? `${year + 1}-03-31` : null
					);
				}
				if (status === 'draft') province.drafts.push({ sheetId: userId, memberId: userId, group });
			}
			province.chapters.push(entry);
		}
		userId += 1;
		insertUser.run(userId, 'capuy', 'Cấp ủy thử tải', passwordHash);
		insertGrant.run(userId, 'committee', root.id);
		province.committeeId = userId;
		userId += 1;
		insertUser.run(userId, 'quantri', 'Quản trị thử tải', passwordHash);
		insertGrant.run(userId, 'admin', root.id);
		province.adminId = userId;
	})();
	rebuildMemberCounts(db);
	rebuildUnitStats(db, province.periodId);
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.close();
	province.seconds = (performance.now() - started) / 1000;
	return province;
}
