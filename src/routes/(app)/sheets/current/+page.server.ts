import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireMember } from '$lib/server/auth/guards';
import { findCurrentSheetId } from '$lib/server/sheets/member';
import { todayIso } from '$lib/domain/dates';
import type { PageServerLoad } from './$types';

// This year's sheet, once started; until then the member's page, whose "Bắt đầu" button makes it. Only a
// POST makes a sheet: a link preloaded on hover, or a crawler, must not.
export const load: PageServerLoad = (event) => {
	const user = requireMember(event);
	const id = findCurrentSheetId(getDb(), user, todayIso());
	redirect(303, id ? `/sheets/${id}` : '/sheets');
};
