// The demo province's breakthrough tasks and example-setting ratings, so each step can be tried from the
// README's accounts: `capuy` (the provincial committee) orders, reads the counts and evaluates; `lanhdao` (a
// leader of the Sở Giáo dục) reports progress, rates their example-setting and prints last year's review with
// its evaluated task and both ratings; `bithu01` rates the example-setting of the chapter's handed-in leaders.
import { and, desc, eq, isNotNull, isNull, like } from 'drizzle-orm';
import type { Db } from '../db/client';
import { createMember } from '../db/queries/members';
import { createSheet, writeSheetChanges } from '../db/queries/sheets';
import { insertReport, insertTask, writeResult } from '../db/queries/tasks';
import { recordAudit } from '../db/queries/audit';
import { writeReviewerRating, writeSelfRating } from '../db/queries/example-setting';
import { rebuildUnitStats } from '../db/queries/stats';
import { member, membership, period, sheet, unit, user } from '../db/schema';
import { templateContent } from '../db/queries/template-content';
import { scoreSheet } from '../../domain/scoring';
import { levelsOf, type AnswerEntry } from '../../domain/sheet';
import { signsForGroup } from '../../domain/template';
import type { TaskResult } from '../../domain/tasks';

/** The demo leader's login id (README). */
export const DEMO_LEADER = 'lanhdao';

const LEADER_TEXTS = {
	strengths: 'Gương mẫu, chủ động đề xuất cách làm mới; hoàn thành tốt nhiệm vụ được giao.',
	shortcomings: 'Có việc triển khai còn chậm so với kế hoạch; nguyên nhân là chưa phân công rõ người theo dõi.',
	commitment: 'Tiếp tục tu dưỡng, rèn luyện, nêu gương; thực hiện đúng tiến độ các nhiệm vụ đột phá được giao.'
};

interface DemoTask {
	leaderId: number;
	chapterId: number;
	year: number;
	title: string;
	expectedResult: string;
	deadline: string;
	decisionNo: string;
	reports: string[];
	result?: { value: TaskResult; comment: string };
}

/**
 * Adds the demo leader (with last year's approved sheet) and a handful of tasks ordered by the province's
 * committee: last year's, one evaluated and one waiting for `capuy` to evaluate; this year's, in progress.
 */
export function seedDemoTasks(db: Db, rootId: number, passwordHash: string, today: string): void {
	const year = Number(today.slice(0, 4));
	const committee = db.select({ id: user.id }).from(user).where(eq(user.username, 'capuy')).get();
	const office = db.select().from(unit).where(eq(unit.name, 'Chi bộ Văn phòng Sở')).get();
	if (!committee || !office) return;
	const leaderId = createMember(db, {
		username: DEMO_LEADER,
		fullName: 'Hoàng Minh Đức',
		passwordHash,
		mustChangePassword: false,
		dateOfBirth: '1975-08-19',
		position: 'Phó Giám đốc Sở',
		targetGroup: 'A',
		chapterId: office.id,
		joinedOn: '2001-05-19'
	});
	lastYearSheet(db, leaderId, office.id, year - 1);
	seedExampleSelfRatings(db, office.id, year);

	// A leader of the other đảng bộ trực thuộc, so the committee's counts differ by unit.
	const ward = db.select({ path: unit.path }).from(unit).where(eq(unit.name, 'Đảng bộ phường Hòa Bình')).get();
	const other = db
		.select({ id: member.userId, chapterId: membership.unitId })
		.from(member)
		.innerJoin(membership, and(eq(membership.memberId, member.userId), isNull(membership.endedOn)))
		.innerJoin(unit, eq(unit.id, membership.unitId))
		.innerJoin(user, eq(user.id, member.userId))
		.where(and(eq(member.targetGroup, 'A'), like(unit.path, `${ward?.path ?? '-'}%`), like(user.username, 'dangvien%')))
		.orderBy(member.userId)
		.get();

	const tasks: DemoTask[] = [
		{
			leaderId,
			chapterId: office.id,
			year: year - 1,
			title: 'Số hóa toàn bộ hồ sơ thủ tục hành chính của Sở',
			expectedResult: '100% thủ tục hành chính của Sở được tiếp nhận và trả kết quả trực tuyến.',
			deadline: `${year - 1}-11-30`,
			decisionNo: '118-QĐ/TU',
			reports: ['Đã số hóa 60% hồ sơ; đang tập huấn cán bộ một cửa.', 'Hoàn thành số hóa; vận hành từ tháng 10.'],
			result: { value: 'completed', comment: 'Hoàn thành đúng hạn, được người dân đánh giá cao.' }
		},
		{
			leaderId,
			chapterId: office.id,
			year: year - 1,
			title: 'Rút ngắn một nửa thời gian cấp phép thành lập trường ngoài công lập',
			expectedResult: 'Thời gian giải quyết hồ sơ không quá 10 ngày làm việc.',
			deadline: `${year - 1}-12-15`,
			decisionNo: '118-QĐ/TU',
			reports: ['Đã sửa quy trình; thời gian bình quân còn 14 ngày làm việc.']
		},
		{
			leaderId,
			chapterId: office.id,
			year,
			title: 'Triển khai học bạ số ở tất cả trường trung học phổ thông',
			expectedResult: 'Mọi trường trung học phổ thông dùng học bạ số từ năm học mới.',
			deadline: `${year}-12-20`,
			decisionNo: '07-QĐ/TU',
			reports: ['Đã thí điểm ở 12 trường; lập kế hoạch mở rộng.']
		},
		...(other
			? [
					{
						leaderId: other.id,
						chapterId: other.chapterId,
						year,
						title: 'Giảm tỷ lệ thất thoát nước sạch xuống dưới 15%',
						expectedResult: 'Tỷ lệ thất thoát nước sạch toàn công ty dưới 15% cuối năm.',
						deadline: `${year}-12-31`,
						decisionNo: '07-QĐ/TU',
						reports: []
					}
				]
			: [])
	];
	for (const t of tasks) {
		const { reports, result, ...row } = t;
		const id = insertTask(db, { ...row, unitId: rootId, assignedBy: committee.id });
		recordAudit(db, { actorId: committee.id, action: 'task.assign', unitId: rootId, target: { type: 'task', id } });
		for (const text of reports) insertReport(db, { taskId: id, authorId: t.leaderId, text });
		if (result) {
			writeResult(db, id, { result: result.value, comment: result.comment, evaluatedBy: committee.id, at: new Date() });
			recordAudit(db, {
				actorId: committee.id,
				action: 'task.evaluate',
				unitId: rootId,
				target: { type: 'task', id },
				reason: result.comment,
				detail: { from: null, to: result.value }
			});
		}
	}
}

