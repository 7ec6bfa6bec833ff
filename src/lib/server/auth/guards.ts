import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { findUnit, type UnitRow } from '../db/queries/units';
import { canViewUnit, isAdmin, isSecretaryOf } from './access';
import { safeNext } from './next';
import type { AuthUser } from './types';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

/** The signed-in user; otherwise a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(event: Event): AuthUser {
	const user = event.locals.user;
	if (!user) {
		const next = safeNext(event.url.pathname + event.url.search, event.url.origin);
		redirect(303, next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
	}
	return user;
}

/** The signed-in user of a JSON endpoint: 401 instead of a redirect, so the page can keep what is unsaved and ask to sign in again. */
export function requireApiUser(event: Event): AuthUser {
	const user = event.locals.user;
	if (!user)
		error(401, 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; những gì bạn vừa nhập vẫn được giữ trên máy này.');
	return user;
}

/** A signed-in party member with a current chapter. */
export function requireMember(event: Event): AuthUser & { chapterId: number } {
	const user = requireUser(event);
	if (user.chapterId === null) error(403, 'Tài khoản này không gắn với chi bộ nào nên không có phiếu tự soi, tự sửa.');
	return user as AuthUser & { chapterId: number };
}

/** An administrator of the installation. */
export function requireAdmin(event: Event): AuthUser {
	const user = requireUser(event);
	if (!isAdmin(user)) error(403, 'Chỉ quản trị viên được mở trang này.');
	return user;
}

/**
 * A unit the user may read (committee over it, its own secretary, or an administrator); 404 when it does
 * not exist. With `hide`, a unit the user may not read is also a 404, so sheet URLs reveal nothing.
 */
export function requireUnitViewer(
	event: Event,
	db: Db,
	unitId: number,
	options: { hide?: boolean } = {}
): { user: AuthUser; unit: UnitRow } {
	const user = requireUser(event);
	const found = Number.isSafeInteger(unitId) ? findUnit(db, unitId) : undefined;
	if (!found) error(404, 'Không tìm thấy đơn vị.');
	if (!canViewUnit(user, found.id, found.path)) {
		if (options.hide) error(404, 'Không tìm thấy phiếu.');
		error(403, 'Bạn không có quyền xem đơn vị này.');
	}
	return { user, unit: found };
}

/** The secretary of this chapter (the only one who may change its review work). */
export function requireSecretary(
	event: Event,
	db: Db,
	chapterId: number,
	options: { hide?: boolean } = {}
): { user: AuthUser; unit: UnitRow } {
	const { user, unit } = requireUnitViewer(event, db, chapterId, options);
	if (!isSecretaryOf(user, unit.id)) error(403, 'Chỉ bí thư chi bộ được thực hiện thao tác này.');
	return { user, unit };
}
