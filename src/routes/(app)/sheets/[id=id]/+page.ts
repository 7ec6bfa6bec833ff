import { error } from '@sveltejs/kit';
import type { Questionnaire } from './types';
import type { PageLoad } from './$types';

/**
 * The sheet's state comes from the server load; its questionnaire (the signs' wording and the scoring rules) from its
 * own address, one per template version and group, which the browser and the service worker keep. Rendered on the
 * server too (inlined once in the page), so the form is all there without JavaScript.
 */
export const load: PageLoad = async ({ data, fetch }) => {
	const response = await fetch(data.sheet.questionnaireUrl);
	if (!response.ok) error(response.status === 404 ? 404 : 503, 'Không tải được bộ câu hỏi của phiếu. Hãy thử lại.');
	const questionnaire = (await response.json()) as Questionnaire;
	return { ...data, sheet: { ...data.sheet, ...questionnaire } };
};