/** Last year's sheet of the leader, handed in with no sign flagged and approved, so its print shows the tasks. */
function lastYearSheet(db: Db, leaderId: number, chapterId: number, year: number): void {
	const last = db
		.select()
		.from(period)
		.where(and(eq(period.year, year), isNotNull(period.closedAt)))
		.orderBy(desc(period.id))
		.get();
	const content = last && templateContent(db, last.templateVersionId);
	if (!last || !content) return;
	const made = createSheet(db, {
		periodId: last.id,
		year,
		memberId: leaderId,
		chapterId,
		targetGroup: 'A',
		templateVersionId: last.templateVersionId
	});
	const answers: Record<string, AnswerEntry> = {};
	for (const s of signsForGroup(content, 'A'))
		answers[s.code] = { level: 0, note: '', action: '', actionDeadline: null };
	writeSheetChanges(db, made.id, { answers, texts: LEADER_TEXTS });
	const score = scoreSheet(content, 'A', levelsOf(answers));
	const at = new Date(`${year}-12-05T08:00:00Z`);
	db.update(sheet)
		.set({
			status: 'approved',
			score: score.score,
			rating: score.rating,
			answeredCount: score.answered,
			finalRating: score.rating,
			assessment: 'Chi ủy thống nhất với kết quả tự đánh giá.',
			revision: 1,
			submittedAt: at,
			updatedAt: at
		})
		.where(eq(sheet.id, made.id))
		.run();
	rebuildUnitStats(db, last.id);
	writeSelfRating(db, made.id, {
		rating: 'tot',
		note: 'Bản thân và gia đình chấp hành tốt quy định; không để người thân lợi dụng vị trí công tác.'
	});
	const secretary = db.select({ id: user.id }).from(user).where(eq(user.username, 'bithu01')).get();
	if (secretary)
		writeReviewerRating(db, made.id, {
			rating: 'kha',
			reason: 'Còn nể nang khi góp ý cấp dưới.',
			reviewerId: secretary.id
		});
}

/** This year's handed-in group A sheets of the leader's chapter get a self-rating, so `bithu01` has some to rate. */
function seedExampleSelfRatings(db: Db, chapterId: number, year: number): void {
	const handedIn = db
		.select({ id: sheet.id })
		.from(sheet)
		.innerJoin(period, eq(period.id, sheet.periodId))
		.where(
			and(
				eq(sheet.chapterId, chapterId),
				eq(sheet.targetGroup, 'A'),
				eq(sheet.status, 'submitted'),
				eq(period.year, year)
			)
		)
		.orderBy(sheet.id)
		.all();
	for (const [i, s] of handedIn.entries())
		writeSelfRating(db, s.id, { rating: i % 2 === 0 ? 'tot' : 'kha', note: 'Gương mẫu trong công tác và sinh hoạt.' });
}
