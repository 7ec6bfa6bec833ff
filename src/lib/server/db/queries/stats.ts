import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { membership, sheet, sheetAnswer, unit, unitSignStats, unitStats, type SheetStatus } from '../schema';
import type { Rating } from '../../../domain/template';
import { isHandedIn } from '../../../domain/sheet';

/** What of a sheet the counts depend on. */
export interface SheetState {
	status: SheetStatus;
	rating: Rating | null;
	finalRating: Rating | null;
	flagged: readonly string[];
}

const SELF_COUNTER = { tot: 'tot', kha: 'kha', trung_binh: 'trungBinh', yeu_kem: 'yeuKem' } as const;
const FINAL_COUNTER = {
	tot: 'finalTot',
	kha: 'finalKha',
	trung_binh: 'finalTrungBinh',
	yeu_kem: 'finalYeuKem'
} as const;
type Counter = SheetStatus | (typeof SELF_COUNTER)[Rating] | (typeof FINAL_COUNTER)[Rating];
const COUNTERS: Counter[] = [
	'draft',
	'submitted',
	'returned',
	'approved',
	...Object.values(SELF_COUNTER),
	...Object.values(FINAL_COUNTER)
];

/** Ids of a unit and all its ancestors, from its path. */
export function pathIds(path: string): number[] {
	return path.split('/').filter(Boolean).map(Number);
}

function contribution(state: SheetState | null): {
	counters: Partial<Record<Counter, number>>;
	flagged: readonly string[];
} {
	if (!state) return { counters: {}, flagged: [] };
	const counters: Partial<Record<Counter, number>> = { [state.status]: 1 };
	if (!isHandedIn(state.status)) return { counters, flagged: [] };
	// Two series, never one under the other's name: the member's self-rating of every handed-in sheet, and
	// the chi ủy's final rating of every approved one.
	if (state.rating) counters[SELF_COUNTER[state.rating]] = 1;
	if (state.status === 'approved' && state.finalRating) counters[FINAL_COUNTER[state.finalRating]] = 1;
	return { counters, flagged: state.flagged };
}

/** Adds counter and flagged-sign deltas to a unit and every unit above it. */
function addToAncestors(
	db: Db,
	periodId: number,
	chapterPath: string,
	counters: Partial<Record<Counter, number>>,
	flagged: Map<string, number>
): void {
	const changed = COUNTERS.filter((c) => (counters[c] ?? 0) !== 0);
	for (const unitId of pathIds(chapterPath)) {
		if (changed.length > 0) {
			const values = Object.fromEntries(changed.map((c) => [c, counters[c]!]));
			const set = Object.fromEntries(changed.map((c) => [c, sql`${unitStats[c]} + ${counters[c]!}`]));
			db.insert(unitStats)
				.values({ periodId, unitId, ...values })
				.onConflictDoUpdate({ target: [unitStats.periodId, unitStats.unitId], set })
				.run();
		}
		for (const [code, delta] of flagged) {
			if (delta === 0) continue;
			db.insert(unitSignStats)
				.values({ periodId, unitId, code, flagged: delta })
				.onConflictDoUpdate({
					target: [unitSignStats.periodId, unitSignStats.unitId, unitSignStats.code],
					set: { flagged: sql`${unitSignStats.flagged} + ${delta}` }
				})
				.run();
		}
	}
}

/** Moves a sheet's contribution to the counts from its old state to its new one (null = no sheet). */
export function recordSheetTransition(
	db: Db,
	input: { periodId: number; chapterPath: string; before: SheetState | null; after: SheetState | null }
): void {
	const before = contribution(input.before);
	const after = contribution(input.after);
	const counters: Partial<Record<Counter, number>> = {};
	for (const c of COUNTERS) counters[c] = (after.counters[c] ?? 0) - (before.counters[c] ?? 0);
	const flagged = new Map<string, number>();
	for (const code of before.flagged) flagged.set(code, (flagged.get(code) ?? 0) - 1);
	for (const code of after.flagged) flagged.set(code, (flagged.get(code) ?? 0) + 1);
	addToAncestors(db, input.periodId, input.chapterPath, counters, flagged);
}

