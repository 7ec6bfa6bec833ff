// What the sheet's components share, gathered so each imports from one place.
export { PROGRESS_LABELS, PROGRESS_STATUSES, progressAnchor, signAnchor, TEXT_LIMITS } from '$lib/domain/sheet';
export type { AnswerEntry, ProgressEntry, ProgressLine } from '$lib/domain/sheet';
export type { Questionnaire } from '$lib/server/sheets/view';
