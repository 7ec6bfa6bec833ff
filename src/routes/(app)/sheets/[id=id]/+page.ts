import { error } from '@sveltejs/kit';
import type { Questionnaire } from './types';
import type { PageLoad } from './$types';

/**
 * The sheet's questionnaire (the signs' wording and the scoring rules) is the same for every member of a group and
 * changes only with the template version. A whole page brings it in its data, so the form renders without
 * JavaScript; a navigation in the app or a reload of the data does not, and it is taken from its own address
 * (one per version, group and wording), which the browser and the service worker keep.
 */
export const load: PageLoad = async ({ data, fetch }) => {
	const { questionnaire: sent, ...sheet } = data.sheet;
	let questionnaire: Questionnaire | null = sent;
	if (!questionnaire) {
		const response = await fetch(sheet.questionnaireUrl);
		if (!response.ok) error(response.status === 404 ? 404 : 503, 'Không tải được bộ câu hỏi của phiếu. Hãy thử lại.');
		questionnaire = (await response.json()) as Questionnaire;
	}
	return { ...data, sheet: { ...sheet, ...questionnaire } };
};
