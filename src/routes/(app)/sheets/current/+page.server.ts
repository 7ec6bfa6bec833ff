import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireMember } from '$lib/server/auth/guards';
import { openCurrentSheet } from '$lib/server/sheets/member';
import { todayIso } from '$lib/domain/dates';
import type { PageServerLoad } from './$types';

// Opens (making it on first visit) this year's sheet for the member's target group.
export const load: PageServerLoad = (event) => {
	const user = requireMember(event);
	const detail = openCurrentSheet(getDb(), user, todayIso());
	redirect(303, detail ? `/sheets/${detail.sheet.id}` : '/sheets');
};
