import { describe, expect, it } from 'vitest';
import { canViewUnit, homePathFor, isAdmin, isSecretaryOf, navigationFor } from './access';
import type { AuthUser, Grant } from './types';

// A hand-made tree (ids and materialised paths), so these tests need no database:
// province 1 → branch 2 → grassroots 3 → chapters 4 and 5; province 1 → branch 6 → chapter 7;
// and unit 21 under the province, whose path "/1/21/" starts with the same digit as branch 2's "/1/2/".
const U = {
	province: { id: 1, path: '/1/' },
	branch: { id: 2, path: '/1/2/' },
	grassroots: { id: 3, path: '/1/2/3/' },
	chapterA: { id: 4, path: '/1/2/3/4/' },
	chapterB: { id: 5, path: '/1/2/3/5/' },
	otherBranch: { id: 6, path: '/1/6/' },
	otherChapter: { id: 7, path: '/1/6/7/' },
	lookalike: { id: 21, path: '/1/21/' }
} as const;
type UnitRef = (typeof U)[keyof typeof U];

function grant(role: Grant['role'], unit: UnitRef): Grant {
	return { role, unitId: unit.id, unitPath: unit.path };
}

function person(grants: Grant[], chapterId: number | null = null): AuthUser {
	return {
		id: 100,
		username: 'thu',
		fullName: 'Nguyễn Văn Thử',
		mustChangePassword: false,
		chapterId,
		targetGroup: chapterId === null ? null : 'B',
		grants
	};
}

const canView = (user: AuthUser, unit: UnitRef) => canViewUnit(user, unit.id, unit.path);

describe('canViewUnit', () => {
	it('lets an administrator view any unit', () => {
		const admin = person([grant('admin', U.province)]);
		for (const unit of Object.values(U)) expect(canView(admin, unit)).toBe(true);
	});

	it('lets a committee view its unit and everything below it', () => {
		const committee = person([grant('committee', U.branch)]);
		for (const unit of [U.branch, U.grassroots, U.chapterA, U.chapterB]) expect(canView(committee, unit)).toBe(true);
	});

	it('keeps a committee out of a sibling branch, its parent and a unit whose id only shares a prefix', () => {
		const committee = person([grant('committee', U.branch)]);
		expect(canView(committee, U.otherBranch)).toBe(false);
		expect(canView(committee, U.otherChapter)).toBe(false);
		expect(canView(committee, U.province)).toBe(false);
		expect(canView(committee, U.lookalike)).toBe(false);
	});

	it('lets a secretary view only its own chapter, not a sibling chapter or the units above', () => {
		const secretary = person([grant('secretary', U.chapterA)], U.chapterA.id);
		expect(canView(secretary, U.chapterA)).toBe(true);
		expect(canView(secretary, U.chapterB)).toBe(false);
		expect(canView(secretary, U.grassroots)).toBe(false);
		expect(canView(secretary, U.province)).toBe(false);
	});

	it('gives a plain member no unit view, not even of their own chapter', () => {
		const member = person([], U.chapterA.id);
		expect(canView(member, U.chapterA)).toBe(false);
	});

	it('combines grants: a secretary who also sits on another committee sees both', () => {
		const both = person([grant('secretary', U.chapterA), grant('committee', U.otherBranch)], U.chapterA.id);
		expect(canView(both, U.chapterA)).toBe(true);
		expect(canView(both, U.otherChapter)).toBe(true);
		expect(canView(both, U.chapterB)).toBe(false);
	});
});

describe('isSecretaryOf and isAdmin', () => {
	it('is true only for the chapter of a secretary grant', () => {
		const secretary = person([grant('secretary', U.chapterA)], U.chapterA.id);
		expect(isSecretaryOf(secretary, U.chapterA.id)).toBe(true);
		expect(isSecretaryOf(secretary, U.chapterB.id)).toBe(false);
	});

	it('is not granted by a committee or administrator role, nor by membership', () => {
		expect(isSecretaryOf(person([grant('committee', U.chapterA)]), U.chapterA.id)).toBe(false);
		expect(isSecretaryOf(person([grant('admin', U.province)]), U.chapterA.id)).toBe(false);
		expect(isSecretaryOf(person([], U.chapterA.id), U.chapterA.id)).toBe(false);
	});

	it('knows an administrator only by the admin grant', () => {
		expect(isAdmin(person([grant('admin', U.province)]))).toBe(true);
		expect(isAdmin(person([grant('committee', U.province)]))).toBe(false);
	});
});

