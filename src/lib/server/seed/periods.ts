import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { actionProgress, member, membership, reviewNote, roleGrant, sheet, unit, user } from '../db/schema';
import { createPeriod } from '../db/queries/periods';
import { auditSheet, createSheet, writeSheetChanges } from '../db/queries/sheets';
import { ensureDefaultTemplate } from '../admin/templates';
import { rebuildUnitStats } from '../db/queries/stats';
import { recordSubmission } from '../db/queries/submissions';
import { scoreSheet } from '../../domain/scoring';
import { levelsOf, type AnswerEntry } from '../../domain/sheet';
import { signsForGroup, type Level, type TemplateContent, type TargetGroup } from '../../domain/template';
import { addDays } from '../../domain/dates';

const ACTIONS = [
	'Dành thời gian mỗi tuần đọc kỹ văn kiện, ghi chép và trao đổi trong sinh hoạt chi bộ.',
	'Nhờ đồng chí trong chi ủy nhắc nhở; báo cáo kết quả sửa chữa tại sinh hoạt chi bộ hằng quý.',
	'Lập kế hoạch cá nhân theo tháng và tự kiểm tra việc thực hiện.',
	'Chủ động nhận nhiệm vụ khó, báo cáo tiến độ đúng hạn với người phụ trách.'
];

/**
 * Demo periods: last year's, closed, where most members handed in a sheet that the chi ủy approved
 * (so "last year's plan" has something in it), and this year's, open for the whole province.
 */
export function seedDemoPeriods(db: Db, rootId: number, today: string, random: () => number): void {
	const version = ensureDefaultTemplate(db);
	const year = Number(today.slice(0, 4));
	const last = createPeriod(db, {
		name: `Năm ${year - 1}`,
		year: year - 1,
		unitId: rootId,
		templateVersionId: version.id,
		opensOn: `${year - 1}-11-01`,
		deadline: `${year - 1}-12-15`,
		closedAt: new Date(`${year - 1}-12-31T10:00:00Z`)
	});
	const current = createPeriod(db, {
		name: `Năm ${year}`,
		year,
		unitId: rootId,
		templateVersionId: version.id,
		opensOn: addDays(today, -21),
		deadline: addDays(today, 30)
	});

	const members = db
		.select({ id: member.userId, username: user.username, group: member.targetGroup, chapterId: membership.unitId })
		.from(member)
		.innerJoin(membership, and(eq(membership.memberId, member.userId), isNull(membership.endedOn)))
		.innerJoin(user, eq(user.id, member.userId))
		.orderBy(member.userId)
		.all();
	for (const m of members) {
		if (random() < 0.1) continue; // some joined this year or did not hand in
		fillDemoSheet(db, {
			member: m,
			period: last,
			content: version.content,
			random,
			complete: true,
			approved: true,
			at: new Date(`${year - 1}-12-0${1 + Math.floor(random() * 9)}T08:00:00Z`)
		});
	}
	// A unit that stands out on the committee's page: two thirds of its members handed in, every one "Tốt".
	const standsOut = db.select({ id: unit.id }).from(unit).where(eq(unit.name, STANDS_OUT)).get()?.id;
	// This year: a third of the members have handed in, so a secretary has sheets to review; a few are
	// half done. The secretaries and the README's member account start with an empty sheet.
	members.forEach((m, i) => {
		if (m.username.startsWith('bithu') || m.username === 'dangvien001' || m.username === RESUBMITTED) return;
		const model = m.chapterId === standsOut;
		if (i % 3 === 0 || (model && i % 3 === 1))
			fillDemoSheet(db, {
				member: m,
				period: current,
				content: version.content,
				random,
				complete: true,
				clean: model,
				at: new Date()
			});
		else if (i % 7 === 1)
			fillDemoSheet(db, {
				member: m,
				period: current,
				content: version.content,
				random,
				complete: false,
				at: new Date()
			});
	});
	const resubmitted = members.find((m) => m.username === RESUBMITTED);
	if (resubmitted) returnedAndResubmitted(db, resubmitted, current, version.content, random);
	// The sheets above were written in bulk, around the per-transition bookkeeping.
	rebuildUnitStats(db, last.id);
	rebuildUnitStats(db, current.id);
}

interface DemoSheet {
	member: { id: number; group: TargetGroup; chapterId: number };
	period: { id: number; year: number; templateVersionId: number };
	content: TemplateContent;
	random: () => number;
	/** Every sign answered and handed in; otherwise about half answered, still a draft. */
	complete: boolean;
	/** No sign flagged at all, apart from `extra`. */
	clean?: boolean;
	/** Answers written over the drawn ones. */
	extra?: Record<string, AnswerEntry>;
	approved?: boolean;
	at: Date;
}

