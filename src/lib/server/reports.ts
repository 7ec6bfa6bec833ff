import { and, eq } from 'drizzle-orm';
import type { Db } from './db/client';
import type { SheetDetail } from './db/queries/sheets';
import type { PeriodRow } from './db/queries/periods';
import type { UnitRow } from './db/queries/units';
import { ancestorsOf, findUnit } from './db/queries/units';
import { roleGrant, user } from './db/schema';
import { signCatalog } from './db/queries/signs';
import { chapterOverview } from './overview';
import { leaderTaskLines } from './tasks/view';
import { exampleSettingOf } from './example-setting/view';
import { displayedScore, levelCountsLine, scoreSheet, formatScore } from '../domain/scoring';
import { formReport } from './report-form';
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
	targetGroupName
} from '../domain/sheet';
import { completionPercent, handedIn, notStarted } from '../domain/overview';
import { handedInRating, ratingTallies } from '../domain/chapter-list';
import { findChapterReport } from './db/queries/chapter-report';
import { chapterRows } from './db/queries/overview';
import { loadSheetDetail } from './db/queries/sheets';
import { formatDate, todayIso } from '../domain/dates';
import {
	chapterSignature,
	localityOf,
	placeOf,
	reportNumberLine,
	reportRecipients,
	upper,
	vietnameseDateWords,
	type ChapterBundle,
	type ChapterSummaryReport,
	type PersonalReport,
	type ReportHeader
} from '../domain/report';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
const ratingLabel = (rating: Rating | null) => (rating ? RATING_LABELS[rating] : '');

/** The top of a chapter's document; `local` dates it from the chapter's commune or ward (an issued report, the
 * Bản kiểm điểm, HD 36), else the province (sheets of the first edition keep it). */
function header(db: Db, chapter: UnitRow, dateIso: string | null, local = false): ReportHeader {
	const chain = ancestorsOf(db, chapter);
	const parent = chapter.parentId === null ? undefined : findUnit(db, chapter.parentId);
	const where = local ? localityOf([...chain.map((u) => u.name), chapter.name]) : placeOf(chain[0]?.name ?? '');
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
		header: header(db, chapter, dated, form !== null),
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
		signature: chapterSignature(chapter.memberCount),
		leaderTasks: leaderTaskLines(db, detail.sheet.memberId, detail.period.year),
		exampleSetting: exampleSettingOf(db, detail.sheet),
		form
	};
}

/** A chapter's summary for a period as an issued report: number, figures, both ratings side by side, most flagged signs, the chapter's plan, every member, Nơi nhận and the signature that fits the chapter. */
export function chapterSummary(db: Db, chapter: UnitRow, period: PeriodRow): ChapterSummaryReport {
	const { rows, counts, topSigns } = chapterOverview(db, chapter, period);
	const { self, final } = ratingTallies(rows);
	const rated = { self: RATINGS.reduce((n, r) => n + self[r], 0), final: RATINGS.reduce((n, r) => n + final[r], 0) };
	const percent = (n: number, of: number) => `${of === 0 ? 0 : Math.round((100 * n) / of)}%`;
	const written = findChapterReport(db, period.id, chapter.id);
	const parent = chapter.parentId === null ? undefined : findUnit(db, chapter.parentId);
	return {
		header: { ...header(db, chapter, todayIso(), true), numberLine: reportNumberLine(written.number) },
		title: 'BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA',
		subtitle: period.name,
		figures: [
			{ label: 'Tổng số đảng viên', value: String(counts.members) },
			{ label: 'Đã nộp phiếu', value: `${handedIn(counts)} (${completionPercent(counts)}%)` },
			{ label: 'Chi ủy đã duyệt', value: String(counts.approved) },
			{ label: 'Đang làm hoặc được trả lại', value: String(counts.draft + counts.returned) },
			{ label: 'Chưa làm', value: String(notStarted(counts)) }
		],
		ratings: RATINGS.map((r) => ({
			label: RATING_LABELS[r],
			self: self[r],
			selfPercent: percent(self[r], rated.self),
			final: final[r],
			finalPercent: percent(final[r], rated.final)
		})),
		rated,
		topSigns: topSigns.slice(0, 5).map((s) => ({ code: s.code, text: s.text, count: s.flagged })),
		plan: written.plan,
		members: rows.map((r) => ({
			name: r.fullName,
			group: r.targetGroup,
			status: SHEET_STATUS_LABELS[r.status],
			score: r.score === null || handedInRating(r) === null ? '' : formatScore(r.score),
			rating: ratingLabel(handedInRating(r)),
			finalRating: ratingLabel(r.status === 'approved' ? r.finalRating : null)
		})),
		recipients: reportRecipients(parent?.name ?? null),
		signature: chapterSignature(chapter.memberCount),
		secretaryName: secretaryOf(db, chapter.id)
	};
}

/** A chapter's sheets for a period as one file: the handed-in and approved ones in the list's order, after a cover naming who is in it and who is not. */
export function chapterBundle(db: Db, chapter: UnitRow, period: PeriodRow): ChapterBundle {
	const rows = chapterRows(db, chapter.id, period.id);
	const inBundle = rows.filter((r) => r.sheetId !== null && handedInRating(r) !== null);
	const status = (r: (typeof rows)[number]) => SHEET_STATUS_LABELS[r.status];
	return {
		cover: {
			header: header(db, chapter, todayIso(), true),
			title: 'TẬP PHIẾU TỰ SOI, TỰ SỬA',
			subtitle: period.name,
			included: inBundle.map((r) => ({ name: r.fullName, status: status(r) })),
			missing: rows.filter((r) => !inBundle.includes(r)).map((r) => ({ name: r.fullName, status: status(r) }))
		},
		reports: inBundle.map((r) => personalReport(db, loadSheetDetail(db, r.sheetId!)!))
	};
}
