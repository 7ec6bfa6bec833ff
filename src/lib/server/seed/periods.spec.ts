import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { signedInUser } from '../../../../tests/helpers/sheets';
import type { Db } from '../db/client';
import { loadSheetDetail, type SheetDetail } from '../db/queries/sheets';
import { member, membership, period, sheet, unit } from '../db/schema';
import { openCurrentSheet } from '../sheets/member';
import { scoreSheet } from '../../domain/scoring';
import { isFlagged, levelsOf, sheetProblems } from '../../domain/sheet';
import { signsForGroup } from '../../domain/template';
import { todayIso } from '../../domain/dates';
import { seedDemoData } from './demo';

// Seeding hashes a password (argon2) and writes the whole province, so it runs once; the tests read it,
// and the one that opens a current sheet only adds that sheet.
let db: Db;
let today: string;
let year: number;

beforeAll(async () => {
	db = createTestDb();
	today = todayIso();
	year = Number(today.slice(0, 4));
	expect(await seedDemoData(db)).toBe(true);
});

function root() {
	return db.select().from(unit).where(isNull(unit.parentId)).get()!;
}

function periodOf(y: number) {
	const found = db.select().from(period).where(eq(period.year, y)).all();
	expect(found).toHaveLength(1);
	return found[0];
}

function currentMembers() {
	return db
		.select({ id: member.userId, group: member.targetGroup, chapterId: membership.unitId })
		.from(member)
		.innerJoin(membership, and(eq(membership.memberId, member.userId), isNull(membership.endedOn)))
		.all();
}

function lastYearSheets(): SheetDetail[] {
	const prev = periodOf(year - 1);
	return db
		.select({ id: sheet.id })
		.from(sheet)
		.where(eq(sheet.periodId, prev.id))
		.all()
		.map((s) => loadSheetDetail(db, s.id)!);
}

/** Whether an ISO date names a real day: no rolling 30 February over into March. */
function isRealDate(iso: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso))) return false;
	return new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;
}

describe('seedDemoPeriods through seedDemoData', () => {
	it('makes exactly two periods over the root: last year closed, this year open today', () => {
		expect(db.select().from(period).all()).toHaveLength(2);
		const prev = periodOf(year - 1);
		const current = periodOf(year);
		const rootId = root().id;
		expect(prev.unitId).toBe(rootId);
		expect(current.unitId).toBe(rootId);
		expect(prev.closedAt).toBeInstanceOf(Date);
		expect(prev.closedAt!.getTime()).toBeLessThanOrEqual(Date.now());
		expect(prev.opensOn <= prev.deadline).toBe(true);
		expect(prev.deadline.startsWith(`${year - 1}-`)).toBe(true);
		expect(current.closedAt).toBeNull();
		expect(current.opensOn <= today).toBe(true);
		expect(current.deadline >= today).toBe(true);
		expect(current.templateVersionId).toBe(prev.templateVersionId);
		for (const p of [prev, current]) expect(isRealDate(p.opensOn) && isRealDate(p.deadline)).toBe(true);
	});

	it('gives most members (over 80%) an approved sheet for last year, one each, in their chapter and group', () => {
		const members = currentMembers();
		const sheets = lastYearSheets();
		expect(members.length).toBeGreaterThan(100);
		const byMember = new Map(sheets.map((s) => [s.sheet.memberId, s]));
		expect(byMember.size).toBe(sheets.length);
		const approved = members.filter((m) => byMember.get(m.id)?.sheet.status === 'approved');
		expect(approved.length / members.length).toBeGreaterThan(0.8);
		for (const m of approved) {
			const s = byMember.get(m.id)!.sheet;
			expect(s.targetGroup).toBe(m.group);
			expect(s.chapterId).toBe(m.chapterId);
			expect(s.submittedAt).toBeInstanceOf(Date);
			expect(s.finalRating).toBe(s.rating);
		}
	});

	it("answers every sign of the member's group and stores the score and rating the engine gives", () => {
		const sheets = lastYearSheets();
		expect(sheets.length).toBeGreaterThan(0);
		for (const detail of sheets) {
			const group = detail.sheet.targetGroup;
			const codes = signsForGroup(detail.content, group).map((s) => s.code);
			expect(Object.keys(detail.answers).sort()).toEqual([...codes].sort());
			for (const code of codes) expect(detail.answers[code].level).not.toBeNull();
			const expected = scoreSheet(detail.content, group, levelsOf(detail.answers));
			expect(expected.provisional).toBe(false);
			expect({ score: detail.sheet.score, rating: detail.sheet.rating, answered: detail.sheet.answeredCount }).toEqual({
				score: expected.score,
				rating: expected.rating,
				answered: codes.length
			});
		}
	});

	it('flags signs on some sheets, each with an action and a real deadline', () => {
		const sheets = lastYearSheets();
		const flaggedSheets = sheets.filter((d) => Object.values(d.answers).some((a) => isFlagged(a.level)));
		expect(flaggedSheets.length).toBeGreaterThan(0);
		for (const detail of flaggedSheets) {
			for (const [code, a] of Object.entries(detail.answers)) {
				if (!isFlagged(a.level)) {
					expect({ code, action: a.action, deadline: a.actionDeadline }).toEqual({ code, action: '', deadline: null });
					continue;
				}
				expect(a.action.trim(), code).not.toBe('');
				expect(a.actionDeadline, code).not.toBeNull();
				expect(isRealDate(a.actionDeadline!), `${code} ${a.actionDeadline}`).toBe(true);
			}
		}
	});

	it("puts a flagged member's actions on this year's sheet when they open it", () => {
		const detail = lastYearSheets().find((d) => Object.values(d.answers).some((a) => isFlagged(a.level)))!;
		const flagged = Object.entries(detail.answers).filter(([, a]) => isFlagged(a.level));
		const opened = openCurrentSheet(db, signedInUser(db, detail.sheet.memberId!), today);
		expect(opened).not.toBeNull();
		expect(opened!.sheet.periodId).toBe(periodOf(year).id);
		expect(opened!.progress.map((p) => [p.code, p.action, p.actionDeadline, p.status]).sort()).toEqual(
			flagged.map(([code, a]) => [code, a.action, a.actionDeadline, null]).sort()
		);
	});

	it("passes the hand-in check on every handed-in sheet: this year's against today, last year's against its hand-in day", () => {
		const handed = db
			.select({ id: sheet.id })
			.from(sheet)
			.all()
			.map((s) => loadSheetDetail(db, s.id)!)
			.filter((d) => d.sheet.status === 'submitted' || d.sheet.status === 'approved');
		expect(handed.length).toBeGreaterThan(50);
		for (const d of handed) {
			const handedInOn = d.period.year === year ? today : d.sheet.submittedAt!.toISOString().slice(0, 10);
			const progress = Object.fromEntries(d.progress.map((p) => [p.code, p]));
			const texts = {
				strengths: d.sheet.strengths,
				shortcomings: d.sheet.shortcomings,
				commitment: d.sheet.commitment
			};
			expect(sheetProblems(d.content, d.sheet.targetGroup, d.answers, progress, { texts, today: handedInOn })).toEqual(
				[]
			);
		}
	});
});
