import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { compareVietnameseNames } from '../../../domain/names';
import { normalizeUsername } from './users';
import { member, membership, unit, user } from '../schema';
import { addMemberCount } from './stats';
import { CHAPTER_KINDS } from './units';
import type { TargetGroup } from '../../../domain/template';

export interface NewMember {
	username: string;
	fullName: string;
	passwordHash: string;
	mustChangePassword: boolean;
	dateOfBirth: string;
	position: string;
	targetGroup: TargetGroup;
	chapterId: number;
	joinedOn: string;
}

function chapterPath(db: Db, chapterId: number): string {
	const found = db.select({ path: unit.path }).from(unit).where(eq(unit.id, chapterId)).get();
	if (!found) throw new Error(`Unknown chapter ${chapterId}`);
	return found.path;
}

/** Creates the account, the member profile and the first membership together. */
export function createMember(db: Db, input: NewMember): number {
	return db.transaction((tx) => {
		const { id } = tx
			.insert(user)
			.values({
				username: normalizeUsername(input.username),
				fullName: input.fullName,
				passwordHash: input.passwordHash,
				mustChangePassword: input.mustChangePassword
			})
			.returning({ id: user.id })
			.get();
		tx.insert(member)
			.values({ userId: id, dateOfBirth: input.dateOfBirth, position: input.position, targetGroup: input.targetGroup })
			.run();
		tx.insert(membership).values({ memberId: id, unitId: input.chapterId, startedOn: input.joinedOn }).run();
		addMemberCount(tx, chapterPath(tx, input.chapterId), 1);
		return id;
	});
}

/** Ends a member's current membership on `onDate` (the row stays, as history) and keeps the member counts in step. */
export function endCurrentMembership(db: Db, memberId: number, onDate: string): void {
	db.transaction((tx) => {
		const closed = tx
			.update(membership)
			.set({ endedOn: onDate })
			.where(and(eq(membership.memberId, memberId), isNull(membership.endedOn)))
			.returning({ unitId: membership.unitId })
			.all();
		for (const old of closed) addMemberCount(tx, chapterPath(tx, old.unitId), -1);
	});
}

/** Moves a member to another chapter on `onDate`, closing the current membership so the history stays. */
export function moveMember(db: Db, memberId: number, toChapterId: number, onDate: string): void {
	db.transaction((tx) => {
		endCurrentMembership(tx, memberId, onDate);
		tx.insert(membership).values({ memberId, unitId: toChapterId, startedOn: onDate }).run();
		addMemberCount(tx, chapterPath(tx, toChapterId), 1);
	});
}

export interface ChapterMemberRow {
	userId: number;
	username: string;
	fullName: string;
	dateOfBirth: string;
	position: string;
	targetGroup: TargetGroup;
}

/** The current members of a chapter, sorted by Vietnamese name order (given name last, as people are called). */
export function chapterMembers(db: Db, chapterId: number): ChapterMemberRow[] {
	const rows = db
		.select({
			userId: user.id,
			username: user.username,
			fullName: user.fullName,
			dateOfBirth: member.dateOfBirth,
			position: member.position,
			targetGroup: member.targetGroup
		})
		.from(membership)
		.innerJoin(member, eq(member.userId, membership.memberId))
		.innerJoin(user, eq(user.id, member.userId))
		.where(and(eq(membership.unitId, chapterId), isNull(membership.endedOn)))
		.all();
	return rows.sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
}

/** A member's account, profile, current chapter and chapter history, for the administrator. */
export function memberForAdmin(db: Db, userId: number) {
	const person = db
		.select({
			id: user.id,
			username: user.username,
			fullName: user.fullName,
			active: user.active,
			mustChangePassword: user.mustChangePassword,
			dateOfBirth: member.dateOfBirth,
			position: member.position,
			targetGroup: member.targetGroup
		})
		.from(user)
		.innerJoin(member, eq(member.userId, user.id))
		.where(eq(user.id, userId))
		.get();
	if (!person) return undefined;
	const history = db
		.select({ unitId: unit.id, unitName: unit.name, startedOn: membership.startedOn, endedOn: membership.endedOn })
		.from(membership)
		.innerJoin(unit, eq(unit.id, membership.unitId))
		.where(eq(membership.memberId, userId))
		.orderBy(membership.startedOn, membership.id)
		.all();
	return { person, history, current: history.find((h) => h.endedOn === null) ?? null };
}

/** Every open chapter, for pickers. */
export function openChapters(db: Db) {
	return db
		.select({ id: unit.id, name: unit.name, kind: unit.kind })
		.from(unit)
		.where(isNull(unit.closedAt))
		.all()
		.filter((u) => CHAPTER_KINDS.includes(u.kind))
		.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
