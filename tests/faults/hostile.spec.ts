// Hostile input at every form action and endpoint of the built server: wrong types, 1 MB fields, unknown
// ids, other people's ids, HTML and script in text, broken multipart bodies, repeated fields, bodies of
// the wrong kind, a missing or foreign Origin. Each is refused with a 4xx and a message in Vietnamese,
// never a 5xx, and leaves the database as it was. Text that is rightly accepted is shown escaped: in the
// page, the CSV and XLSX exports and the PDFs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { signsForGroup, RATINGS, type TargetGroup, type TemplateContent } from '../../src/lib/domain/template';
import {
	changedTables,
	DEMO_PASSWORD,
	openCurrentSheet,
	readDb,
	request,
	ROOT,
	signIn,
	snapshotDb,
	startServer,
	tempDir,
	VIETNAMESE,
	type Answer,
	type RunningServer
} from '../helpers/server';

type Who = 'anon' | 'member' | 'secretary' | 'committee' | 'admin' | 'leader';

/** Every form action and endpoint of the app and who may use it; a test below checks this list against src/routes. */
const ROUTES = [
	['POST', '/login', 'default', 'anyone'],
	['POST', '/logout', 'default', 'a signed-in user'],
	['POST', '/account/password', 'default', 'a signed-in user'],
	['POST', '/sheets', 'start', 'a party member'],
	['POST', '/sheets/[id]', 'save', 'the member, own sheet'],
	['POST', '/sheets/[id]', 'submit', 'the member, own sheet'],
	['POST', '/api/sheets/[id]', '', 'the member, own sheet (autosave)'],
	['GET', '/api/sheets/[id]', '', 'the member, own sheet (its revision, for a page kept on the device)'],
	[
		'GET',
		'/sheets/questionnaire/[version]/[group].json',
		'',
		'a signed-in user (the same for every member of a group)'
	],
	['GET', '/sheets/[id]/report.pdf', '', 'the member, own sheet'],
	['POST', '/chapters/[id]/sheets/[sheetId]', 'return', "the chapter's secretary"],
	['POST', '/chapters/[id]/sheets/[sheetId]', 'approve', "the chapter's secretary"],
	['POST', '/chapters/[id]/sheets/[sheetId]', 'reopen', "the chapter's secretary"],
	['POST', '/chapters/[id]', 'report', "the chapter's secretary"],
	['POST', '/chapters/[id]/sheets/[sheetId]/questions', 'default', 'the chi ủy or a committee above'],
	['GET', '/chapters/[id]/sheets/[sheetId]/report.pdf', '', 'secretary or committee above'],
	['GET', '/chapters/[id]/bundle.pdf', '', 'secretary or committee above'],
	['GET', '/chapters/[id]/summary.pdf', '', 'secretary or committee above'],
	['GET', '/chapters/[id]/export.[format]', '', 'secretary or committee above'],
	['GET', '/units/[id]/export.[format]', '', 'committee over the unit'],
	['POST', '/admin/import', 'preview', 'administrator'],
	['POST', '/admin/import', 'commit', 'administrator'],
	['POST', '/admin/import', 'dismiss', 'administrator, own import'],
	['POST', '/admin/members/[id]', 'update', 'administrator'],
	['POST', '/admin/members/[id]', 'move', 'administrator'],
	['POST', '/admin/members/[id]', 'deactivate', 'administrator'],
	['POST', '/admin/members/new', 'default', 'administrator'],
	['POST', '/admin/periods', 'create', 'administrator'],
	['POST', '/admin/periods/[id]', 'extend', 'administrator'],
	['POST', '/admin/periods/[id]', 'close', 'administrator'],
	['POST', '/admin/periods/[id]', 'reopen', 'administrator, with a reason'],
	['POST', '/admin/signs', 'save', 'administrator'],
	['POST', '/admin/templates', 'import', 'administrator'],
	['POST', '/admin/templates/[id]', 'newVersion', 'administrator'],
	['GET', '/admin/templates/[id]/export', '', 'administrator'],
	['POST', '/admin/units/[id]', 'rename', 'administrator'],
	['POST', '/admin/units/[id]', 'addChild', 'administrator'],
	['POST', '/admin/units/[id]', 'move', 'administrator'],
	['POST', '/admin/units/[id]', 'close', 'administrator'],
	['POST', '/admin/units/[id]', 'grant', 'administrator'],
	['POST', '/admin/units/[id]', 'revoke', 'administrator'],
	['POST', '/admin/users/[id]/reset-password', 'default', 'administrator'],
	['GET', '/health', '', 'anyone (monitoring)'],
	['POST', '/units/[id]/tasks', 'assign', 'committee over the unit'],
	['POST', '/units/[id]/tasks/[taskId]', 'evaluate', 'committee over the ordering unit, after the task year'],
	['POST', '/units/[id]/tasks/[taskId]', 'withdraw', 'committee over the ordering unit, before any report or result'],
	['GET', '/units/[id]/tasks/export.[format]', '', 'a reader of the unit'],
	['POST', '/tasks', 'report', 'the leader, own task not yet evaluated'],
	['POST', '/example-setting', 'rate', 'the member, own group A sheet that can change'],
	['POST', '/units/[id]/example-setting', 'review', "the sheet's decider"],
	['POST', '/units/[id]/collective', 'open', "the chapter's secretary (a committee's members for its own)"],
	['POST', '/units/[id]/collective', 'exampleSelf', "whoever fills the collective's sheet, while it can change"],
	['POST', '/units/[id]/collective', 'exampleReview', 'the committee above the collective, once handed in']
] as const;

/** "METHOD /path action", as routeKey builds it. */
type RouteKey = string;
const routeKey = (method: string, path: string, action: string) => `${method} ${path} ${action}`.trim();

/**
 * Product bugs these tests found and that are not fixed yet, each with how an answer shows it. A request
 * flagged with one is excused only when its answer shows that bug; the bug's own test below is marked as
 * failing, so the marker has to go once the bug is fixed.
 */
const KNOWN_BUGS = {
	multipart: {
		why: 'A broken multipart body makes request.formData() throw inside the action: 500 instead of 400.',
		shows: (a: Answer) => a.status === 500
	},
	mediaType: {
		why: 'A form action posted with a non-form content type answers SvelteKit\'s English "Unsupported Media Type" (415).',
		shows: (a: Answer) => a.status === 415 && a.text.includes('Unsupported Media Type')
	},
	method: {
		why: 'An endpoint called with a method it does not have answers SvelteKit\'s English "… method not allowed" (405).',
		shows: (a: Answer) => a.status === 405 && /method not allowed/i.test(a.text)
	},
	tooLarge: {
		why: 'A body over BODY_SIZE_LIMIT answers adapter-node\'s English "Payload Too Large" (413).',
		shows: (a: Answer) => a.status === 413 && a.text.includes('Payload Too Large')
	},
	englishZod: {
		why: "A field of the wrong type (an array for the answers, a file for a text, an unknown text) gets zod's English message.",
		shows: (a: Answer) => a.status === 400 && /Invalid input|Unrecognized key/.test(a.text)
	},
	dateCrash: {
		why: 'A date of the right shape that does not exist (2026-13-45), or text Date.parse reads ("5"), makes toISOString() throw: 500.',
		shows: (a: Answer) => a.status === 500
	},
	unknownVersion: {
		why: 'A new version posted to an unknown template version id is created (303) instead of a 404.',
		shows: (a: Answer) => a.status === 303
	}
} as const;
type Bug = keyof typeof KNOWN_BUGS;

/** Requests that may show one of the bugs, beyond the form-wide ones formCases flags. */
const KNOWN_CASES: { bug: Bug; route: RegExp; what: RegExp }[] = [
	{ bug: 'englishZod', route: /^POST \/api\/sheets/, what: /^(answers as an array|a text the sheet does not have)$/ },
	{ bug: 'englishZod', route: /^POST /, what: /a file in every text field$/ },
	{ bug: 'dateCrash', route: /./, what: /month 13|Date\.parse reads/ }
];

interface Case {
	route: RouteKey;
	what: string;
	who: Who;
	method: string;
	url: string;
	body?: string | Buffer | FormData;
	type?: string;
	/** The Origin sent: the server's own unless set; null sends none. */
	origin?: string | null;
	accept?: string;
	/** The exact status expected, when one matters (403 for a foreign origin). */
	status?: number;
	bug?: Bug;
}