/** A plausible sheet: mostly "không có", a few mild signs with an action and a deadline; returns its id. */
function fillDemoSheet(db: Db, d: DemoSheet): number {
	const { member: m, period: p, random } = d;
	const made = createSheet(db, {
		periodId: p.id,
		year: p.year,
		memberId: m.id,
		chapterId: m.chapterId,
		targetGroup: m.group,
		templateVersionId: p.templateVersionId
	});
	const answers: Record<string, AnswerEntry> = {};
	for (const sign of signsForGroup(d.content, m.group)) {
		if (!d.complete && random() < 0.5) continue;
		const r = random();
		const level: Level = sign.critical || d.clean ? 0 : r < 0.95 ? 0 : r < 0.995 ? 1 : 2;
		answers[sign.code] = {
			level,
			note: '',
			action: level > 0 ? ACTIONS[Math.floor(random() * ACTIONS.length)] : '',
			actionDeadline: level > 0 ? `${p.year + 1}-0${1 + Math.floor(random() * 9)}-28` : null
		};
	}
	Object.assign(answers, d.extra ?? {});
	const lines = db
		.select({ code: actionProgress.code })
		.from(actionProgress)
		.where(eq(actionProgress.sheetId, made.id))
		.all();
	const progress = d.complete
		? Object.fromEntries(
				lines.map((l) => [l.code, { status: random() < 0.7 ? ('done' as const) : ('in_progress' as const) }])
			)
		: {};
	writeSheetChanges(db, made.id, { answers, texts: d.complete ? DEMO_TEXTS : {}, progress });
	const score = scoreSheet(d.content, m.group, levelsOf(answers));
	const status = !d.complete ? 'draft' : d.approved ? 'approved' : 'submitted';
	db.update(sheet)
		.set({
			status,
			score: score.score,
			rating: score.rating,
			answeredCount: score.answered,
			revision: 1,
			updatedAt: d.at,
			...(d.complete ? { submittedAt: d.at } : {}),
			...(d.approved ? { finalRating: score.rating, assessment: 'Chi ủy thống nhất với kết quả tự đánh giá.' } : {})
		})
		.where(eq(sheet.id, made.id))
		.run();
	if (d.complete) {
		auditSheet(db, { actorId: m.id, sheetId: made.id, chapterId: m.chapterId, action: 'sheet.submit' });
		recordSubmission(db, made.id, d.at);
	}
	return made.id;
}

/** The chapter whose sheets this year are all "Tốt": the committee's "units that stand out" shows it. */
const STANDS_OUT = 'Chi bộ Khu dân cư số 3';
/** A member of bithu01's chapter whose sheet was returned and handed in again with two answers changed. */
const RESUBMITTED = 'dangvien004';

/**
 * A sheet handed in, returned by the secretary with a note on one sign, and handed in again with that sign's
 * action rewritten and one more sign owned up to: the review page shows exactly these two changes.
 */
function returnedAndResubmitted(
	db: Db,
	m: { id: number; group: TargetGroup; chapterId: number },
	p: { id: number; year: number; templateVersionId: number },
	content: TemplateContent,
	random: () => number
): void {
	const [a, b] = signsForGroup(content, m.group).filter((s) => !s.critical);
	const deadline = `${p.year + 1}-03-31`;
	const first = new Date(Date.now() - 5 * 86_400_000);
	const again = new Date(Date.now() - 2 * 86_400_000);
	const id = fillDemoSheet(db, {
		member: m,
		period: p,
		content,
		random,
		complete: true,
		clean: true,
		extra: { [a.code]: { level: 1, note: '', action: 'Sẽ cố gắng khắc phục.', actionDeadline: deadline } },
		at: first
	});
	const secretary = db
		.select({ id: roleGrant.userId })
		.from(roleGrant)
		.where(and(eq(roleGrant.role, 'secretary'), eq(roleGrant.unitId, m.chapterId)))
		.get();
	if (!secretary) return;
	auditSheet(db, {
		actorId: secretary.id,
		sheetId: id,
		chapterId: m.chapterId,
		action: 'sheet.return',
		detail: { notes: 1 }
	});
	db.insert(reviewNote)
		.values({
			sheetId: id,
			code: a.code,
			text: 'Biện pháp còn chung chung: đề nghị nêu rõ việc làm cụ thể và thời điểm báo cáo chi bộ.',
			authorId: secretary.id,
			createdAt: new Date(first.getTime() + 86_400_000),
			resolvedAt: again
		})
		.run();
	const changes = {
		[a.code]: {
			action: 'Mỗi tháng đọc và ghi chép một văn kiện của Đảng; báo cáo kết quả tại sinh hoạt chi bộ cuối quý.'
		},
		[b.code]: {
			level: 1 as Level,
			action: 'Chủ động trao đổi với đồng chí phụ trách; tự kiểm tra việc thực hiện hằng tháng.',
			actionDeadline: deadline
		}
	};
	writeSheetChanges(db, id, { answers: changes });
	const answers = Object.fromEntries(
		signsForGroup(content, m.group).map((s) => [s.code, (s.code === a.code || s.code === b.code ? 1 : 0) as Level])
	);
	const score = scoreSheet(content, m.group, answers);
	db.update(sheet)
		.set({ score: score.score, rating: score.rating, revision: 3, submittedAt: again, updatedAt: again })
		.where(eq(sheet.id, id))
		.run();
	auditSheet(db, { actorId: m.id, sheetId: id, chapterId: m.chapterId, action: 'sheet.submit' });
	recordSubmission(db, id, again);
}

const DEMO_TEXTS = {
	strengths: 'Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước; hoàn thành nhiệm vụ được giao.',
	shortcomings: 'Có lúc chưa chủ động nghiên cứu tài liệu; nguyên nhân chủ yếu là chưa sắp xếp thời gian hợp lý.',
	commitment: 'Tiếp tục tu dưỡng, rèn luyện, giữ gìn phẩm chất đạo đức, lối sống; sửa chữa những hạn chế đã nêu.'
};
