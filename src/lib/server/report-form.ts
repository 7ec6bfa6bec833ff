// The Bản kiểm điểm of a sheet as printed (Mẫu 2A/2B/2C from its template version), or null for a sheet of a
// version made before forms were template data, which keeps printing as the older "Phiếu tự soi, tự sửa".
import type { Db } from './db/client';
import type { SheetDetail } from './db/queries/sheets';
import { formView, type SectionView } from './sheets/sections';
import { formatScore, levelCountsLine, type SheetScore } from '../domain/scoring';
import { formatDate } from '../domain/dates';
import { QUALITY_LABELS, QUALITY_LEVELS, RATING_LABELS, SCORE_FRAME, SELF_RESULT_NAME } from '../domain/template';
import { PROGRESS_LABELS } from '../domain/sheet';
import { BLANK, SIGNS_ANNEX_TITLE, signsAnnexSubtitle, type FormBlock, type FormReport } from '../domain/report-form';

const points = (value: number | null, max: number) => `${value === null ? '……' : formatScore(value)}/${max}`;

function block(view: SectionView, detail: SheetDetail, score: SheetScore, questions: FormQuestions): FormBlock {
	const { section, value } = view;
	const base = { key: section.key, depth: section.depth, heading: section.heading };
	const guidance = section.guidance ?? null;
	switch (section.kind) {
		case 'heading':
			return { kind: 'heading', ...base };
		case 'text':
			return {
				kind: 'text',
				...base,
				prior: view.priorCommitment ? `Cam kết năm ${view.priorCommitment.year}: ${view.priorCommitment.text}` : null,
				text: view.text
			};
		case 'items': {
			const labels = new Map((section.statuses ?? []).map((s) => [s.value, s.label]));
			// A.III also reports on last year's remediation actions for flagged signs.
			const plan =
				section.carry === 'shortcomings'
					? detail.progress.map((p) => ({
							text: `${p.code} — ${p.signText}: ${p.action}`,
							status: p.status ? PROGRESS_LABELS[p.status] : 'Chưa báo cáo',
							note: p.note
						}))
					: [];
			return {
				kind: 'items',
				...base,
				guidance,
				rows: [
					...plan,
					...value.items.map((i) => ({
						text: i.text,
						status: i.status ? (labels.get(i.status) ?? i.status) : 'Chưa báo cáo',
						note: i.note
					}))
				]
			};
		}
		case 'questions':
			return {
				kind: 'questions',
				...base,
				rows: questions.map((q) => ({ question: q.text, askedBy: q.unitName, answer: q.answer }))
			};
		case 'signs':
			return {
				kind: 'signs',
				...base,
				lines: [
					`${SELF_RESULT_NAME}: ${RATING_LABELS[score.rating]}${score.provisional ? ' (tạm tính)' : ''}; số biểu hiện tự nhận — ${levelCountsLine(score.levelCounts)}.`,
					'Chi tiết từng biểu hiện, biện pháp và thời hạn khắc phục: xem Phụ lục kèm theo.'
				]
			};
		case 'score366':
			return {
				kind: 'score366',
				...base,
				guidance,
				lines: [
					{ label: '1. Nhóm tiêu chí chung', value: points(value.general, SCORE_FRAME.general) },
					{ label: '2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ', value: points(value.tasks, SCORE_FRAME.tasks) },
					{ label: 'Tổng điểm', value: points(view.total, SCORE_FRAME.general + SCORE_FRAME.tasks) }
				]
			};
		case 'quality':
			return {
				kind: 'quality',
				...base,
				guidance,
				options: QUALITY_LEVELS.map((q) => ({ label: QUALITY_LABELS[q], chosen: value.quality === q }))
			};
	}
}

type FormQuestions = NonNullable<ReturnType<typeof formView>>['questions'];

/** The printed form of a sheet, or null for a sheet whose version has no form. */
export function formReport(db: Db, detail: SheetDetail, score: SheetScore, chapterName: string): FormReport | null {
	const view = formView(db, detail);
	if (!view) return null;
	const identityOf = (key: string) => view.sections.find((s) => s.section.key === key);
	const work = view.sections.filter((s) => s.section.placement === 'identity');
	const body = view.sections.filter((s) => !s.section.placement);
	const annexes = view.sections.filter((s) => s.section.placement === 'annex');
	return {
		form: view.form,
		title: view.title.text,
		yearLine: `Năm ${detail.period.year}`,
		subtitle: view.subtitle.text,
		identity: detail.collective
			? // A collective's report names the collective and the unit it belongs to, no person.
				[
					{ label: 'Tập thể', value: detail.person.fullName },
					{ label: 'Trực thuộc', value: detail.chapter.parentName ?? BLANK }
				]
			: [
					{ label: 'Họ và tên', value: detail.person.fullName },
					{ label: 'Ngày sinh', value: formatDate(detail.person.dateOfBirth) },
					...work.map((s) => ({ label: s.section.heading, value: identityOf(s.section.key)?.text.trim() || BLANK })),
					{ label: 'Chi bộ', value: chapterName }
				],
		blocks: body.map((s) => block(s, detail, score, view.questions)),
		signature: view.signature.text,
		annexes: annexes.map((s) => block(s, detail, score, view.questions)),
		annexTitle: SIGNS_ANNEX_TITLE,
		annexSubtitle: signsAnnexSubtitle(view.form)
	};
}