describe('navigationFor', () => {
	const labels = (user: AuthUser) => navigationFor(user).map((i) => i.label);

	it('shows a plain member their sheets and the signs', () => {
		expect(navigationFor(person([], U.chapterA.id))).toEqual([
			{ href: '/sheets', label: 'Phiếu của tôi' },
			{ href: '/signs', label: 'Các biểu hiện' }
		]);
	});

	it('shows a leader (group A) their breakthrough tasks and example-setting, and nobody else', () => {
		const leader = { ...person([], U.chapterA.id), targetGroup: 'A' as const };
		expect(labels(leader)).toEqual(['Phiếu của tôi', 'Nhiệm vụ đột phá', 'Nêu gương', 'Các biểu hiện']);
		expect(navigationFor(leader)).toContainEqual({ href: '/tasks', label: 'Nhiệm vụ đột phá' });
		expect(labels(person([], U.chapterA.id))).not.toContain('Nhiệm vụ đột phá');
		expect(labels(person([], U.chapterA.id))).not.toContain('Nêu gương');
	});

	it('adds the chapter page for a secretary', () => {
		const secretary = person([grant('secretary', U.chapterA)], U.chapterA.id);
		expect(labels(secretary)).toEqual(['Phiếu của tôi', 'Chi bộ của tôi', 'Các biểu hiện']);
		expect(navigationFor(secretary)).toContainEqual({ href: `/chapters/${U.chapterA.id}`, label: 'Chi bộ của tôi' });
	});

	it('shows an administrator the administration page and no sheets', () => {
		const admin = person([grant('admin', U.province)]);
		expect(navigationFor(admin)).toContainEqual({ href: '/admin', label: 'Quản trị' });
		expect(labels(admin)).not.toContain('Phiếu của tôi');
		expect(labels(admin)).not.toContain('Chi bộ của tôi');
	});

	it('shows a committee the unit it follows', () => {
		const committee = person([grant('committee', U.branch)]);
		expect(navigationFor(committee)).toContainEqual({ href: `/units/${U.branch.id}`, label: 'Theo dõi đơn vị' });
		expect(labels(committee)).not.toContain('Quản trị');
		expect(labels(committee)).not.toContain('Phiếu của tôi');
	});

	it('never shows administration or follow-up pages to a plain member', () => {
		const items = labels(person([], U.chapterA.id));
		expect(items).not.toContain('Quản trị');
		expect(items).not.toContain('Theo dõi đơn vị');
		expect(items).not.toContain('Chi bộ của tôi');
	});
});

describe('homePathFor', () => {
	it('sends each role to its own work', () => {
		expect(homePathFor(person([grant('admin', U.province)]))).toBe('/admin');
		expect(homePathFor(person([grant('committee', U.branch)]))).toBe(`/units/${U.branch.id}`);
		expect(homePathFor(person([grant('secretary', U.chapterB)]))).toBe(`/chapters/${U.chapterB.id}`);
		expect(homePathFor(person([], U.chapterA.id))).toBe('/sheets');
		expect(homePathFor(person([]))).toBe('/account');
	});

	it('sends a secretary who is also a member of the chapter to the chapter, not to their own sheet', () => {
		expect(homePathFor(person([grant('secretary', U.chapterA)], U.chapterA.id))).toBe(`/chapters/${U.chapterA.id}`);
	});

	it('prefers the most demanding role when a user holds several', () => {
		const all = person(
			[grant('secretary', U.chapterA), grant('committee', U.branch), grant('admin', U.province)],
			U.chapterA.id
		);
		expect(homePathFor(all)).toBe('/admin');
		const secretaryAndCommittee = person(
			[grant('secretary', U.chapterA), grant('committee', U.otherBranch)],
			U.chapterA.id
		);
		expect(homePathFor(secretaryAndCommittee)).toBe(`/units/${U.otherBranch.id}`);
	});
});
