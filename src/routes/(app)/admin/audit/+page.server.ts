import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { allUnits, findUnit } from '$lib/server/db/queries/units';
import { findUserByUsername } from '$lib/server/db/queries/users';
import { auditActions, auditLog } from '$lib/server/db/queries/audit';
import { concernedPerson, describeSheetEvent } from '$lib/domain/audit';
import type { PageServerLoad } from './$types';

const PAGE = 100;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const db = getDb();
	const q = event.url.searchParams;
	const unit = q.get('unit') ? findUnit(db, Number(q.get('unit'))) : undefined;
	const person = q.get('person') ? findUserByUsername(db, q.get('person')!.slice(0, 64)) : undefined;
	const page = Math.max(0, Math.min(10_000, Number(q.get('page')) || 0));
	const filter = {
		unit: unit?.id ?? null,
		person: q.get('person')?.slice(0, 64) ?? '',
		action: q.get('action')?.slice(0, 64) ?? '',
		from: ISO.test(q.get('from') ?? '') ? q.get('from')! : '',
		to: ISO.test(q.get('to') ?? '') ? q.get('to')! : ''
	};
	const unknownPerson = filter.person !== '' && !person;
	const log = unknownPerson
		? { rows: [], more: false }
		: auditLog(db, {
				unitPath: unit?.path,
				userId: person?.id,
				action: filter.action || undefined,
				from: filter.from || undefined,
				to: filter.to || undefined,
				limit: PAGE,
				offset: page * PAGE
			});
	return {
		filter,
		page,
		unknownPerson,
		units: allUnits(db).map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
		actions: auditActions(db),
		rows: log.rows.map((r) => ({
			...r,
			at: r.at.getTime(),
			text: describeSheetEvent(r.action, r.detail),
			// The person the line is about: the account changed, or the member whose sheet it is.
			concerned: concernedPerson(r)
		})),
		more: log.more
	};
};