const EVIL_ORIGIN = 'http://evil.example';
const MB = 'a'.repeat(1_000_000);
const SCRIPT = '<script>alert("tusoi")</script><img src=x onerror=alert(1)>';
const BOUNDARY = '----tusoi-hostile';
const BROKEN_MULTIPART = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nchưa hết`;

const temp = tempDir('tusoi-hostile-');
const dbFile = `${temp.dir}/hostile.db`;
let server: RunningServer;
const cookies = {} as Record<Exclude<Who, 'anon'>, string>;

/** Ids the cases aim at, found in the demo province. */
interface Ids {
	openPeriod: number;
	closedPeriod: number;
	root: number;
	/** bithu01's chapter and bithu02's. */
	chapter: number;
	otherChapter: number;
	/** The parent of `chapter`, a unit that holds units. */
	parentUnit: number;
	adminId: number;
	templateVersion: number;
	/** A member of `chapter` (the "member" user) and their sheet of the open period. */
	member: { id: number; username: string; sheet: number; revision: number; group: TargetGroup; codes: string[] };
	/** A member of the other chapter and their sheet: other people's ids. */
	other: { id: number; username: string; sheet: number; revision: number };
	/** Handed-in sheets of the open period in each chapter. */
	submitted: { id: number; rating: string | null; revision: number };
	/** bithu01's own sheet of the open period: nobody decides their own sheet. */
	ownSheet: number;
	otherSubmitted: number;
}
let ids: Ids;

function findIds(): Omit<Ids, 'member' | 'other' | 'ownSheet'> & {
	memberUser: { id: number; username: string };
	otherUser: { id: number; username: string };
} {
	return readDb(dbFile, (db) => {
		const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
		const openPeriod = one<{ id: number }>('select id from period where closed_at is null order by id desc limit 1').id;
		const chapterOf = (username: string) =>
			one<{ id: number }>(
				"select rg.unit_id as id from role_grant rg join user u on u.id = rg.user_id where u.username = ? and rg.role = 'secretary'",
				username
			).id;
		const chapter = chapterOf('bithu01');
		const otherChapter = chapterOf('bithu02');
		const editableMember = (unitId: number) =>
			one<{ id: number; username: string }>(
				`select u.id, u.username from user u join membership ms on ms.member_id = u.id and ms.ended_on is null
				 where ms.unit_id = ? and u.username like 'dangvien%' and not exists (
				   select 1 from sheet s where s.member_id = u.id and s.period_id = ? and s.status in ('submitted', 'approved'))
				 order by u.id limit 1`,
				unitId,
				openPeriod
			);
		const submittedIn = (unitId: number) =>
			one<{ id: number; rating: string | null; revision: number }>(
				"select id, rating, revision from sheet where chapter_id = ? and period_id = ? and status = 'submitted' order by id limit 1",
				unitId,
				openPeriod
			);
		return {
			openPeriod,
			closedPeriod: one<{ id: number }>('select id from period where closed_at is not null order by id limit 1').id,
			root: one<{ id: number }>('select id from unit where parent_id is null').id,
			chapter,
			otherChapter,
			parentUnit: one<{ id: number }>('select parent_id as id from unit where id = ?', chapter).id,
			adminId: one<{ id: number }>("select id from user where username = 'quantri'").id,
			templateVersion: one<{ id: number }>('select id from template_version order by id limit 1').id,
			memberUser: editableMember(chapter),
			otherUser: editableMember(otherChapter),
			submitted: submittedIn(chapter),
			otherSubmitted: submittedIn(otherChapter).id
		};
	});
}

function sheetFacts(sheetId: number): { revision: number; group: TargetGroup; codes: string[] } {
	return readDb(dbFile, (db) => {
		const row = db
			.prepare(
				'select s.revision, s.target_group as grp, v.content from sheet s join template_version v on v.id = s.template_version_id where s.id = ?'
			)
			.get(sheetId) as { revision: number; grp: TargetGroup; content: string };
		return {
			revision: row.revision,
			group: row.grp,
			codes: signsForGroup(JSON.parse(row.content) as TemplateContent, row.grp).map((s) => s.code)
		};
	});
}

beforeAll(async () => {
	server = await startServer(dbFile);
	const found = findIds();
	cookies.member = await signIn(server, found.memberUser.username);
	cookies.secretary = await signIn(server, 'bithu01');
	cookies.committee = await signIn(server, 'capuy');
	cookies.admin = await signIn(server, 'quantri');
	cookies.leader = await signIn(server, 'lanhdao');
	// Opening a sheet makes it on first visit, so both are opened before any snapshot is taken.
	const memberSheet = await openCurrentSheet(server, cookies.member);
	const otherSheet = await openCurrentSheet(server, await signIn(server, found.otherUser.username));
	const ownSheet = await openCurrentSheet(server, cookies.secretary);
	const m = sheetFacts(memberSheet);
	ids = {
		...found,
		ownSheet,
		member: { ...found.memberUser, sheet: memberSheet, revision: m.revision, group: m.group, codes: m.codes },
		other: { ...found.otherUser, sheet: otherSheet, revision: sheetFacts(otherSheet).revision }
	};
}, 60_000);

afterAll(async () => {
	await server?.stop();
	temp.remove();
});

// --- Building the requests -------------------------------------------------------------------------------

type Fields = [string, string][];
const urlencoded = (fields: Fields) => new URLSearchParams(fields).toString();
const FORM = 'application/x-www-form-urlencoded';

/**
 * The cases for one form action. `fields` are a body the action refuses; `keep` names the fields that make
 * it refuse (an unknown id in the URL needs none), which the mutations leave alone so the request stays one
 * the action must refuse whatever else is wrong with it.
 */
function formCases(
	route: RouteKey,
	who: Who,
	url: string,
	fields: Fields,
	options: { keep?: string[]; readsForm?: boolean; status?: number; label?: string } = {}
): Case[] {
	listed(route);
	const keep = new Set(options.keep ?? []);
	const label = options.label ? `${options.label}: ` : '';
	const base = { route, who, method: 'POST', url, accept: 'text/html' } as const;
	const mutable = fields.filter(([name]) => !keep.has(name));
	const swap = (value: (name: string, v: string) => string | Blob): FormData => {
		const data = new FormData();
		for (const [name, v] of fields) data.append(name, keep.has(name) ? v : value(name, v));
		return data;
	};
	const cases: Case[] = [
		{ ...base, what: `${label}as refused`, body: urlencoded(fields), type: FORM, status: options.status },
		{
			...base,
			what: `${label}from a foreign origin`,
			body: urlencoded(fields),
			type: FORM,
			origin: EVIL_ORIGIN,
			status: 403
		},
		{ ...base, what: `${label}without an Origin`, body: urlencoded(fields), type: FORM, origin: null, status: 403 },
		{
			...base,
			what: `${label}a JSON body`,
			body: JSON.stringify(Object.fromEntries(fields)),
			type: 'application/json',
			bug: 'mediaType'
		},
		// A browser form can be sent as text/plain, and a script may send no type at all: 415, never a 500.
		{ ...base, what: `${label}a text/plain body`, body: urlencoded(fields), type: 'text/plain' },
		{ ...base, what: `${label}a body without a content type`, body: urlencoded(fields) },
		{
			...base,
			what: `${label}fields repeated`,
			body: urlencoded(
				fields.flatMap(([n, v]): Fields => [
					[n, v],
					[n, keep.has(n) ? v : 'x']
				])
			),
			type: FORM
		}
	];
	if (options.readsForm !== false) {
		cases.push({
			...base,
			what: `${label}a truncated multipart body`,
			body: BROKEN_MULTIPART,
			type: `multipart/form-data; boundary=${BOUNDARY}`,
			bug: 'multipart'
		});
	}
	if (mutable.length > 0) {
		cases.push({
			...base,
			what: `${label}a file in every text field`,
			body: swap(() => new Blob(['tệp'], { type: 'text/plain' }))
		});
		cases.push({ ...base, what: `${label}HTML and script in every text field`, body: swap(() => SCRIPT) });
		for (const [name] of mutable)
			cases.push({ ...base, what: `${label}1 MB in ${name}`, body: swap((n, v) => (n === name ? MB : v)) });
	}
	return cases;
}

const ROUTE_KEYS = new Set<string>(ROUTES.map(([m, p, a]) => routeKey(m, p, a)));
function listed(route: RouteKey): void {
	if (!ROUTE_KEYS.has(route)) throw new Error(`${route} is not in ROUTES`);
}

/** A GET endpoint that must refuse. */
function getCase(route: RouteKey, who: Who, url: string, what: string, status?: number): Case {
	listed(route);
	return { route, who, method: 'GET', url, what, accept: 'text/html', status };
}

/** A JSON body to the autosave endpoint. */
function apiCase(
	who: Who,
	sheet: number | string,
	what: string,
	body: string | Buffer,
	extra: Partial<Case> = {}
): Case {
	return {
		route: 'POST /api/sheets/[id]',
		who,
		method: 'POST',
		url: `/api/sheets/${sheet}`,
		what,
		body,
		type: 'application/json',
		accept: 'application/json',
		...extra
	};
}

// --- Reading the answers ----------------------------------------------------------------------------------

/** Refusals whose message is only in the page's data, not on the page: listed, not failed. */
const hiddenMessages: string[] = [];
const stripTags = (html: string) =>
	html
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/** The message a person would read in a refusal, or null when the answer holds none. */
function messageOf(answer: Answer): string | null {
	const { contentType: type, text } = answer;
	if (type.includes('application/json')) {
		try {
			const value = JSON.parse(text) as { message?: unknown };
			return typeof value?.message === 'string' ? value.message : null;
		} catch {
			return null;
		}
	}
	if (type.includes('text/html')) {
		const messages: string[] = [];
		// Our error page: "Lỗi N", a title, then the message.
		const card = /<p class="code[^"]*">[^<]*<\/p>\s*<h1>[^<]*<\/h1>\s*<p>([\s\S]*?)<\/p>/.exec(text);
		if (card) messages.push(card[1]);
		// A form shown again with its errors.
		for (const m of text.matchAll(/<(p|div)\b[^>]*class="[^"]*\b(?:alert|field-error)\b[^"]*"[^>]*>([\s\S]*?)<\/\1>/g))
			messages.push(m[2]);
		// SvelteKit's static error page (an endpoint's error asked for as HTML).
		const bare = /<div class="message">\s*<h1>([\s\S]*?)<\/h1>/.exec(text);
		if (bare) messages.push(bare[1]);
		const found = messages.map(stripTags).filter(Boolean);
		if (found.length > 0) return found.join(' | ');
		// A form refused where the page has no place to show it (a request the page never makes): the
		// message is still in the page's data, where a script would find it.
		const data = /\bform: (\{.*)$/m.exec(text);
		if (data) hiddenMessages.push(data[1].slice(0, 160));
		return data ? data[1] : null;
	}
	if (type.includes('pdf') || type.includes('spreadsheet')) return null;
	return text.trim() || null;
}

/** What is wrong with the answer to a hostile request: nothing when it is a 4xx with a Vietnamese message. */
function problemsOf(c: Case, answer: Answer): string[] {
	const problems: string[] = [];
	const statusOk = c.status !== undefined ? answer.status === c.status : answer.status >= 400 && answer.status < 500;
	if (!statusOk) problems.push(`status ${answer.status}${c.status ? ` (expected ${c.status})` : ''}`);
	const message = messageOf(answer);
	if (message === null) problems.push(`no message (${answer.contentType || 'no content type'})`);
	else {
		// Each message on the page, not just one of them, is in Vietnamese.
		const english = message.split(' | ').filter((m) => !VIETNAMESE.test(m));
		if (english.length > 0) problems.push(`message not in Vietnamese: «${english.join(' | ').slice(0, 100)}»`);
	}
	if (answer.text.includes('<script>alert("tusoi")')) problems.push('shows the posted script unescaped');
	return problems;
}

interface Outcome {
	c: Case;
	problems: string[];
	/** The answer shows the known bug the case is flagged with. */
	known: boolean;
}
const knownBugOutcomes: Outcome[] = [];

async function send(c: Case): Promise<Answer> {
	const headers: Record<string, string> = {};
	if (c.type) headers['content-type'] = c.type;
	if (c.accept) headers.accept = c.accept;
	return request(server, c.url, {
		method: c.method,
		cookie: c.who === 'anon' ? null : cookies[c.who],
		origin: c.origin,
		headers,
		body: c.body
	});
}

/** Sends the cases a few at a time and returns the ones answered wrongly, known bugs set aside. */
async function run(cases: Case[]): Promise<string[]> {
	for (const c of cases) c.bug ??= KNOWN_CASES.find((k) => k.route.test(c.route) && k.what.test(c.what))?.bug;
	const outcomes: Outcome[] = [];
	let next = 0;
	const worker = async () => {
		while (next < cases.length) {
			const c = cases[next++];
			try {
				const answer = await send(c);
				const problems = problemsOf(c, answer);
				outcomes.push({
					c,
					problems,
					known: problems.length > 0 && c.bug !== undefined && KNOWN_BUGS[c.bug].shows(answer)
				});
			} catch (err) {
				outcomes.push({ c, problems: [`no answer: ${(err as Error).message}`], known: false });
			}
		}
	};
	await Promise.all([worker(), worker(), worker()]);
	knownBugOutcomes.push(...outcomes.filter((o) => o.known));
	return outcomes.filter((o) => !o.known && o.problems.length > 0).map((o) => describeOutcome(o));
}

const describeOutcome = ({ c, problems }: Pick<Outcome, 'c' | 'problems'>) =>
	`${c.who} ${c.method} ${c.url} — ${c.what}: ${problems.join('; ')}`;

/** Runs a group of cases between two snapshots of the database: every one refused, nothing written. */
async function refusedWithoutChange(cases: Case[], allowedChanges: string[] = []): Promise<void> {
	expect(cases.length).toBeGreaterThan(0);
	const before = snapshotDb(dbFile);
	covered.push(...cases.map((c) => c.route));
	const wrong = await run(cases);
	const after = snapshotDb(dbFile);
	expect(wrong).toEqual([]);
	expect(changedTables(before, after).filter((t) => !allowedChanges.includes(t))).toEqual([]);
}
const covered: string[] = [];

// --- The cases --------------------------------------------------------------------------------------------

const today = () => new Date().toISOString().slice(0, 10);

function memberCases(): Case[] {
	const { member, other } = ids;
	const code = member.codes[0];
	const valid = (revision: number): Fields => [
		['revision', String(revision)],
		[`level.${code}`, '1'],
		[`note.${code}`, 'Ghi chú'],
		['strengths', 'Ưu điểm']
	];
	const save = 'POST /sheets/[id] save' as const;
	const submit = 'POST /sheets/[id] submit' as const;
	const own = `/sheets/${member.sheet}`;
	return [
		// Someone else's sheet with a body that would be saved on one's own: not found, whatever the body.
		...formCases(save, 'member', `/sheets/${other.sheet}?/save`, valid(other.revision), {
			label: "another member's sheet"
		}),
		...formCases(submit, 'member', `/sheets/${other.sheet}?/submit`, valid(other.revision), {
			label: "another member's sheet"
		}),
		...['999999', 'abc', '-1', '1e999', '0x10'].flatMap((id) =>
			formCases(save, 'member', `/sheets/${id}?/save`, valid(member.revision), { label: `sheet ${id}` }).slice(0, 2)
		),
		// One's own sheet with a stale revision: refused as a conflict, whatever else the body holds.
		...formCases(save, 'member', `${own}?/save`, valid(member.revision + 50), {
			keep: ['revision'],
			label: 'stale revision'
		}),
		...formCases(submit, 'member', `${own}?/submit`, valid(member.revision + 50), {
			keep: ['revision'],
			label: 'stale revision'
		}),
		...(
			[
				['level 7', [[`level.${code}`, '7']]],
				['a level in words', [[`level.${code}`, 'hai']]],
				['a note of 1 MB', [[`note.${code}`, MB]]],
				['a sign not on the sheet', [['level.TT9.9', '1']]],
				['a code outside the three categories', [['level.XX1.1', '1']]],
				['a day that does not exist', [[`deadline.${code}`, '2026-02-30']]],
				['a date that is not one but Date.parse reads', [[`deadline.${code}`, '5']]],
				['a plan line the sheet does not have', [['progress.TT9.9', 'done']]],
				['an unknown progress status', [['progress.TT9.9', 'có lẽ']]],
				[
					'no revision',
					[
						['revision', ''],
						[`level.${code}`, '1']
					]
				],
				['a revision in words', [['revision', 'một']]]
			] as [string, Fields][]
		).map(([what, extra]): Case => ({
			route: save,
			who: 'member',
			method: 'POST',
			url: `${own}?/save`,
			what,
			accept: 'text/html',
			type: FORM,
			body: urlencoded(
				extra.some(([n]) => n === 'revision') ? extra : [['revision', String(member.revision)], ...extra]
			)
		})),
		// The autosave endpoint.
		apiCase(
			'member',
			other.sheet,
			"another member's sheet",
			JSON.stringify({ revision: other.revision, answers: { [code]: { level: 1 } } })
		),
		apiCase('member', '999999', 'an unknown sheet', JSON.stringify({ revision: 0 })),
		apiCase('member', 'abc', 'a sheet id in words', JSON.stringify({ revision: 0 })),
		apiCase('member', member.sheet, 'from a foreign origin', JSON.stringify({ revision: member.revision }), {
			origin: EVIL_ORIGIN,
			status: 403
		}),
		apiCase('member', member.sheet, 'without an Origin', JSON.stringify({ revision: member.revision }), {
			origin: null,
			status: 403
		}),
		apiCase('member', member.sheet, 'a form body', urlencoded(valid(member.revision)), { type: FORM }),
		apiCase('member', member.sheet, 'a text/plain body', JSON.stringify({ revision: member.revision }), {
			type: 'text/plain'
		}),
		apiCase('member', member.sheet, 'a body without a content type', JSON.stringify({ revision: member.revision }), {
			type: undefined
		}),
		apiCase('member', member.sheet, 'an empty body', ''),
		apiCase('member', member.sheet, 'cut-off JSON', '{"revision": 1, "answers": {'),
		apiCase('member', member.sheet, 'HTML', `<html>${SCRIPT}</html>`, { type: 'text/html' }),
		apiCase('member', member.sheet, 'binary bytes', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80])),
		apiCase('member', member.sheet, 'a truncated multipart body', BROKEN_MULTIPART, {
			type: `multipart/form-data; boundary=${BOUNDARY}`
		}),
		apiCase(
			'member',
			member.sheet,
			'a body of 1 MB',
			JSON.stringify({ revision: member.revision, answers: { [code]: { note: MB } } })
		),
		apiCase('member', member.sheet, 'a body over the server limit', Buffer.alloc(7_000_000, 0x61), { bug: 'tooLarge' }),
		...(
			[
				['null', null],
				['a number', 42],
				['a string', 'revision'],
				['an array', [member.revision]],
				['the revision as text', { revision: String(member.revision) }],
				['answers as an array', { revision: member.revision, answers: [] }],
				['a level as text', { revision: member.revision, answers: { [code]: { level: '2' } } }],
				['a note as a number', { revision: member.revision, answers: { [code]: { note: 5 } } }],
				['a note as an array', { revision: member.revision, answers: { [code]: { note: ['a'] } } }],
				['a text as an object', { revision: member.revision, texts: { strengths: { a: 1 } } }],
				['a text the sheet does not have', { revision: member.revision, texts: { khac: 'Nội dung' } }],
				[
					'a field an answer does not have',
					{ revision: member.revision, answers: { [code]: { level: 1, score: 100 } } }
				],
				['a status in the payload', { revision: member.revision, status: 'approved' }],
				['a sign not on the sheet', { revision: member.revision, answers: { 'TT9.9': { level: 1 } } }],
				[
					'a date that is not one but Date.parse reads',
					{ revision: member.revision, answers: { [code]: { actionDeadline: 'Wed Jun 03 2026' } } }
				],
				['a bad code', { revision: member.revision, answers: { 'TT1.1; drop table sheet': { level: 1 } } }],
				['script in a note, stale revision', { revision: member.revision + 50, answers: { [code]: { note: SCRIPT } } }]
			] as [string, unknown][]
		).map(([what, value]) => apiCase('member', member.sheet, what, JSON.stringify(value))),
		apiCase(
			'member',
			member.sheet,
			'a repeated key, the last one stale',
			`{"revision": ${member.revision}, "answers": {"${code}": {"level": 1}}, "revision": ${member.revision + 50}}`
		),
		{
			route: 'POST /api/sheets/[id]',
			who: 'member',
			method: 'PUT',
			url: `/api/sheets/${member.sheet}`,
			what: 'a PUT',
			accept: 'application/json',
			bug: 'method'
		},
		// The revision a kept page checks, and the questionnaire: only the member's own sheet, only what exists.
		getCase('GET /api/sheets/[id]', 'member', `/api/sheets/${other.sheet}`, "another member's sheet", 404),
		getCase('GET /api/sheets/[id]', 'member', '/api/sheets/999999', 'an unknown sheet', 404),
		getCase('GET /api/sheets/[id]', 'anon', `/api/sheets/${member.sheet}`, 'nobody signed in', 401),
		getCase(
			'GET /sheets/questionnaire/[version]/[group].json',
			'member',
			'/sheets/questionnaire/999999/B.json?h=x',
			'an unknown template version',
			404
		),
		getCase(
			'GET /sheets/questionnaire/[version]/[group].json',
			'member',
			'/sheets/questionnaire/1/D.json?h=x',
			'a group that does not exist',
			404
		),
		getCase(
			'GET /sheets/questionnaire/[version]/[group].json',
			'anon',
			'/sheets/questionnaire/1/B.json',
			'nobody signed in',
			401
		),
		// The member's PDF, and what is not theirs.
		getCase(
			'GET /sheets/[id]/report.pdf',
			'member',
			`/sheets/${other.sheet}/report.pdf`,
			"another member's sheet",
			404
		),
		getCase('GET /sheets/[id]/report.pdf', 'member', '/sheets/999999/report.pdf', 'an unknown sheet', 404),
		getCase('GET /sheets/[id]/report.pdf', 'member', '/sheets/abc/report.pdf', 'a sheet id in words', 404),
		getCase(
			'GET /chapters/[id]/export.[format]',
			'member',
			`/chapters/${ids.chapter}/export.csv`,
			'a member is not a viewer',
			403
		),
		getCase(
			'GET /units/[id]/export.[format]',
			'member',
			`/units/${ids.root}/export.xlsx`,
			'a member is not a viewer',
			403
		),
		getCase(
			'GET /admin/templates/[id]/export',
			'member',
			`/admin/templates/${ids.templateVersion}/export`,
			'a member is not an administrator',
			403
		),
		...formCases(
			'POST /chapters/[id]/sheets/[sheetId] approve',
			'member',
			`/chapters/${ids.chapter}/sheets/${ids.submitted.id}?/approve`,
			[
				['assessment', 'Tốt'],
				['finalRating', 'tot'],
				['reason', 'Lý do']
			],
			{
				label: 'a member approving',
				status: 404
			}
		).slice(0, 1),
		...formCases(
			'POST /chapters/[id]/sheets/[sheetId]/questions default',
			'member',
			`/chapters/${ids.chapter}/sheets/${ids.submitted.id}/questions`,
			[['question', 'Một câu hỏi gợi ý kiểm điểm do đảng viên tự gửi.']],
			{ label: 'a member asking', status: 404 }
		).slice(0, 1),
		// Their account.
		...formCases(
			'POST /account/password default',
			'member',
			'/account/password',
			[
				['currentPassword', 'sai-mat-khau'],
				['newPassword', 'Mật-khẩu-mới-2026'],
				['confirmPassword', 'Mật-khẩu-mới-2026']
			],
			{
				keep: ['currentPassword'],
				label: 'a wrong current password'
			}
		),
		...formCases(
			'POST /account/password default',
			'member',
			'/account/password',
			[
				['currentPassword', DEMO_PASSWORD],
				['newPassword', 'ngắn'],
				['confirmPassword', 'ngắn']
			],
			{ keep: ['newPassword', 'confirmPassword'], label: 'too short' }
		).slice(0, 1),
		...formCases(
			'POST /account/password default',
			'member',
			'/account/password',
			[
				['currentPassword', DEMO_PASSWORD],
				['newPassword', 'Mật-khẩu-mới-2026'],
				['confirmPassword', 'Khác-hẳn-2026']
			],
			{ keep: ['confirmPassword'], label: 'not confirmed' }
		).slice(0, 1),
		// Starting one's sheet again only opens it: refused only from another site or as a body of the wrong kind.
		...formCases('POST /sheets start', 'member', '/sheets?/start', [], { readsForm: false }).filter(
			(c) => c.status === 403 || /JSON|text\/plain|without a content type/.test(c.what)
		),
		// Signing out is refused only from another site; the session must survive it.
		...formCases('POST /logout default', 'member', '/logout', [], { readsForm: false }).filter((c) => c.status === 403)
	];
}

function secretaryCases(): Case[] {
	const { chapter, otherChapter, submitted, otherSubmitted, member } = ids;
	const code = member.codes[0];
	const other = RATINGS.find((r) => r !== submitted.rating)!;
	const ret = 'POST /chapters/[id]/sheets/[sheetId] return' as const;
	const approve = 'POST /chapters/[id]/sheets/[sheetId] approve' as const;
	const reopen = 'POST /chapters/[id]/sheets/[sheetId] reopen' as const;
	const ask = 'POST /chapters/[id]/sheets/[sheetId]/questions default' as const;
	const askFields: Fields = [['question', 'Làm rõ việc vắng sinh hoạt chi bộ tháng 5.']];
	const returnFields: Fields = [
		['revision', String(submitted.revision)],
		['assessment', 'Cần bổ sung'],
		['generalNote', 'Ghi chú chung'],
		[`signNote.${code}`, 'Ghi chú biểu hiện']
	];
	const approveFields: Fields = [
		['revision', String(submitted.revision)],
		['assessment', 'Hoàn thành tốt'],
		['finalRating', 'tot'],
		['reason', 'Lý do điều chỉnh']
	];
	const reopenFields: Fields = [
		['revision', String(submitted.revision)],
		['reopenReason', 'Cần sửa lại phần kế hoạch']
	];
	const inOwn = (sheet: number | string) => `/chapters/${chapter}/sheets/${sheet}`;
	const ownRevision = String(sheetFacts(ids.ownSheet).revision);
	const own = inOwn(ids.ownSheet);
	return [
		// Their own sheet: nobody returns, approves, re-rates or reopens it, whatever state it is in.
		...formCases(ret, 'secretary', `${own}?/return`, [['revision', ownRevision], ...returnFields.slice(1)], {
			label: 'own sheet',
			status: 403
		}).slice(0, 1),
		...formCases(
			approve,
			'secretary',
			`${own}?/approve`,
			[
				['revision', ownRevision],
				['assessment', 'Tốt'],
				['finalRating', 'kha'],
				['reason', '']
			],
			{ label: 'own sheet', status: 403 }
		).slice(0, 1),
		...formCases(
			approve,
			'secretary',
			`${own}?/approve`,
			[
				['revision', ownRevision],
				['assessment', 'Tốt'],
				['finalRating', 'tot'],
				['reason', 'Tự nâng xếp loại']
			],
			{ label: 'own sheet, adjusted rating', status: 403 }
		).slice(0, 1),
		...formCases(
			reopen,
			'secretary',
			`${own}?/reopen`,
			[
				['revision', ownRevision],
				['reopenReason', 'Tự mở lại']
			],
			{
				label: 'own sheet',
				status: 403
			}
		).slice(0, 1),
		// Another chapter's sheet, through one's own chapter or through its own: not found.
		...formCases(ret, 'secretary', `${inOwn(otherSubmitted)}?/return`, returnFields, {
			label: "another chapter's sheet"
		}),
		...formCases(approve, 'secretary', `${inOwn(otherSubmitted)}?/approve`, approveFields, {
			label: "another chapter's sheet"
		}),
		...formCases(reopen, 'secretary', `${inOwn(otherSubmitted)}?/reopen`, reopenFields, {
			label: "another chapter's sheet"
		}),
		...formCases(approve, 'secretary', `/chapters/${otherChapter}/sheets/${otherSubmitted}?/approve`, approveFields, {
			label: 'another chapter',
			status: 404
		}).slice(0, 1),
		...formCases(ret, 'secretary', `/chapters/${otherChapter}/sheets/${otherSubmitted}?/return`, returnFields, {
			label: 'another chapter',
			status: 404
		}).slice(0, 1),
		...[`/chapters/999999/sheets/${submitted.id}`, inOwn(999999), '/chapters/abc/sheets/1', inOwn('1e999')].flatMap(
			(url) => formCases(approve, 'secretary', `${url}?/approve`, approveFields, { label: url }).slice(0, 1)
		),
		// The summary report's number is the number alone; another chapter's report is not this secretary's.
		...formCases(
			'POST /chapters/[id] report',
			'secretary',
			`/chapters/${chapter}?/report`,
			[
				['number', '05-BC/CB'],
				['plan', 'Phương hướng của chi bộ']
			],
			{ label: 'a number with its symbol' }
		),
		...formCases(
			'POST /chapters/[id] report',
			'secretary',
			`/chapters/${otherChapter}?/report`,
			[
				['number', '05'],
				['plan', 'Phương hướng']
			],
			{ label: 'another chapter', status: 403 }
		).slice(0, 1),
		// Gợi ý kiểm điểm: never on one's own sheet, never through another chapter, never a question too short.
		...formCases(ask, 'secretary', `${own}/questions`, askFields, { label: 'own sheet', status: 403 }),
		...formCases(ask, 'secretary', `${inOwn(otherSubmitted)}/questions`, askFields, {
			label: "another chapter's sheet"
		}),
		...formCases(ask, 'secretary', `${inOwn(member.sheet)}/questions`, [['question', 'Ngắn']], {
			label: 'a question too short'
		}).slice(0, 1),
		// A sheet in the wrong state: the member's draft cannot be returned, a handed-in sheet cannot be reopened.
		...formCases(ret, 'secretary', `${inOwn(member.sheet)}?/return`, returnFields, { label: 'a draft' }),
		...formCases(reopen, 'secretary', `${inOwn(submitted.id)}?/reopen`, reopenFields, { label: 'a handed-in sheet' }),
		// Refused for what the form holds.
		...formCases(
			approve,
			'secretary',
			`${inOwn(submitted.id)}?/approve`,
			[
				['assessment', 'Tốt'],
				['finalRating', 'xuat_sac'],
				['reason', 'Lý do']
			],
			{ keep: ['finalRating'], label: 'an unknown rating' }
		),
		...formCases(
			approve,
			'secretary',
			`${inOwn(submitted.id)}?/approve`,
			[
				['assessment', 'Tốt'],
				['finalRating', other],
				['reason', '']
			],
			{ keep: ['finalRating', 'reason'], label: 'a changed rating without a reason' }
		).slice(0, 1),
		...formCases(ret, 'secretary', `${inOwn(submitted.id)}?/return`, [['assessment', 'Cần sửa']], {
			label: 'no note'
		}).slice(0, 1),
		...formCases(
			ret,
			'secretary',
			`${inOwn(submitted.id)}?/return`,
			[
				['assessment', ''],
				['signNote.XX9.9', 'Ghi chú']
			],
			{ keep: ['signNote.XX9.9'], label: 'a note on a bad code' }
		).slice(0, 1),
		...formCases(
			ret,
			'secretary',
			`${inOwn(submitted.id)}?/return`,
			[
				['assessment', ''],
				['signNote.TT9.9', 'Ghi chú']
			],
			{ keep: ['signNote.TT9.9'], label: 'a note on a sign not on the sheet' }
		).slice(0, 1),
		...formCases(
			ret,
			'secretary',
			`${inOwn(submitted.id)}?/return`,
			[
				['assessment', MB],
				['generalNote', 'Ghi chú']
			],
			{ keep: ['assessment'], label: 'an assessment of 1 MB' }
		).slice(0, 1),
		// Reading what is not theirs.
		getCase(
			'GET /chapters/[id]/export.[format]',
			'secretary',
			`/chapters/${otherChapter}/export.xlsx`,
			'another chapter',
			403
		),
		getCase(
			'GET /chapters/[id]/export.[format]',
			'secretary',
			`/chapters/${chapter}/export.pdf`,
			'an unknown format',
			404
		),
		getCase(
			'GET /chapters/[id]/export.[format]',
			'secretary',
			'/chapters/999999/export.csv',
			'an unknown chapter',
			404
		),
		getCase(
			'GET /chapters/[id]/bundle.pdf',
			'secretary',
			`/chapters/${otherChapter}/bundle.pdf`,
			'another chapter',
			403
		),
		getCase('GET /chapters/[id]/bundle.pdf', 'secretary', '/chapters/abc/bundle.pdf', 'a chapter id in words', 404),
		getCase(
			'GET /chapters/[id]/summary.pdf',
			'secretary',
			`/chapters/${otherChapter}/summary.pdf`,
			'another chapter',
			403
		),
		getCase('GET /chapters/[id]/summary.pdf', 'secretary', '/chapters/-1/summary.pdf', 'a negative id', 404),
		getCase(
			'GET /chapters/[id]/sheets/[sheetId]/report.pdf',
			'secretary',
			`${inOwn(otherSubmitted)}/report.pdf`,
			"another chapter's sheet",
			404
		),
		getCase(
			'GET /chapters/[id]/sheets/[sheetId]/report.pdf',
			'secretary',
			`/chapters/${otherChapter}/sheets/${otherSubmitted}/report.pdf`,
			'another chapter',
			404
		),
		getCase(
			'GET /chapters/[id]/sheets/[sheetId]/report.pdf',
			'secretary',
			`${inOwn(999999)}/report.pdf`,
			'an unknown sheet',
			404
		),
		getCase('GET /units/[id]/export.[format]', 'secretary', `/units/${ids.root}/export.csv`, 'above the chapter', 403),
		// A secretary is not an administrator.
		...formCases(
			'POST /admin/users/[id]/reset-password default',
			'secretary',
			`/admin/users/${ids.member.id}/reset-password`,
			[],
			{ readsForm: false, status: 403 }
		).slice(0, 1)
	];
}

function committeeCases(): Case[] {
	const { chapter, submitted } = ids;
	const url = `/chapters/${chapter}/sheets/${submitted.id}`;
	return [
		// The committee reads a chapter's sheets but only its secretary decides on them.
		...formCases(
			'POST /chapters/[id]/sheets/[sheetId] approve',
			'committee',
			`${url}?/approve`,
			[
				['assessment', 'Tốt'],
				['finalRating', 'tot'],
				['reason', '']
			],
			{ status: 403, readsForm: false }
		),
		...formCases(
			'POST /chapters/[id]/sheets/[sheetId] return',
			'committee',
			`${url}?/return`,
			[['generalNote', 'Ghi chú']],
			{ status: 403, readsForm: false }
		).slice(0, 1),
		...formCases(
			'POST /chapters/[id]/sheets/[sheetId] reopen',
			'committee',
			`${url}?/reopen`,
			[['reopenReason', 'Lý do mở lại']],
			{ status: 403, readsForm: false }
		).slice(0, 1),
		apiCase('committee', submitted.id, 'a sheet that is not theirs', JSON.stringify({ revision: 0 })),
		getCase('GET /units/[id]/export.[format]', 'committee', '/units/999999/export.xlsx', 'an unknown unit', 404),
		getCase('GET /units/[id]/export.[format]', 'committee', `/units/${ids.root}/export.json`, 'an unknown format', 404),
		getCase('GET /units/[id]/export.[format]', 'committee', '/units/abc/export.csv', 'a unit id in words', 404),
		getCase('GET /chapters/[id]/bundle.pdf', 'committee', '/chapters/999999/bundle.pdf', 'an unknown chapter', 404),
		getCase(
			'GET /chapters/[id]/sheets/[sheetId]/report.pdf',
			'committee',
			`/chapters/${chapter}/sheets/${ids.otherSubmitted}/report.pdf`,
			"another chapter's sheet",
			404
		),
		...formCases(
			'POST /admin/periods/[id] reopen',
			'committee',
			`/admin/periods/${ids.closedPeriod}?/reopen`,
			[['reason', 'Sửa sai sót của năm']],
			{ status: 403, readsForm: false }
		).slice(0, 1),
		...formCases('POST /admin/periods create', 'committee', '/admin/periods?/create', [['name', 'Năm mới']], {
			status: 403,
			readsForm: false
		}).slice(0, 1)
	];
}

/** The demo's breakthrough tasks and example-setting ratings the leader cases aim at. */
function leaderIds() {
	return readDb(dbFile, (db) => {
		const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
		const leader = one<{ id: number }>("select id from user where username = 'lanhdao'").id;
		return {
			// lanhdao's task of this year (its year is not over), one already evaluated, and another leader's.
			openTask: one<{ id: number }>(
				'select id from leader_task where leader_id = ? and result is null order by year desc limit 1',
				leader
			).id,
			evaluatedTask: one<{ id: number }>(
				'select id from leader_task where leader_id = ? and result is not null',
				leader
			).id,
			othersTask: one<{ id: number }>('select id from leader_task where leader_id <> ? limit 1', leader).id,
			// lanhdao's sheet of the closed period, and a handed-in group A sheet of bithu01's chapter with a self-rating.
			closedSheet: one<{ id: number }>(
				'select s.id from sheet s join period p on p.id = s.period_id where s.member_id = ? and p.closed_at is not null',
				leader
			).id,
			ratedSheet: one<{ id: number }>(
				"select s.id from sheet s join example_rating e on e.sheet_id = s.id where s.chapter_id = ? and s.period_id = ? and s.status = 'submitted' limit 1",
				ids.chapter,
				ids.openPeriod
			).id,
			// bithu01's chapter's collective sheet of the open period: handed in, waiting for capuy, no nêu gương yet.
			collectiveSheet: one<{ id: number }>(
				'select id from sheet where collective_unit_id = ? and period_id = ?',
				ids.chapter,
				ids.openPeriod
			).id
		};
	});
}

function leaderCases(): Case[] {
	const t = leaderIds();
	const { root, chapter, otherChapter, other } = ids;
	const assign = 'POST /units/[id]/tasks assign' as const;
	const evaluate = 'POST /units/[id]/tasks/[taskId] evaluate' as const;
	const report = 'POST /tasks report' as const;
	const rate = 'POST /example-setting rate' as const;
	const review = 'POST /units/[id]/example-setting review' as const;
	const exportTasks = 'GET /units/[id]/tasks/export.[format]' as const;
	const assignFields: Fields = [
		['leader', 'khongcoai'],
		['year', '2026'],
		['title', 'Nhiệm vụ thử'],
		['expectedResult', 'Kết quả thử'],
		['deadline', '2026-12-31'],
		['decisionNo', '1-QĐ/TU']
	];
	const evaluateFields: Fields = [
		['result', 'completed'],
		['comment', 'Nhận xét']
	];
	return [
		// Ordering: an unknown leader, an unknown unit, and people who are not a committee over the unit.
		...formCases(assign, 'committee', `/units/${root}/tasks?/assign`, assignFields, { keep: ['leader'] }),
		...formCases(assign, 'committee', '/units/999999/tasks?/assign', assignFields, { status: 404 }).slice(0, 1),
		...formCases(assign, 'secretary', `/units/${chapter}/tasks?/assign`, assignFields, { status: 403 }).slice(0, 1),
		...formCases(assign, 'admin', `/units/${root}/tasks?/assign`, assignFields, { status: 403 }).slice(0, 1),
		...formCases(assign, 'member', `/units/${root}/tasks?/assign`, assignFields, { status: 403 }).slice(0, 1),
		// Evaluating a task whose year is not over, by the committee; by the leader; by a secretary.
		...formCases(evaluate, 'committee', `/units/${root}/tasks/${t.openTask}?/evaluate`, evaluateFields, {
			status: 409,
			keep: ['result']
		}),
		...formCases(evaluate, 'leader', `/units/${root}/tasks/${t.openTask}?/evaluate`, evaluateFields, {
			status: 403
		}).slice(0, 1),
		...formCases(evaluate, 'secretary', `/units/${chapter}/tasks/${t.openTask}?/evaluate`, evaluateFields, {
			status: 403
		}).slice(0, 1),
		...formCases(evaluate, 'committee', `/units/${otherChapter}/tasks/${t.openTask}?/evaluate`, evaluateFields, {
			label: 'a task outside the unit',
			status: 404
		}).slice(0, 1),
		// Withdrawing a task the leader has reported on, by the committee; by the leader.
		...formCases(
			'POST /units/[id]/tasks/[taskId] withdraw',
			'committee',
			`/units/${root}/tasks/${t.openTask}?/withdraw`,
			[['reason', 'Giao nhầm cán bộ']],
			{ status: 409 }
		),
		...formCases(
			'POST /units/[id]/tasks/[taskId] withdraw',
			'leader',
			`/units/${root}/tasks/${t.openTask}?/withdraw`,
			[['reason', 'Giao nhầm cán bộ']],
			{ status: 403 }
		).slice(0, 1),
		// Reporting on someone else's task, an unknown one, and one already evaluated.
		...formCases(
			report,
			'leader',
			'/tasks?/report',
			[
				['taskId', String(t.othersTask)],
				['text', 'Báo cáo thử']
			],
			{ keep: ['taskId'], status: 404 }
		),
		...formCases(
			report,
			'leader',
			'/tasks?/report',
			[
				['taskId', 'abc'],
				['text', 'Báo cáo thử']
			],
			{ keep: ['taskId'], status: 404 }
		).slice(0, 1),
		...formCases(
			report,
			'leader',
			'/tasks?/report',
			[
				['taskId', String(t.evaluatedTask)],
				['text', 'Báo cáo thử']
			],
			{ keep: ['taskId'], status: 409 }
		),
		// Rating one's example-setting on a sheet of a closed period, or on someone else's sheet.
		...formCases(
			rate,
			'leader',
			'/example-setting?/rate',
			[
				['sheetId', String(t.closedSheet)],
				['rating', 'tot'],
				['note', 'Ghi chú']
			],
			{ keep: ['sheetId'], status: 409 }
		),
		...formCases(
			rate,
			'member',
			'/example-setting?/rate',
			[
				['sheetId', String(other.sheet)],
				['rating', 'tot'],
				['note', 'Ghi chú']
			],
			{ keep: ['sheetId'], status: 404 }
		).slice(0, 1),
		// Rating a leader's example-setting: the committee does not decide an ordinary member's sheet; a sheet of
		// another chapter is not found from this chapter's page.
		...formCases(
			review,
			'committee',
			`/units/${chapter}/example-setting?/review`,
			[
				['sheetId', String(t.ratedSheet)],
				['rating', 'kha'],
				['reason', 'Lý do']
			],
			{ keep: ['sheetId'], status: 403 }
		),
		...formCases(
			review,
			'secretary',
			`/units/${otherChapter}/example-setting?/review`,
			[
				['sheetId', String(t.ratedSheet)],
				['rating', 'kha'],
				['reason', 'Lý do']
			],
			{ status: 404 }
		).slice(0, 1),
		// The collective's sheet: opened by someone who does not fill it; its nêu gương rated by the filler once handed
		// in, by someone who does not fill it, by the committee above before the collective rated itself, by the filler.
		...formCases('POST /units/[id]/collective open', 'committee', `/units/${chapter}/collective?/open`, [], {
			status: 403,
			readsForm: false
		}),
		...formCases('POST /units/[id]/collective open', 'member', `/units/${chapter}/collective?/open`, [], {
			status: 404,
			readsForm: false
		}).slice(0, 1),
		...formCases(
			'POST /units/[id]/collective exampleSelf',
			'secretary',
			`/units/${chapter}/collective?/exampleSelf`,
			[
				['sheetId', String(t.collectiveSheet)],
				['rating', 'tot'],
				['note', 'Ghi chú']
			],
			{ keep: ['sheetId'], status: 409 }
		),
		...formCases(
			'POST /units/[id]/collective exampleSelf',
			'committee',
			`/units/${chapter}/collective?/exampleSelf`,
			[
				['sheetId', String(t.collectiveSheet)],
				['rating', 'tot'],
				['note', 'Ghi chú']
			],
			{ keep: ['sheetId'], status: 404 }
		).slice(0, 1),
		...formCases(
			'POST /units/[id]/collective exampleReview',
			'committee',
			`/units/${chapter}/collective?/exampleReview`,
			[
				['sheetId', String(t.collectiveSheet)],
				['rating', 'kha'],
				['reason', 'Lý do']
			],
			{ keep: ['sheetId'], status: 409 }
		),
		...formCases(
			'POST /units/[id]/collective exampleReview',
			'secretary',
			`/units/${chapter}/collective?/exampleReview`,
			[
				['sheetId', String(t.collectiveSheet)],
				['rating', 'kha'],
				['reason', 'Lý do']
			],
			{ keep: ['sheetId'], status: 403 }
		).slice(0, 1),
		getCase(exportTasks, 'member', `/units/${root}/tasks/export.csv`, 'a member is not a reader', 403),
		getCase(exportTasks, 'committee', `/units/${root}/tasks/export.pdf`, 'an unknown format', 404),
		getCase(exportTasks, 'committee', '/units/999999/tasks/export.csv', 'an unknown unit', 404)
	];
}

function adminCases(): Case[] {
	const { root, chapter, parentUnit, member, adminId, openPeriod, closedPeriod, templateVersion } = ids;
	const units = (action: string) => `POST /admin/units/[id] ${action}` as RouteKey;
	const members = (action: string) => `POST /admin/members/[id] ${action}` as RouteKey;
	const memberFields: Fields = [
		['fullName', 'Nguyễn Văn Thử'],
		['dateOfBirth', '1980-05-17'],
		['position', 'Chuyên viên'],
		['targetGroup', 'B']
	];
	const periodFields: Fields = [
		['name', 'Đợt thử'],
		['year', '2026'],
		['unitId', String(root)],
		['templateVersionId', String(templateVersion)],
		['opensOn', today()],
		['deadline', '2099-12-31']
	];
	const file = (name: string, content: string | Uint8Array<ArrayBuffer>, type = 'text/csv') => {
		const data = new FormData();
		data.append('file', new Blob([content], { type }), name);
		return data;
	};
	const importCsv =
		'Họ và tên,Ngày sinh,Chức vụ,Nhóm đối tượng,Chi bộ,Tên đăng nhập\r\nNguyễn Văn Mới,1990-01-01,Chuyên viên,B,Chi bộ không có,nguoimoi01\r\n';
	const upload = (route: RouteKey, url: string, what: string, body: FormData): Case => ({
		route,
		who: 'admin',
		method: 'POST',
		url,
		what,
		body,
		accept: 'text/html'
	});
	const uploadCases = (route: RouteKey, url: string) => [
		upload(route, url, 'no file', new FormData()),
		upload(route, url, 'a file of 1 MB of nonsense', file('ds.csv', MB)),
		upload(
			route,
			url,
			'a broken XLSX',
			file(
				'ds.xlsx',
				Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array<number>(2000).fill(7)]),
				'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
			)
		),
		upload(route, url, 'rows for a chapter that does not exist', file('ds.csv', importCsv)),
		upload(
			route,
			url,
			'script in every cell',
			file('ds.csv', `${importCsv.split('\r\n')[0]}\r\n${Array(6).fill(SCRIPT.replace(/,/g, ' ')).join(',')}\r\n`)
		)
	];
	const templateCases = (route: RouteKey, url: string) => [
		...formCases(
			route,
			'admin',
			url,
			[
				['json', '{"key": "x", "signs": ['],
				['note', 'Ghi chú']
			],
			{ keep: ['json'], label: 'broken JSON' }
		),
		upload(
			route,
			url,
			'a file over the limit',
			file('mau.json', `{"pad": "${'a'.repeat(450_000)}"}`, 'application/json')
		),
		upload(route, url, 'a file that is not a template', file('mau.json', '[1, 2, 3]', 'application/json')),
		upload(
			route,
			url,
			'script in the template',
			file('mau.json', JSON.stringify({ key: SCRIPT, name: SCRIPT, signs: SCRIPT }), 'application/json')
		)
	];
	return [
		// The administrator belongs to no chapter, so has no sheet to start.
		{
			route: 'POST /sheets start',
			who: 'admin',
			method: 'POST',
			url: '/sheets?/start',
			what: 'an account with no chapter',
			body: '',
			type: FORM,
			accept: 'text/html',
			status: 403
		},
		// Units.
		...formCases(units('rename'), 'admin', '/admin/units/999999?/rename', [['name', 'Đơn vị đổi tên']], {
			label: 'an unknown unit'
		}),
		...formCases(
			units('addChild'),
			'admin',
			'/admin/units/999999?/addChild',
			[
				['name', 'Chi bộ mới'],
				['kind', 'chi_bo']
			],
			{ label: 'an unknown parent' }
		),
		...formCases(units('move'), 'admin', '/admin/units/999999?/move', [['parentId', String(root)]], {
			label: 'an unknown unit'
		}),
		...formCases(units('close'), 'admin', '/admin/units/999999?/close', [], {
			label: 'an unknown unit',
			readsForm: false
		}),
		...formCases(
			units('grant'),
			'admin',
			'/admin/units/999999?/grant',
			[
				['username', 'dangvien001'],
				['role', 'committee']
			],
			{ label: 'an unknown unit' }
		),
		...formCases(
			units('revoke'),
			'admin',
			'/admin/units/999999?/revoke',
			[
				['userId', String(member.id)],
				['role', 'committee']
			],
			{ label: 'an unknown unit' }
		),
		...formCases(units('rename'), 'admin', '/admin/units/abc?/rename', [['name', 'Đơn vị đổi tên']], {
			label: 'a unit id in words'
		}).slice(0, 1),
		...formCases(units('rename'), 'admin', `/admin/units/${root}?/rename`, [['name', 'ab']], {
			keep: ['name'],
			label: 'a name too short'
		}).slice(0, 1),
		...formCases(
			units('addChild'),
			'admin',
			`/admin/units/${chapter}?/addChild`,
			[
				['name', 'Chi bộ con'],
				['kind', 'chi_bo']
			],
			{ label: 'under a chapter' }
		),
		...formCases(
			units('addChild'),
			'admin',
			`/admin/units/${root}?/addChild`,
			[
				['name', 'Chi bộ mới'],
				['kind', 'ban_tuyen_giao']
			],
			{ keep: ['kind'], label: 'an unknown kind' }
		).slice(0, 1),
		...formCases(units('move'), 'admin', `/admin/units/${parentUnit}?/move`, [['parentId', String(parentUnit)]], {
			label: 'into itself'
		}),
		...formCases(units('move'), 'admin', `/admin/units/${root}?/move`, [['parentId', String(parentUnit)]], {
			label: 'the root'
		}).slice(0, 1),
		...formCases(units('close'), 'admin', `/admin/units/${root}?/close`, [], {
			label: 'the root',
			readsForm: false
		}).slice(0, 1),
		...formCases(units('close'), 'admin', `/admin/units/${chapter}?/close`, [], {
			label: 'a chapter with members',
			readsForm: false
		}).slice(0, 1),
		...formCases(
			units('grant'),
			'admin',
			`/admin/units/${root}?/grant`,
			[
				['username', 'dangvien001'],
				['role', 'superadmin']
			],
			{ keep: ['role'], label: 'an unknown role' }
		),
		...formCases(
			units('grant'),
			'admin',
			`/admin/units/${root}?/grant`,
			[
				['username', 'dangvien001'],
				['role', 'secretary']
			],
			{ label: 'a secretary of a non-chapter' }
		).slice(0, 1),
		...formCases(
			units('grant'),
			'admin',
			`/admin/units/${root}?/grant`,
			[
				['username', 'khong-co-ai'],
				['role', 'committee']
			],
			{ keep: ['username'], label: 'an unknown account' }
		).slice(0, 1),
		...formCases(
			units('revoke'),
			'admin',
			`/admin/units/${root}?/revoke`,
			[
				['userId', 'abc'],
				['role', 'committee']
			],
			{ keep: ['userId'], label: 'a user id in words' }
		),
		// Members.
		...formCases(members('update'), 'admin', '/admin/members/999999?/update', memberFields, {
			label: 'an unknown member'
		}),
		...formCases(
			members('move'),
			'admin',
			'/admin/members/999999?/move',
			[
				['chapterId', String(chapter)],
				['onDate', today()]
			],
			{ label: 'an unknown member' }
		),
		...formCases(members('deactivate'), 'admin', '/admin/members/999999?/deactivate', [], {
			label: 'an unknown member',
			readsForm: false
		}),
		...formCases(members('deactivate'), 'admin', `/admin/members/${adminId}?/deactivate`, [], {
			label: 'the administrator',
			readsForm: false
		}).slice(0, 1),
		...formCases(members('update'), 'admin', '/admin/members/abc?/update', memberFields, {
			label: 'a member id in words'
		}).slice(0, 1),
		...formCases(
			members('update'),
			'admin',
			`/admin/members/${member.id}?/update`,
			[...memberFields.filter(([n]) => n !== 'dateOfBirth'), ['dateOfBirth', '2026-02-30']],
			{ keep: ['dateOfBirth'], label: 'a day that does not exist' }
		),
		...formCases(
			members('update'),
			'admin',
			`/admin/members/${member.id}?/update`,
			[...memberFields.filter(([n]) => n !== 'targetGroup'), ['targetGroup', 'Z']],
			{ keep: ['targetGroup'], label: 'an unknown group' }
		).slice(0, 1),
		...formCases(
			members('update'),
			'admin',
			`/admin/members/${member.id}?/update`,
			[...memberFields.filter(([n]) => n !== 'dateOfBirth'), ['dateOfBirth', '2026-13-45']],
			{ label: 'month 13' }
		).slice(0, 1),
		...formCases(
			members('move'),
			'admin',
			`/admin/members/${member.id}?/move`,
			[
				['chapterId', String(ids.otherChapter)],
				['onDate', '2026-13-45']
			],
			{ label: 'month 13' }
		).slice(0, 1),
		...formCases(
			'POST /admin/periods create',
			'admin',
			'/admin/periods?/create',
			[...periodFields.filter(([n]) => n !== 'opensOn'), ['opensOn', '2026-13-45']],
			{ label: 'month 13' }
		).slice(0, 1),
		...formCases(
			'POST /admin/periods/[id] extend',
			'admin',
			`/admin/periods/${openPeriod}?/extend`,
			[['deadline', '2099-13-45']],
			{ label: 'month 13' }
		).slice(0, 1),
		...formCases(
			members('move'),
			'admin',
			`/admin/members/${member.id}?/move`,
			[
				['chapterId', String(chapter)],
				['onDate', today()]
			],
			{ label: 'to the chapter they are in' }
		).slice(0, 1),
		...formCases(
			members('move'),
			'admin',
			`/admin/members/${member.id}?/move`,
			[
				['chapterId', String(root)],
				['onDate', today()]
			],
			{ label: 'to a unit that is not a chapter' }
		).slice(0, 1),
		...formCases(
			members('move'),
			'admin',
			`/admin/members/${member.id}?/move`,
			[
				['chapterId', String(ids.otherChapter)],
				['onDate', '31/12/2026']
			],
			{ keep: ['onDate'], label: 'a date written the Vietnamese way' }
		),
		...formCases(
			'POST /admin/members/new default',
			'admin',
			'/admin/members/new',
			[...memberFields, ['username', 'nguoimoi01'], ['chapterId', '999999']],
			{ keep: ['chapterId'], label: 'an unknown chapter' }
		),
		...formCases(
			'POST /admin/members/new default',
			'admin',
			'/admin/members/new',
			[...memberFields, ['username', 'dangvien001'], ['chapterId', String(chapter)]],
			{ keep: ['username'], label: 'a login id in use' }
		).slice(0, 1),
		...formCases(
			'POST /admin/members/new default',
			'admin',
			'/admin/members/new',
			[...memberFields, ['username', 'Tên Có Dấu'], ['chapterId', String(chapter)]],
			{ keep: ['username'], label: 'a login id with diacritics' }
		).slice(0, 1),
		// Periods.
		...formCases(
			'POST /admin/periods create',
			'admin',
			'/admin/periods?/create',
			[...periodFields.filter(([n]) => n !== 'unitId'), ['unitId', '999999']],
			{ keep: ['unitId'], label: 'an unknown unit' }
		),
		...formCases(
			'POST /admin/periods create',
			'admin',
			'/admin/periods?/create',
			[...periodFields.filter(([n]) => n !== 'templateVersionId'), ['templateVersionId', '999999']],
			{ keep: ['templateVersionId'], label: 'an unknown template version' }
		).slice(0, 1),
		...formCases(
			'POST /admin/periods create',
			'admin',
			'/admin/periods?/create',
			[...periodFields.filter(([n]) => n !== 'deadline'), ['deadline', '2000-01-01']],
			{ keep: ['deadline'], label: 'a deadline before the opening' }
		).slice(0, 1),
		...formCases(
			'POST /admin/periods create',
			'admin',
			'/admin/periods?/create',
			[...periodFields.filter(([n]) => n !== 'year'), ['year', '2026.5']],
			{ keep: ['year'], label: 'a fractional year' }
		).slice(0, 1),
		...formCases(
			'POST /admin/periods/[id] extend',
			'admin',
			'/admin/periods/999999?/extend',
			[['deadline', '2099-12-31']],
			{ label: 'an unknown period' }
		),
		...formCases('POST /admin/periods/[id] close', 'admin', '/admin/periods/999999?/close', [], {
			label: 'an unknown period',
			readsForm: false
		}),
		...formCases('POST /admin/periods/[id] close', 'admin', `/admin/periods/${closedPeriod}?/close`, [], {
			label: 'a closed period',
			readsForm: false
		}).slice(0, 1),
		// Reopening a closed year: only with a reason, only a closed period, only a known one.
		...formCases(
			'POST /admin/periods/[id] reopen',
			'admin',
			`/admin/periods/${openPeriod}?/reopen`,
			[['reason', 'Sửa sai sót của năm']],
			{ label: 'an open period' }
		),
		...formCases(
			'POST /admin/periods/[id] reopen',
			'admin',
			`/admin/periods/${closedPeriod}?/reopen`,
			[['reason', ' ab ']],
			{
				keep: ['reason'],
				label: 'a reason too short'
			}
		),
		...formCases(
			'POST /admin/periods/[id] reopen',
			'admin',
			'/admin/periods/999999?/reopen',
			[['reason', 'Sửa sai sót']],
			{
				label: 'an unknown period'
			}
		).slice(0, 1),
		...formCases(
			'POST /admin/periods/[id] extend',
			'admin',
			`/admin/periods/${closedPeriod}?/extend`,
			[['deadline', '2099-12-31']],
			{ label: 'a closed period' }
		),
		...formCases(
			'POST /admin/periods/[id] extend',
			'admin',
			`/admin/periods/${openPeriod}?/extend`,
			[['deadline', '2000-01-01']],
			{ keep: ['deadline'], label: 'an earlier deadline' }
		).slice(0, 1),
		...formCases(
			'POST /admin/periods/[id] extend',
			'admin',
			`/admin/periods/${openPeriod}?/extend`,
			[['deadline', 'ngày mai']],
			{ keep: ['deadline'], label: 'a deadline in words' }
		).slice(0, 1),
		// The 27 signs.
		...formCases(
			'POST /admin/signs save',
			'admin',
			'/admin/signs?/save',
			[
				['signId', 'X9'],
				['text', 'Nội dung biểu hiện đã sửa'],
				['official', 'on'],
				['source', 'Nguồn']
			],
			{ keep: ['signId'], label: 'an unknown sign' }
		),
		...formCases(
			'POST /admin/signs save',
			'admin',
			'/admin/signs?/save',
			[
				['signId', '1'],
				['text', 'ngắn'],
				['official', 'on'],
				['source', '']
			],
			{ keep: ['signId', 'text'], label: 'a text too short' }
		).slice(0, 1),
		// Templates.
		...templateCases('POST /admin/templates import', '/admin/templates?/import'),
		...templateCases('POST /admin/templates/[id] newVersion', `/admin/templates/${templateVersion}?/newVersion`),
		getCase('GET /admin/templates/[id]/export', 'admin', '/admin/templates/999999/export', 'an unknown version', 404),
		getCase('GET /admin/templates/[id]/export', 'admin', '/admin/templates/abc/export', 'a version id in words', 404),
		// Member import: nothing stored by a check, nothing imported from a file with errors.
		...uploadCases('POST /admin/import preview', '/admin/import?/preview'),
		...uploadCases('POST /admin/import commit', '/admin/import?/commit'),
		...formCases('POST /admin/import commit', 'admin', '/admin/import?/commit', [['file', importCsv]], {
			keep: ['file'],
			label: 'the file as a text field'
		}),
		...formCases('POST /admin/import dismiss', 'admin', '/admin/import?/dismiss', [['job', 'khong-co-luot-nay']], {
			label: 'an import that is not there',
			status: 404
		}),
		// Passwords.
		...formCases('POST /admin/users/[id]/reset-password default', 'admin', '/admin/users/999999/reset-password', [], {
			label: 'an unknown account',
			readsForm: false
		}),
		...formCases('POST /admin/users/[id]/reset-password default', 'admin', '/admin/users/abc/reset-password', [], {
			label: 'an id in words',
			readsForm: false
		}).slice(0, 1),
		...formCases(
			'POST /admin/users/[id]/reset-password default',
			'admin',
			`/admin/users/${adminId}/reset-password`,
			[],
			{ label: 'their own', readsForm: false }
		).slice(0, 1),
		// The health check only answers GET.
		{
			route: 'GET /health',
			who: 'admin',
			method: 'POST',
			url: '/health',
			what: 'a POST',
			accept: 'text/html',
			bug: 'method'
		}
	];
}

function signInCases(): Case[] {
	const route = 'POST /login default' as const;
	return [
		...formCases(
			route,
			'anon',
			'/login',
			[
				['username', ''],
				['password', DEMO_PASSWORD]
			],
			{ keep: ['username'], label: 'no login id' }
		),
		...formCases(
			route,
			'anon',
			'/login',
			[
				['username', MB],
				['password', DEMO_PASSWORD]
			],
			{ keep: ['username'], label: 'a login id of 1 MB' }
		).slice(0, 1),
		...formCases(route, 'anon', '/login', [['username', 'dangvien001']], { label: 'no password' }).slice(0, 1),
		...formCases(
			route,
			'anon',
			'/login',
			[
				['username', 'dangvien001'],
				['password', 'sai-mat-khau']
			],
			{ keep: ['username', 'password'], label: 'a wrong password' }
		).slice(0, 2),
		...formCases(
			route,
			'anon',
			'/login',
			[
				['username', SCRIPT],
				['password', SCRIPT]
			],
			{ keep: ['username', 'password'], label: 'script as login id and password' }
		).slice(0, 1),
		{
			route,
			who: 'anon',
			method: 'POST',
			url: '/login',
			what: 'a body over the server limit',
			body: Buffer.alloc(7_000_000, 0x61),
			type: FORM,
			accept: 'text/html',
			bug: 'tooLarge'
		},
		{
			route: 'GET /health',
			who: 'anon',
			method: 'PUT',
			url: '/health',
			what: 'a PUT',
			accept: 'text/html',
			bug: 'method'
		}
	];
}

// --- The tests ----------------------------------------------------------------------------------------------

describe('the list of actions and endpoints under test', () => {
	it('is every form action and endpoint in src/routes', () => {
		const found: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const file = join(dir, name);
				if (statSync(file).isDirectory()) walk(file);
				else if (name === '+page.server.ts' || name === '+server.ts') {
					const path =
						'/' +
						relative(join(ROOT, 'src/routes'), dir)
							.split('\\')
							.join('/')
							.replace(/\([^)]*\)\/?/g, '')
							.replace(/=\w+\]/g, ']');
					const source = readFileSync(file, 'utf8');
					const clean = path.replace(/\/$/, '') || '/';
					if (name === '+server.ts')
						for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
							found.push(routeKey(m[1], clean, ''));
					const actions = /export const actions[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source);
					if (actions)
						for (const m of actions[1].matchAll(/^\t(?:\/\*\*.*\*\/\s*\t)?(\w+):/gm))
							found.push(routeKey('POST', clean, m[1]));
				}
			}
		};
		walk(join(ROOT, 'src/routes'));
		expect(found.sort()).toEqual(ROUTES.map(([m, p, a]) => routeKey(m, p, a)).sort());
	});
});

describe('hostile requests', () => {
	it('to sign-in are refused with a Vietnamese message; only the failed-attempt counter changes', async () => {
		await refusedWithoutChange(signInCases(), ['login_throttle']);
	}, 60_000);

	it("from a member — other people's sheets, wrong types, 1 MB fields, broken bodies — are refused, nothing written", async () => {
		// A wrong current password is counted, as on the sign-in page.
		await refusedWithoutChange(memberCases(), ['login_throttle']);
	}, 60_000);

	it("from a secretary — another chapter's sheets, wrong states, bad forms — are refused, nothing written", async () => {
		await refusedWithoutChange(secretaryCases());
	}, 60_000);

	it('from a committee user — deciding on a sheet, unknown units — are refused, nothing written', async () => {
		await refusedWithoutChange(committeeCases());
	}, 60_000);

	it('from the administrator — unknown ids, impossible moves, bad files — are refused, nothing written', async () => {
		await refusedWithoutChange(adminCases());
	}, 60_000);

	it("about leaders' tasks and example-setting — not theirs, too early, too late, bad forms — are refused, nothing written", async () => {
		await refusedWithoutChange(leaderCases());
	}, 60_000);

	it('cover every action and endpoint in the list', () => {
		console.log(`${covered.length} hostile requests from the table over ${ROUTES.length} actions and endpoints`);
		if (hiddenMessages.length > 0)
			console.log(
				`refusals with the message only in the page data (${hiddenMessages.length}):\n${[...new Set(hiddenMessages)].join('\n')}`
			);
		expect(ROUTES.map(([m, p, a]) => routeKey(m, p, a)).filter((k) => !covered.includes(k))).toEqual([]);
	});
});

describe('generated hostile input (fast-check)', () => {
	// FC_RUNS=800 npx vitest run tests/faults/hostile.spec.ts for a longer hunt.
	const runs = { numRuns: Number(process.env.FC_RUNS ?? 30), endOnFailure: true };
	const check = async (c: Case) => {
		const answer = await send(c);
		const problems = problemsOf(c, answer);
		if (problems.length === 0) return;
		if (c.bug && KNOWN_BUGS[c.bug].shows(answer)) knownBugOutcomes.push({ c, problems, known: true });
		else throw new Error(describeOutcome({ c, problems }));
	};
	/** A deadline the dateCrash bug turns into a 500: Date.parse reads it, `${v}T00:00:00Z` is no date. */
	const crashes = (v: unknown) =>
		typeof v === 'string' && !Number.isNaN(Date.parse(v)) && Number.isNaN(new Date(`${v}T00:00:00Z`).getTime());

	it('any JSON value as an autosave body is refused, nothing written', async () => {
		const before = snapshotDb(dbFile);
		const current = ids.member.revision;
		const accepted = (v: unknown) =>
			typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { revision?: unknown }).revision === current;
		await fc.assert(
			fc.asyncProperty(
				fc.jsonValue().filter((v) => !accepted(v)),
				(v) => check(apiCase('member', ids.member.sheet, `JSON ${JSON.stringify(v).slice(0, 80)}`, JSON.stringify(v)))
			),
			runs
		);
		// Near misses: the shape of a save with wrong types inside, from a revision that is not the sheet's.
		const codes = fc.oneof(fc.constantFrom(...ids.member.codes), fc.string());
		// Deadlines of the YYYY-MM-DD shape with any numbers. Those that hit the dateCrash bug are excused
		// as that bug (and only when the answer is its 500); free text would hit it too often to find more.
		const pad = (n: number, width: number) => String(n).padStart(width, '0');
		const deadline = fc.oneof(
			fc.tuple(fc.nat(9999), fc.nat(99), fc.nat(99)).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
			fc.constant(null),
			fc.integer()
		);
		const answer = fc.record(
			{
				level: fc.jsonValue(),
				note: fc.oneof(fc.string(), fc.integer(), fc.array(fc.string())),
				actionDeadline: deadline
			},
			{ requiredKeys: [] }
		);
		// The three texts with values of any type (an unknown text is the englishZod case above).
		const texts = fc.dictionary(
			fc.constantFrom('strengths', 'shortcomings', 'commitment'),
			fc.oneof(fc.string(), fc.jsonValue())
		);
		const payload = fc
			.record(
				{
					revision: fc.oneof(
						fc.integer({ min: current + 1 }),
						fc.integer({ max: current - 1 }),
						fc.string(),
						fc.double()
					),
					answers: fc.dictionary(codes, answer),
					texts
				},
				{ requiredKeys: ['revision'] }
			)
			.filter((p) => p.revision !== current);
		await fc.assert(
			fc.asyncProperty(payload, (v) => {
				const bug = Object.values(v.answers ?? {}).some((a) => crashes(a.actionDeadline)) ? 'dateCrash' : undefined;
				return check(
					apiCase('member', ids.member.sheet, `near miss ${JSON.stringify(v).slice(0, 80)}`, JSON.stringify(v), { bug })
				);
			}),
			runs
		);
		expect(changedTables(before, snapshotDb(dbFile))).toEqual([]);
	}, 60_000);

	it('any fields and text in the sheet form, the review form and an admin form are refused, nothing written', async () => {
		const before = snapshotDb(dbFile);
		const text = fc.string({ unit: 'binary', maxLength: 200 });
		// The member's own sheet without a revision: whatever fields come, nothing can be saved.
		const fields = fc.array(
			fc.tuple(
				fc.oneof(
					fc.string(),
					fc.constantFrom(...ids.member.codes.flatMap((c) => [`level.${c}`, `note.${c}`, `deadline.${c}`])),
					fc.constantFrom('strengths', 'commitment')
				),
				text
			),
			{ maxLength: 8 }
		);
		await fc.assert(
			fc.asyncProperty(fields, (f) => {
				const body = urlencoded(f.filter(([name]) => name !== 'revision'));
				const bug = f.some(([name, value]) => name.startsWith('deadline.') && crashes(value)) ? 'dateCrash' : undefined;
				return check({
					route: 'POST /sheets/[id] save',
					who: 'member',
					method: 'POST',
					url: `/sheets/${ids.member.sheet}?/save`,
					what: `fields ${body.slice(0, 80)}`,
					body,
					type: FORM,
					accept: 'text/html',
					bug
				});
			}),
			runs
		);
		// Any text in another chapter's sheet or an unknown unit is still refused.
		await fc.assert(
			fc.asyncProperty(text, text, (assessment, reason) => {
				const body = urlencoded([
					['assessment', assessment],
					['finalRating', 'tot'],
					['reason', reason]
				]);
				return check({
					route: 'POST /chapters/[id]/sheets/[sheetId] approve',
					who: 'secretary',
					method: 'POST',
					url: `/chapters/${ids.chapter}/sheets/${ids.otherSubmitted}?/approve`,
					what: `text ${body.slice(0, 80)}`,
					body,
					type: FORM,
					accept: 'text/html'
				});
			}),
			runs
		);
		await fc.assert(
			fc.asyncProperty(text, (name) => {
				const body = urlencoded([['name', name]]);
				return check({
					route: 'POST /admin/units/[id] rename',
					who: 'admin',
					method: 'POST',
					url: '/admin/units/999999?/rename',
					what: `name ${body.slice(0, 80)}`,
					body,
					type: FORM,
					accept: 'text/html'
				});
			}),
			runs
		);
		expect(changedTables(before, snapshotDb(dbFile))).toEqual([]);
	}, 60_000);
});

describe('text that is rightly accepted', () => {
	const NOTE = '<script>alert("tusoi-note")</script><img src=x onerror=alert(2)>';
	const STRENGTHS = '</textarea><script>alert("tusoi-strengths")</script>';
	const NAME = 'Nguyễn <b>Thử</b> <script>alert(3)</script>';
	const POSITION = '=HYPERLINK("http://evil.example";"bấm vào đây")';
	const REASON = '<i>Lý do</i> <script>alert(5)</script>';
	const ASSESSMENT = '</textarea><script>alert("tusoi-assessment")</script> Hoàn thành tốt';
	const raw = [NOTE, STRENGTHS, NAME, REASON, ASSESSMENT].map((t) => t.slice(t.indexOf('<script>')));

	/** Fails when any of the posted scripts is in the HTML as markup rather than as text. */
	function expectEscaped(html: string, shown: string[]) {
		for (const script of raw) expect(html).not.toContain(script.slice(0, script.indexOf('</script>')));
		expect(html).not.toContain('<img src=x onerror');
		// Svelte escapes & and < (and " in attributes); > may stay as it is.
		for (const text of shown) {
			const lt = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
			const forms = [
				lt,
				lt.replace(/>/g, '&gt;'),
				lt.replace(/"/g, '&quot;'),
				lt.replace(/>/g, '&gt;').replace(/"/g, '&quot;')
			].map((f) => f.slice(0, 30));
			expect(
				forms.some((f) => html.includes(f)),
				`«${text}» shown escaped`
			).toBe(true);
		}
	}
	const squash = (s: string) => s.normalize('NFC').replace(/\s+/gu, '');
	function pdfText(pdf: Buffer): string {
		const file = join(temp.dir, `${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
		writeFileSync(file, pdf);
		return squash(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/Trang \d+\/\d+/gu, ''));
	}
	async function get(path: string, who: Exclude<Who, 'anon'>, type: string) {
		const answer = await request(server, path, { cookie: cookies[who] });
		expect(answer.status, `${path}: ${answer.text.slice(0, 200)}`).toBe(200);
		expect(answer.contentType).toContain(type);
		return answer;
	}

	it("a member's note and strengths with script are saved and shown as text in the page and the PDF", async () => {
		const { member } = ids;
		const saved = await request(server, `/api/sheets/${member.sheet}`, {
			method: 'POST',
			cookie: cookies.member,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				revision: member.revision,
				answers: { [member.codes[0]]: { level: 1, note: NOTE } },
				texts: { strengths: STRENGTHS }
			})
		});
		expect(saved.status, saved.text).toBe(200);
		expectEscaped((await get(`/sheets/${member.sheet}`, 'member', 'text/html')).text, [NOTE, STRENGTHS]);
		// Not handed in, so the secretary's page shows none of it (a draft is the member's).
		const review = (await get(`/chapters/${ids.chapter}/sheets/${member.sheet}`, 'secretary', 'text/html')).text;
		expectEscaped(review, []);
		expect(review).not.toContain('tusoi-note');
		expect(review).not.toContain('tusoi-strengths');
		const pdf = pdfText((await get(`/sheets/${member.sheet}/report.pdf`, 'member', 'application/pdf')).body);
		expect(pdf).toContain(squash(NOTE));
		expect(pdf).toContain(squash(STRENGTHS));
	}, 30_000);

	it('a name and a position with script or a formula are stored as typed and shown as text everywhere', async () => {
		const { member, chapter } = ids;
		const group = member.group;
		const dateOfBirth = readDb(
			dbFile,
			(db) => (db.prepare('select date_of_birth as d from member where user_id = ?').get(member.id) as { d: string }).d
		);
		const updated = await request(server, `/admin/members/${member.id}?/update`, {
			method: 'POST',
			cookie: cookies.admin,
			headers: { accept: 'text/html', 'content-type': FORM },
			body: urlencoded([
				['fullName', NAME],
				['dateOfBirth', dateOfBirth],
				['position', POSITION],
				['targetGroup', group]
			])
		});
		expect(updated.status, messageOf(updated) ?? '').toBe(200);
		expectEscaped(updated.text, [NAME]);
		expectEscaped((await get(`/chapters/${chapter}`, 'secretary', 'text/html')).text, [NAME]);
		expectEscaped((await get(`/admin/members/${member.id}`, 'admin', 'text/html')).text, [NAME]);

		// CSV: the text as typed; a formula is neutralised with a leading apostrophe.
		const csv = (await get(`/chapters/${chapter}/export.csv`, 'secretary', 'text/csv')).text;
		expect(csv).toContain(NAME);
		expect(csv).toContain(`"'${POSITION.replace(/"/g, '""')}"`);
		// XLSX: plain text cells, never a formula.
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			new Uint8Array((await get(`/chapters/${chapter}/export.xlsx`, 'secretary', 'spreadsheetml')).body)
				.buffer as ArrayBuffer
		);
		const cells: ExcelJS.CellValue[] = [];
		workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
		expect(cells).toContain(NAME);
		expect(cells).toContain(`'${POSITION}`);
		expect(cells.filter((v) => typeof v === 'object' && v !== null && 'formula' in v)).toEqual([]);
		// PDFs: the personal report and the chapter's bundle.
		expect(pdfText((await get(`/sheets/${member.sheet}/report.pdf`, 'member', 'application/pdf')).body)).toContain(
			squash(NAME)
		);
		expect(pdfText((await get(`/chapters/${chapter}/bundle.pdf`, 'secretary', 'application/pdf')).body)).toContain(
			squash(NAME)
		);
	}, 60_000);

	it("a secretary's assessment and reason with script are stored and shown as text in the page, the exports and the PDF", async () => {
		const { chapter, submitted } = ids;
		const finalRating = RATINGS.find((r) => r !== submitted.rating)!;
		const approved = await request(server, `/chapters/${chapter}/sheets/${submitted.id}?/approve`, {
			method: 'POST',
			cookie: cookies.secretary,
			headers: { accept: 'text/html', 'content-type': FORM },
			body: urlencoded([
				['revision', String(submitted.revision)],
				['assessment', ASSESSMENT],
				['finalRating', finalRating],
				['reason', REASON]
			])
		});
		expect(approved.status, messageOf(approved) ?? approved.text.slice(0, 200)).toBe(303);
		expectEscaped((await get(`/chapters/${chapter}/sheets/${submitted.id}`, 'secretary', 'text/html')).text, [
			ASSESSMENT,
			REASON
		]);
		expect((await get(`/chapters/${chapter}/export.csv`, 'secretary', 'text/csv')).text).toContain(REASON);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			new Uint8Array((await get(`/units/${ids.root}/export.xlsx`, 'committee', 'spreadsheetml')).body)
				.buffer as ArrayBuffer
		);
		const cells: ExcelJS.CellValue[] = [];
		workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
		expect(cells).toContain(REASON);
		const pdf = pdfText(
			(await get(`/chapters/${chapter}/sheets/${submitted.id}/report.pdf`, 'committee', 'application/pdf')).body
		);
		expect(pdf).toContain(squash(ASSESSMENT));
		expect(pdf).toContain(squash(REASON));
	}, 60_000);
});

