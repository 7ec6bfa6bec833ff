// The benchmark's form floor: the member's sheet page for the bundled template's largest group (A: 56 signs in edition 2), every
// sign answered, built from constants once — no session, no database. Served at /floor/sheet only when the server
// runs with BENCH_FLOORS=1, so the benchmark can tell what the page costs apart from what rendering it costs.
import defaultTemplateJson from '../../data/template-default.json' with { type: 'json' };
import { SIGNS } from '../../domain/catalog';
import { signsForGroup, type TargetGroup } from '../../domain/template';
import { parseTemplate } from '../../schemas/template';
import type { SheetDetail } from '../db/queries/sheets';
import { sheetViewWith } from './view';

/** The group with the most signs on the bundled template (A: 56 in edition 2). */
export const FLOOR_GROUP: TargetGroup = 'A';
const TODAY = '2026-03-10';

function floorDetail(): SheetDetail {
	const parsed = parseTemplate(defaultTemplateJson);
	if (!parsed.ok) throw new Error('The bundled default template is invalid');
	const content = parsed.content;
	const stamp = new Date('2026-03-05T08:00:00Z');
	return {
		sheet: {
			id: 1,
			periodId: 1,
			memberId: 1,
			collectiveUnitId: null,
			chapterId: 1,
			targetGroup: FLOOR_GROUP,
			templateVersionId: 1,
			status: 'draft',
			revision: 1,
			strengths: 'Hoàn thành nhiệm vụ được giao.',
			shortcomings: 'Có lúc chưa chủ động.',
			commitment: 'Tiếp tục tu dưỡng, rèn luyện.',
			score: null,
			rating: null,
			answeredCount: 0,
			finalRating: null,
			finalRatingReason: null,
			assessment: '',
			submittedAt: null,
			updatedAt: stamp,
			createdAt: stamp
		},
		period: {
			id: 1,
			name: 'Năm 2026',
			year: 2026,
			unitId: 1,
			templateVersionId: 1,
			opensOn: '2026-03-01',
			deadline: '2026-03-31',
			closedAt: null,
			createdAt: stamp
		},
		content,
		templateVersion: 1,
		person: { fullName: 'Nguyễn Văn Mẫu', dateOfBirth: '1980-05-17', position: 'Đảng viên' },
		collective: null,
		chapter: { id: 1, name: 'Chi bộ Mẫu', path: '/1/', parentName: 'Đảng bộ Mẫu' },
		answers: Object.fromEntries(
			signsForGroup(content, FLOOR_GROUP).map((s) => [s.code, { level: 0, note: '', action: '', actionDeadline: null }])
		),
		progress: [],
		notes: []
	};
}

// The member's sheet without the Bản kiểm điểm's sections: the signs' form is what the floor renders.
type FloorSheet = ReturnType<typeof sheetViewWith> & { form: null; questionnaireUrl: string; sectionNone: string[] };
let built: FloorSheet | undefined;

/** The page data of the floor's sheet, built on first use and reused. */
export function floorSheet(): FloorSheet {
	// No questionnaire address: the floor's page carries the questionnaire inside, as a whole sheet page does.
	built ??= { ...sheetViewWith([...SIGNS], floorDetail(), TODAY), form: null, questionnaireUrl: '', sectionNone: [] };
	return built;
}