/** Codes a sheet flags (level 1 or more). */
export function flaggedCodes(db: Db, sheetId: number): string[] {
	return db
		.select({ code: sheetAnswer.code })
		.from(sheetAnswer)
		.where(and(eq(sheetAnswer.sheetId, sheetId), sql`${sheetAnswer.level} >= 1`))
		.all()
		.map((r) => r.code);
}

/**
 * Recomputes a period's counts from its sheets (after a bulk load, a moved unit, or to check the
 * maintained ones). Sums in memory and writes one row per unit, so a 260,000-sheet period takes seconds.
 */
export function rebuildUnitStats(db: Db, periodId: number): void {
	db.transaction((tx) => {
		tx.delete(unitStats).where(eq(unitStats.periodId, periodId)).run();
		tx.delete(unitSignStats).where(eq(unitSignStats.periodId, periodId)).run();
		const sheets = tx
			.select({
				id: sheet.id,
				status: sheet.status,
				rating: sheet.rating,
				finalRating: sheet.finalRating,
				path: unit.path
			})
			.from(sheet)
			.innerJoin(unit, eq(unit.id, sheet.chapterId))
			// Members' sheets only: a collective's sheet is counted apart (queries/collectives.ts).
			.where(and(eq(sheet.periodId, periodId), isNotNull(sheet.memberId)))
			.all();
		const counters = new Map<number, Partial<Record<Counter, number>>>();
		const pathOf = new Map<number, string>();
		for (const s of sheets) {
			const { counters: add } = contribution({
				status: s.status,
				rating: s.rating,
				finalRating: s.finalRating,
				flagged: []
			});
			if (isHandedIn(s.status)) pathOf.set(s.id, s.path);
			for (const unitId of pathIds(s.path)) {
				const sum = counters.get(unitId) ?? {};
				for (const [c, n] of Object.entries(add) as [Counter, number][]) sum[c] = (sum[c] ?? 0) + n;
				counters.set(unitId, sum);
			}
		}
		const flagged = new Map<string, number>();
		const answers = tx
			.select({ sheetId: sheetAnswer.sheetId, code: sheetAnswer.code })
			.from(sheetAnswer)
			.innerJoin(sheet, eq(sheet.id, sheetAnswer.sheetId))
			.where(and(eq(sheet.periodId, periodId), sql`${sheetAnswer.level} >= 1`))
			.all();
		for (const a of answers) {
			const path = pathOf.get(a.sheetId);
			if (!path) continue; // only handed-in sheets count
			for (const unitId of pathIds(path))
				flagged.set(`${unitId} ${a.code}`, (flagged.get(`${unitId} ${a.code}`) ?? 0) + 1);
		}
		for (const [unitId, sum] of counters)
			tx.insert(unitStats)
				.values({ periodId, unitId, ...sum })
				.run();
		for (const [key, n] of flagged) {
			const [unitId, code] = key.split(' ');
			tx.insert(unitSignStats)
				.values({ periodId, unitId: Number(unitId), code, flagged: n })
				.run();
		}
	});
}

/** Adds `delta` to the member count of a chapter and every unit above it. */
export function addMemberCount(db: Db, chapterPath: string, delta: number): void {
	db.update(unit)
		.set({ memberCount: sql`${unit.memberCount} + ${delta}` })
		.where(inArray(unit.id, pathIds(chapterPath)))
		.run();
}

/** Recomputes every unit's member count from the current memberships. */
export function rebuildMemberCounts(db: Db): void {
	db.transaction((tx) => {
		tx.update(unit).set({ memberCount: 0 }).run();
		const perChapter = tx
			.select({ path: unit.path, n: sql<number>`count(*)` })
			.from(membership)
			.innerJoin(unit, eq(unit.id, membership.unitId))
			.where(isNull(membership.endedOn))
			.groupBy(membership.unitId)
			.all();
		for (const row of perChapter) addMemberCount(tx, row.path, row.n);
	});
}
