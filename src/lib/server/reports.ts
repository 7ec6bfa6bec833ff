import { and, eq } from 'drizzle-orm';
import type { Db } from './db/client';
import type { SheetDetail } from './db/queries/sheets';
import type { PeriodRow } from './db/queries/periods';
import type { UnitRow } from './db/queries/units';
import { ancestorsOf, findUnit } from './db/queries/units';
import { roleGrant, user } from './db/schema';
import { signCatalog } from './db/queries/signs';
import { chapterOverview } from './overview';
import { displayedScore, levelCountsLine, scoreSheet, formatScore } from '../domain/scoring';
import { formReport } from './report-form';
import { localityOf } from '../domain/report-form';
import {
	CATEGORY_KEYS,
	CATEGORY_LABELS,
	answerLabel,
	RATING_LABELS,
	RATINGS,
	signsForGroup,
	TARGET_GROUP_FORMS,
	type Rating
} from '../domain/template';
import {
	isFlagged,
	levelsOf,
	PROGRESS_LABELS,
	SHEET_STATUS_LABELS,
	SHEET_TEXT_FIELDS,
	SHEET_TEXT_LABELS,
	shownSelfRating,
	targetGroupName
} from '../domain/sheet';
import { completionPercent, handedIn, notStarted, ratingCounts } from '../domain/overview';
import { formatDate, todayIso } from '../domain/dates';
import {
	placeOf,
	upper,
	vietnameseDateWords,
	type ChapterSummaryReport,
	type PersonalReport,
	type ReportHeader
} from '../domain/report';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
const ratingLabel = (rating: Rating | null) => (rating ? RATING_LABELS[rating] : '');

function header(
	db: Db,
	chapter: UnitRow,
	dateIso: string | null,
	place: 'province' | 'locality' = 'province'
): ReportHeader {
	const chain = ancestorsOf(db, chapter);
	const parent = chapter.parentId === null ? undefined : findUnit(db, chapter.parentId);
	// The Bản kiểm điểm is dated from the chapter's own locality (HD 36); older sheets keep the province.
	const nearestFirst = [chapter.name, ...chain.map((u) => u.name).reverse()];
	const where = place === 'locality' ? localityOf(nearestFirst) : placeOf(chain[0]?.name ?? '');
	return {
		parentLine: parent ? upper(parent.name) : '',
		chapterLine: upper(chapter.name),
		placeDate: `${where}, ${vietnameseDateWords(dateIso)}`
	};
}

/** The name of the chapter's secretary, for the signature block. */
function secretaryOf(db: Db, chapterId: number): string | null {
	return (
		db
			.select({ name: user.fullName })
			.from(roleGrant)
			.innerJoin(user, eq(user.id, roleGrant.userId))
			.where(and(eq(roleGrant.role, 'secretary'), eq(roleGrant.unitId, chapterId)))
			.get()?.name ?? null
	);
}

