import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { findPeriod } from '$lib/server/db/queries/periods';
import { findUnit } from '$lib/server/db/queries/units';
import { closePeriod, extendDeadline, reopenPeriod } from '$lib/server/admin/periods';
import { notHandedIn } from '$lib/server/db/queries/periods';
import { countsOf } from '$lib/server/overview';
import { deadlineSchema } from '$lib/schemas/admin';
import { formValues, parseForm, refusalErrors, refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const db = getDb();
	const found = findPeriod(db, Number(event.params.id));
	const scope = found && findUnit(db, found.unitId);
	if (!found || !scope) error(404, 'Không tìm thấy đợt kiểm điểm.');
	return {
		period: {
			id: found.id,
			name: found.name,
			opensOn: found.opensOn,
			deadline: found.deadline,
			closed: found.closedAt !== null
		},
		scope: { id: scope.id, name: scope.name },
		counts: countsOf(db, found, scope),
		missing: notHandedIn(db, found.id)
	};
};

export const actions: Actions = {
	extend: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(deadlineSchema, await event.request.formData());
		if (!parsed.ok) return refuse(400, parsed.values, parsed.errors, { action: 'extend' });
		const result = extendDeadline(getDb(), Number(event.params.id), parsed.data.deadline, admin.id);
		return result.ok
			? { done: 'Đã gia hạn.' }
			: refuse(400, parsed.values, refusalErrors(result), { action: 'extend' });
	},
	close: (event) => {
		const admin = requireAdmin(event);
		const result = closePeriod(getDb(), Number(event.params.id), admin.id);
		return result.ok
			? { done: 'Đã kết thúc đợt kiểm điểm.' }
			: refuse(400, {}, refusalErrors(result), { action: 'close' });
	},
	reopen: async (event) => {
		const admin = requireAdmin(event);
		const data = await event.request.formData();
		const reason = data.get('reason');
		const result = reopenPeriod(getDb(), Number(event.params.id), typeof reason === 'string' ? reason : '', admin.id);
		return result.ok
			? { done: 'Đã mở lại đợt kiểm điểm.' }
			: refuse(400, formValues(data), { reason: result.message }, { action: 'reopen' });
	}
};
