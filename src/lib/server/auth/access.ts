import type { AuthUser, Grant } from './types';

// Pure scope rules, used by the guards and called directly by tests.

/** True when the user administers the installation. */
export function isAdmin(user: AuthUser): boolean {
	return user.grants.some((g) => g.role === 'admin');
}

/** True when `unitPath` lies inside (or is) the unit of the grant. */
export function grantCovers(grant: Grant, unitPath: string): boolean {
	return unitPath.startsWith(grant.unitPath);
}

/** Read access to a unit: an administrator, a committee over its subtree, or the secretary of that very chapter. */
export function canViewUnit(user: AuthUser, unitId: number, unitPath: string): boolean {
	return user.grants.some(
		(g) =>
			g.role === 'admin' ||
			(g.role === 'committee' && grantCovers(g, unitPath)) ||
			(g.role === 'secretary' && g.unitId === unitId)
	);
}

/** Write access to a chapter's review work: only its own secretary. */
export function isSecretaryOf(user: AuthUser, chapterId: number): boolean {
	return user.grants.some((g) => g.role === 'secretary' && g.unitId === chapterId);
}

/** The first grant of a role, if the user holds it. */
export function firstGrant(user: AuthUser, role: Grant['role']): Grant | undefined {
	return user.grants.find((g) => g.role === role);
}

export interface NavItem {
	href: string;
	label: string;
}

/** The pages this user may open, in the order they appear in the navigation. */
export function navigationFor(user: AuthUser): NavItem[] {
	const items: NavItem[] = [];
	if (user.chapterId !== null) items.push({ href: '/sheets', label: 'Phiếu của tôi' });
	// Leaders (group A) are the ones committees order breakthrough tasks from.
	if (user.targetGroup === 'A')
		items.push({ href: '/tasks', label: 'Nhiệm vụ đột phá' }, { href: '/example-setting', label: 'Nêu gương' });
	for (const g of user.grants) {
		if (g.role === 'secretary') items.push({ href: `/chapters/${g.unitId}`, label: 'Chi bộ của tôi' });
	}
	for (const g of user.grants) {
		if (g.role === 'committee') items.push({ href: `/units/${g.unitId}`, label: 'Theo dõi đơn vị' });
	}
	if (isAdmin(user)) items.push({ href: '/admin', label: 'Quản trị' });
	items.push({ href: '/signs', label: 'Các biểu hiện' });
	return items;
}

/** Where a user lands after signing in: the work of their most demanding role. */
export function homePathFor(user: AuthUser): string {
	if (isAdmin(user)) return '/admin';
	const committee = firstGrant(user, 'committee');
	if (committee) return `/units/${committee.unitId}`;
	const secretary = firstGrant(user, 'secretary');
	if (secretary) return `/chapters/${secretary.unitId}`;
	if (user.chapterId !== null) return '/sheets';
	return '/account';
}
