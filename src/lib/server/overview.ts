import type { Db } from './db/client';
import type { UnitRow } from './db/queries/units';
import { CHAPTER_KINDS, childrenOf } from './db/queries/units';
import { isPeriodOpen, periodsCovering, type PeriodRow } from './db/queries/periods';
import { chapterRows, statsFor, topFlagged, type UnitStatsRow } from './db/queries/overview';
import { findTemplateVersion } from './db/queries/templates';
import { EMPTY_COUNTS, type UnitCounts } from '../domain/overview';
import type { TemplateContent } from '../domain/template';

/** The period a page shows: the one asked for if it covers the unit, else the open one, else the newest. */
export function choosePeriod(
	db: Db,
	unit: UnitRow,
	asked: string | null,
	today: string
): { period: PeriodRow | null; periods: PeriodRow[] } {
	const periods = periodsCovering(db, unit.path);
	const byId = periods.find((p) => String(p.id) === asked);
	const open = periods.find((p) => isPeriodOpen(p, today));
	return { period: byId ?? open ?? periods[0] ?? null, periods };
}

function signTexts(db: Db, period: PeriodRow): Map<string, string> {
	const content = findTemplateVersion(db, period.templateVersionId)?.content as TemplateContent | undefined;
	return new Map((content?.signs ?? []).map((s) => [s.code, s.text]));
}

/** The counters of a stats row (without its keys), with the unit's member count. */
function toCounts(memberCount: number, row: UnitStatsRow | undefined): UnitCounts {
	if (!row) return { members: memberCount, ...EMPTY_COUNTS };
	const counts: UnitCounts = { members: memberCount, ...EMPTY_COUNTS };
	for (const key of Object.keys(EMPTY_COUNTS) as (keyof typeof EMPTY_COUNTS)[]) counts[key] = row[key];
	return counts;
}

/** The counts of one unit for a period, with its member count. */
export function countsOf(db: Db, period: PeriodRow, unit: UnitRow): UnitCounts {
	return toCounts(unit.memberCount, statsFor(db, period.id, [unit.id]).get(unit.id));
}

/** The most flagged concrete signs of a unit's subtree, with their text. */
export function topSigns(db: Db, period: PeriodRow, unitId: number, limit = 10) {
	const texts = signTexts(db, period);
	return topFlagged(db, period.id, unitId, limit).map((r) => ({ ...r, text: texts.get(r.code) ?? '' }));
}

/** A chapter's page: everyone with their sheet, the chapter's counts and its most flagged signs. */
export function chapterOverview(db: Db, chapter: UnitRow, period: PeriodRow) {
	return {
		rows: chapterRows(db, chapter.id, period.id),
		counts: countsOf(db, period, chapter),
		topSigns: topSigns(db, period, chapter.id)
	};
}

/** A committee's page: each child unit with its counts, the subtree's counts and most flagged signs. */
export function unitOverview(db: Db, target: UnitRow, period: PeriodRow) {
	const children = childrenOf(db, target.id);
	const stats = statsFor(
		db,
		period.id,
		children.map((c) => c.id)
	);
	return {
		counts: countsOf(db, period, target),
		children: children.map((c) => ({
			id: c.id,
			name: c.name,
			kind: c.kind,
			isChapter: CHAPTER_KINDS.includes(c.kind),
			counts: toCounts(c.memberCount, stats.get(c.id))
		})),
		topSigns: topSigns(db, period, target.id)
	};
}
