import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { periodForPrint } from '$lib/server/print';
import { chapterBundle } from '$lib/server/reports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { unit } = requireUnitViewer(event, db, Number(event.params.id));
	const period = periodForPrint(db, unit, event.url.searchParams.get('period'));
	return {
		name: unit.name,
		periodName: period.name,
		bundle: chapterBundle(db, unit, period),
		back: `/chapters/${unit.id}?period=${period.id}`,
		pdf: `/chapters/${unit.id}/bundle.pdf?period=${period.id}`
	};
};
