import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { floorSheet } from '$lib/server/sheets/floor';
import type { PageServerLoad } from './$types';

// Public on purpose, and only when the server runs with BENCH_FLOORS=1: the benchmark's form floor, the sheet
// page's markup from constants (the bundled template's questionnaire, no person's data), with no session and no
// database. Anywhere else it is not found.
export const load: PageServerLoad = () => {
	if (env.BENCH_FLOORS !== '1') error(404, 'Không tìm thấy trang bạn cần.');
	return { sheet: floorSheet(), submitted: false };
};