describe('bugs found by these tests, now fixed', () => {
	// Run last: while the bug stands this request writes a template version.
	it(`unknownVersion: ${KNOWN_BUGS.unknownVersion.why}`, async () => {
		const exported = await request(server, `/admin/templates/${ids.templateVersion}/export`, { cookie: cookies.admin });
		expect(exported.status).toBe(200);
		const before = snapshotDb(dbFile);
		const answer = await request(server, '/admin/templates/999999?/newVersion', {
			method: 'POST',
			cookie: cookies.admin,
			headers: { accept: 'text/html', 'content-type': FORM },
			body: urlencoded([
				['json', exported.text],
				['note', 'Phiên bản của một mẫu không có']
			])
		});
		expect(answer.status).toBe(404);
		expect(changedTables(before, snapshotDb(dbFile))).toEqual([]);
	});

	/** The table's cases flagged with a bug, built afresh so that a bug's test sends its own requests. */
	function casesOf(bug: Bug): Case[] {
		const all = [...signInCases(), ...memberCases(), ...secretaryCases(), ...committeeCases(), ...adminCases()];
		for (const c of all) c.bug ??= KNOWN_CASES.find((k) => k.route.test(c.route) && k.what.test(c.what))?.bug;
		return all.filter((c) => c.bug === bug);
	}

	for (const [bug, { why }] of Object.entries(KNOWN_BUGS).filter(([b]) => b !== 'unknownVersion')) {
		it(`${bug}: ${why}`, async () => {
			const cases = casesOf(bug as Bug);
			expect(cases.length).toBeGreaterThan(0);
			const before = snapshotDb(dbFile);
			const wrong: string[] = [];
			for (const c of cases) {
				const problems = problemsOf(c, await send(c));
				if (problems.length > 0) wrong.push(describeOutcome({ c, problems }));
			}
			expect(wrong).toEqual([]);
			expect(changedTables(before, snapshotDb(dbFile)).filter((t) => t !== 'login_throttle')).toEqual([]);
			// And none of the requests the other tests sent (the generated ones too) showed it.
			expect(knownBugOutcomes.filter((o) => o.c.bug === bug).map(describeOutcome)).toEqual([]);
		}, 60_000);
	}
});