/** A sheet as its printed report shows it. */
export function personalReport(db: Db, detail: SheetDetail): PersonalReport {
	const chapter = findUnit(db, detail.sheet.chapterId)!;
	const group = detail.sheet.targetGroup;
	const signs = signsForGroup(detail.content, group);
	const catalog = signCatalog(db);
	const score = scoreSheet(detail.content, group, levelsOf(detail.answers));
	const dated = detail.sheet.submittedAt ? todayIso(detail.sheet.submittedAt) : null;
	const answer = (code: string) => detail.answers[code];
	const form = formReport(db, detail, score, chapter.name);
	return {
		header: header(db, chapter, dated, form ? 'locality' : 'province'),
		title: 'PHIẾU TỰ SOI, TỰ SỬA',
		subtitle: `Năm ${detail.period.year} — ${TARGET_GROUP_FORMS[group]}`,
		identity: [
			{ label: 'Họ và tên', value: detail.person.fullName },
			{ label: 'Ngày sinh', value: formatDate(detail.person.dateOfBirth) },
			{ label: 'Chức vụ', value: detail.person.position || '—' },
			{ label: 'Chi bộ', value: chapter.name },
			{ label: 'Nhóm đối tượng', value: targetGroupName(group) }
		],
		categories: CATEGORY_KEYS.map((key, i) => ({
			title: `${ROMAN[i]}. ${CATEGORY_LABELS[key]}`,
			signs: catalog
				.filter((p) => p.category === key)
				.flatMap((p) => signs.filter((s) => s.parent === p.id))
				.map((s) => {
					const a = answer(s.code);
					return {
						code: s.code,
						text: s.text,
						level: a && a.level !== null ? answerLabel(a.level) : 'Chưa trả lời',
						flagged: isFlagged(a?.level),
						note: a?.note ?? ''
					};
				})
		})),
		score: {
			value: displayedScore(detail.content, score.score, score.rating),
			rating: RATING_LABELS[score.rating],
			provisional: score.provisional,
			reasons: score.reasons,
			levels: levelCountsLine(score.levelCounts)
		},
		plan: signs
			.filter((s) => isFlagged(answer(s.code)?.level))
			.map((s) => ({
				code: s.code,
				text: s.text,
				action: answer(s.code)!.action,
				deadline: formatDate(answer(s.code)!.actionDeadline)
			})),
		progress: detail.progress.map((p) => ({
			code: p.code,
			text: p.signText,
			action: p.action,
			status: p.status ? PROGRESS_LABELS[p.status] : 'Chưa báo cáo',
			note: p.note
		})),
		texts: SHEET_TEXT_FIELDS.map((f) => ({ label: SHEET_TEXT_LABELS[f], text: detail.sheet[f] })),
		review: {
			assessment: detail.sheet.assessment,
			finalRating: detail.sheet.finalRating ? RATING_LABELS[detail.sheet.finalRating] : null,
			reason: detail.sheet.finalRatingReason
		},
		memberName: detail.person.fullName,
		secretaryName: secretaryOf(db, chapter.id),
		form
	};
}

/** A chapter's summary for a period: figures, ratings, most flagged signs and every member. */
export function chapterSummary(db: Db, chapter: UnitRow, period: PeriodRow): ChapterSummaryReport {
	const { rows, counts, topSigns } = chapterOverview(db, chapter, period);
	const ratings = ratingCounts(counts);
	const rated = RATINGS.reduce((sum, r) => sum + ratings[r], 0);
	const percent = (n: number, of: number) => `${of === 0 ? 0 : Math.round((100 * n) / of)}%`;
	return {
		header: header(db, chapter, todayIso()),
		title: 'BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA',
		subtitle: period.name,
		figures: [
			{ label: 'Tổng số đảng viên', value: String(counts.members) },
			{ label: 'Đã nộp phiếu', value: `${handedIn(counts)} (${completionPercent(counts)}%)` },
			{ label: 'Chi ủy đã duyệt', value: String(counts.approved) },
			{ label: 'Đang làm hoặc được trả lại', value: String(counts.draft + counts.returned) },
			{ label: 'Chưa làm', value: String(notStarted(counts)) }
		],
		ratings: RATINGS.map((r) => ({ label: RATING_LABELS[r], count: ratings[r], percent: percent(ratings[r], rated) })),
		topSigns: topSigns.map((s) => ({ code: s.code, text: s.text, count: s.flagged })),
		members: rows.map((r) => ({
			name: r.fullName,
			group: r.targetGroup,
			status: SHEET_STATUS_LABELS[r.status],
			score: r.score === null || r.status === 'not_started' ? '' : formatScore(r.score),
			rating: ratingLabel(shownSelfRating(r.status, r.rating)),
			finalRating: ratingLabel(r.finalRating)
		})),
		secretaryName: secretaryOf(db, chapter.id)
	};
}
