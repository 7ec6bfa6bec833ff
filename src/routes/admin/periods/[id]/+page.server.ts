import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { findPeriod } from '$lib/server/db/queries/periods';
import { findUnit } from '$lib/server/db/queries/units';
import { closePeriod, extendDeadline, reopenPeriod } from '$lib/server/admin/periods';
import { notHandedIn } from '$lib/server/db/queries/periods';
import { countsOf } from '$lib/server/overview';
import { deadlineSchema } from '$lib/schemas/admin';
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
		const parsed = deadlineSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { message: parsed.error.issues[0].message });
		const result = extendDeadline(getDb(), Number(event.params.id), parsed.data.deadline, admin.id);
		return result.ok ? { done: 'Đã gia hạn.' } : fail(400, { message: result.message });
	},
	close: (event) => {
		const admin = requireAdmin(event);
		const result = closePeriod(getDb(), Number(event.params.id), admin.id);
		return result.ok ? { done: 'Đã kết thúc đợt kiểm điểm.' } : fail(400, { message: result.message });
	},
	reopen: async (event) => {
		const admin = requireAdmin(event);
		const reason = (await event.request.formData()).get('reason');
		const result = reopenPeriod(getDb(), Number(event.params.id), typeof reason === 'string' ? reason : '', admin.id);
		return result.ok ? { done: 'Đã mở lại đợt kiểm điểm.' } : fail(400, { message: result.message });
	}
};
