import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireSecretary, requireUnitViewer } from '$lib/server/auth/guards';
import { isSecretaryOf } from '$lib/server/auth/access';
import { CHAPTER_KINDS } from '$lib/server/db/queries/units';
import { choosePeriod } from '$lib/server/overview';
import { periodForPrint } from '$lib/server/print';
import { chapterReviewList, secretarySheetSentence } from '$lib/server/sheets/review';
import { saveChapterReport } from '$lib/server/sheets/chapter-report';
import { collectiveSheetState } from '$lib/server/sheets/collective';
import { formValues, refusalErrors, refuse } from '$lib/schemas/form';
import { filterAndSort, SORTS, type SortKey } from '$lib/domain/chapter-list';
import { hasChiUy } from '$lib/domain/report';
import { SHEET_STATUS_LABELS, type SheetStatusKey } from '$lib/domain/sheet';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
	if (!CHAPTER_KINDS.includes(unit.kind)) error(404, 'Đơn vị này không phải là chi bộ.');
	const params = event.url.searchParams;
	const { period, periods } = choosePeriod(db, unit, params.get('period'), todayIso());
	const status = (Object.keys(SHEET_STATUS_LABELS).find((s) => s === params.get('status')) ??
		null) as SheetStatusKey | null;
	const sort = (Object.keys(SORTS).find((s) => s === params.get('sort')) ?? 'name') as SortKey;
	const list = period ? chapterReviewList(db, unit, period) : null;
	return {
		chapter: { id: unit.id, name: unit.name, hasChiUy: hasChiUy(unit.memberCount) },
		isSecretary: isSecretaryOf(user, unit.id),
		secretarySheet: secretarySheetSentence(db, unit),
		periods: periods.map((p) => ({ id: p.id, name: p.name })),
		period: period
			? { id: period.id, name: period.name, deadline: period.deadline, open: period.closedAt === null }
			: null,
		filter: { status, sort },
		rows: list ? filterAndSort(list.rows, status, sort) : [],
		counts: list?.counts ?? null,
		tallies: list?.tallies ?? null,
		topSigns: list?.topSigns ?? [],
		report: list?.report ?? { number: '', plan: '' },
		reminder: list?.reminder ?? '',
		// The chi bộ's own sheet as a collective, apart from the members' (filled by its secretary).
		collective: collectiveSheetState(db, user, unit, period, todayIso())
	};
};

export const actions: Actions = {
	/** The number and the plan the secretary writes into the chapter's summary report. */
	report: async (event) => {
		const db = getDb();
		const { user, unit } = requireSecretary(event, db, Number(event.params.id));
		const period = periodForPrint(db, unit, event.url.searchParams.get('period'));
		const data = await event.request.formData();
		const result = saveChapterReport(db, user, unit, period, {
			number: data.get('number') ?? '',
			plan: data.get('plan') ?? ''
		});
		if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result));
		redirect(303, `/chapters/${unit.id}?period=${period.id}&saved=report#report`);
	}
};
