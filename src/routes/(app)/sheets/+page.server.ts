import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireMember } from '$lib/server/auth/guards';
import { ancestorsOf, findUnit } from '$lib/server/db/queries/units';
import { currentPeriodFor } from '$lib/server/db/queries/periods';
import { memberYears, openCurrentSheet } from '$lib/server/sheets/member';
import { todayIso } from '$lib/domain/dates';
import { refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireMember(event);
	const db = getDb();
	const chapter = findUnit(db, user.chapterId)!;
	const current = currentPeriodFor(db, chapter.path, todayIso());
	const sheets = memberYears(db, user.id);
	return {
		targetGroup: user.targetGroup,
		chain: ancestorsOf(db, chapter).map((u) => u.name),
		current: current
			? {
					name: current.name,
					year: current.year,
					deadline: current.deadline,
					started: sheets.some((s) => s.year === current.year)
				}
			: null,
		sheets
	};
};

export const actions: Actions = {
	/** Starts this year's sheet (or opens it, when a second tab started it already). */
	start: (event) => {
		const user = requireMember(event);
		const detail = openCurrentSheet(getDb(), user, todayIso());
		if (!detail) return refuse(409, {}, { form: 'Chưa có đợt kiểm điểm nào đang mở cho chi bộ của bạn.' });
		redirect(303, `/sheets/${detail.sheet.id}`);
	}
};
