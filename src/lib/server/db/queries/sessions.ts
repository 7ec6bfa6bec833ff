import type { Db } from '../client';
import { statement } from '../statements';
import type { GrantedRole } from '../schema';
import type { TargetGroup } from '../../../domain/template';

/** A session with its account, the member's current chapter and group, and the account's role grants. */
export interface SessionRow {
	userId: number;
	username: string;
	fullName: string;
	mustChangePassword: boolean;
	active: boolean;
	expiresAt: Date;
	chapterId: number | null;
	targetGroup: TargetGroup | null;
	grants: { role: GrantedRole; unitId: number; unitPath: string }[];
}

// One statement for everything a request needs to know about who is asking: it runs on every request.
const FIND_SESSION = `
select u.id, u.username, u.full_name, u.must_change_password, u.active, s.expires_at,
	m.unit_id, mb.target_group,
	(select json_group_array(json_array(g.role, g.unit_id, gu.path))
		from role_grant g join unit gu on gu.id = g.unit_id where g.user_id = u.id) as grants
from session s
join user u on u.id = s.user_id
left join membership m on m.member_id = u.id and m.ended_on is null
left join member mb on mb.user_id = m.member_id
where s.id = ?`;

type Raw = {
	id: number;
	username: string;
	full_name: string;
	must_change_password: number;
	active: number;
	expires_at: number;
	unit_id: number | null;
	target_group: TargetGroup | null;
	grants: string;
};

/** The session stored under `sessionId`, with its account, in one indexed read. */
export function findSession(db: Db, sessionId: string): SessionRow | undefined {
	const raw = statement(db, FIND_SESSION).get(sessionId) as Raw | undefined;
	if (!raw) return undefined;
	return {
		userId: raw.id,
		username: raw.username,
		fullName: raw.full_name,
		mustChangePassword: raw.must_change_password === 1,
		active: raw.active === 1,
		expiresAt: new Date(raw.expires_at),
		chapterId: raw.unit_id,
		targetGroup: raw.target_group,
		grants: (JSON.parse(raw.grants) as [GrantedRole, number, string][]).map(([role, unitId, unitPath]) => ({
			role,
			unitId,
			unitPath
		}))
	};
}

/** Moves a session's expiry (sliding sessions). */
export function extendSession(db: Db, sessionId: string, expiresAt: Date): void {
	statement(db, 'update session set expires_at = ? where id = ?').run(expiresAt.getTime(), sessionId);
}

/** Ends one session. */
export function deleteSession(db: Db, sessionId: string): void {
	statement(db, 'delete from session where id = ?').run(sessionId);
}
