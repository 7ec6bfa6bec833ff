// The rules of the sheet's autosave, as a pure state machine: what is waiting, what to send next, what each
// server answer means, and what the tab keeps in localStorage. No fetch, no storage, no timers: the runes
// wrapper (autosave.svelte.ts) does those and asks this module what to do, so the rules can be tested alone.
import type { AnswerEntry, ProgressEntry, SheetTexts } from '$lib/domain/sheet';
import type { SectionValue } from '$lib/domain/sections';

/** One sign's answer as a save carries it: `sectionNone` says the level was set for the rest of its section at once. */
export type AnswerChange = Partial<AnswerEntry> & { sectionNone?: boolean };

/** A change to one section of the Bản kiểm điểm: each part whole (a list's items are sent all together). */
export type SectionChange = Partial<SectionValue>;

/** Changes not yet confirmed by the server, field by field, newest value of each. */
export interface PendingChanges {
	answers: Record<string, AnswerChange>;
	texts: Partial<SheetTexts>;
	progress: Record<string, Partial<ProgressEntry>>;
	/** The Bản kiểm điểm's own sections, by key. */
	sections: Record<string, SectionChange>;
	/** Answers to gợi ý kiểm điểm, by question id. */
	questions: Record<string, { answer: string }>;
}

/** What the save status line shows. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'error' | 'conflict' | 'expired';

/** One thing the member typed or chose. */
export type Edit =
	| { kind: 'answer'; code: string; field: keyof AnswerChange; value: AnswerChange[keyof AnswerChange] }
	| { kind: 'text'; field: keyof SheetTexts; value: string }
	| { kind: 'progress'; code: string; field: keyof ProgressEntry; value: ProgressEntry[keyof ProgressEntry] }
	| { kind: 'section'; key: string; change: SectionChange }
	| { kind: 'question'; id: string; answer: string };

/** The autosave of one sheet in one tab. */
export interface SaveQueue {
	/** The server's revision the next save starts from. */
	readonly revision: number;
	/** Typed and not sent yet. */
	readonly pending: PendingChanges;
	/** Sent and not answered yet. */
	readonly inFlight: PendingChanges | null;
	readonly state: SaveState;
	readonly message: string;
	readonly savedAt: number | null;
	/** Failed sends in a row, for the retry schedule. */
	readonly attempts: number;
}

/** A transition's result: the new queue, and in how many ms to try sending (null: leave the timer alone). */
export interface Step {
	queue: SaveQueue;
	wake: number | null;
}

/** A save request: the revision it starts from and only what changed since. */
export interface SaveRequest {
	revision: number;
	changes: PendingChanges;
}

/** The server's answer to a save, as far as the queue cares. */
export type SaveAnswer =
	| { kind: 'saved'; revision: number; savedAt: number }
	| { kind: 'offline' }
	| { kind: 'unavailable'; message: string }
	| { kind: 'expired'; message: string }
	| { kind: 'conflict'; message: string }
	| { kind: 'refused'; message: string };

/** What a tab keeps in localStorage: its unconfirmed changes and the revision they were typed on. */
export interface StoredCopy {
	baseRevision: number;
	pending: PendingChanges;
	/** When the copy was last written (ms). */
	at?: number;
	/** Written as its tab was being closed or hidden: nobody else is going to send it. */
	closed?: boolean;
}

/** Typing pauses this long before a save goes out. */
export const DEBOUNCE_MS = 700;
const RETRY_MS = [2000, 5000, 10000, 30000];
/** A copy written this recently belongs to a tab that is still open and saving it itself. */
export const OPEN_TAB_MS = 60_000;

const OFFLINE_MESSAGE = 'Mất kết nối. Những gì bạn nhập vẫn được giữ trên máy này và sẽ tự lưu lại khi có mạng.';
const DEFAULT_MESSAGE = 'Không lưu được phiếu.';

/** No changes. */
export const emptyChanges = (): PendingChanges => ({
	answers: {},
	texts: {},
	progress: {},
	sections: {},
	questions: {}
});

/** How many fields, signs, plan lines, sections and answers a set of changes names (restored from the device, say). */
export const changeCount = (p: PendingChanges) =>
	Object.keys(p.answers).length +
	Object.keys(p.texts).length +
	Object.keys(p.progress).length +
	Object.keys(p.sections).length +
	Object.keys(p.questions).length;

/** True when there is nothing to save. */
export const isEmpty = (p: PendingChanges) => changeCount(p) === 0;

/** Changes kept by an older build (before sections went through the queue) with the parts they lack. */
function complete(p: Partial<PendingChanges>): PendingChanges {
	return { ...emptyChanges(), ...p } as PendingChanges;
}

/** `newer` on top of `older`, field by field. */
export function mergeChanges(older: PendingChanges, newer: PendingChanges): PendingChanges {
	const merged = emptyChanges();
	for (const code of new Set([...Object.keys(older.answers), ...Object.keys(newer.answers)])) {
		merged.answers[code] = { ...older.answers[code], ...newer.answers[code] };
	}
	merged.texts = { ...older.texts, ...newer.texts };
	for (const code of new Set([...Object.keys(older.progress), ...Object.keys(newer.progress)])) {
		merged.progress[code] = { ...older.progress[code], ...newer.progress[code] };
	}
	for (const key of new Set([...Object.keys(older.sections), ...Object.keys(newer.sections)])) {
		merged.sections[key] = { ...older.sections[key], ...newer.sections[key] };
	}
	merged.questions = { ...older.questions, ...newer.questions };
	return merged;
}

/** Ms to wait before the given failed attempt (1 for the first) is tried again: 2 s, 5 s, 10 s, then every 30 s. */
export function retryDelay(attempt: number): number {
	return RETRY_MS[Math.min(Math.max(attempt, 1), RETRY_MS.length) - 1];
}

/** A queue for a sheet loaded at `revision`, last saved at `savedAt`. */
export function createQueue(revision: number, savedAt: number | null): SaveQueue {
	return { revision, pending: emptyChanges(), inFlight: null, state: 'idle', message: '', savedAt, attempts: 0 };
}

/** Stops sending: the next save would overwrite someone else's, or cannot succeed until the page reloads. */
const stopped = (q: SaveQueue) => q.state === 'conflict';
/** States an edit must not hide: the member still has to act on them. */
const needsMember = (q: SaveQueue) => q.state === 'conflict' || q.state === 'expired';

/** Takes one edit; the save goes out after a pause in typing. */
export function edit(q: SaveQueue, change: Edit): Step {
	const one = emptyChanges();
	if (change.kind === 'answer') one.answers[change.code] = { [change.field]: change.value };
	else if (change.kind === 'text') one.texts[change.field] = change.value;
	else if (change.kind === 'section') one.sections[change.key] = change.change;
	else if (change.kind === 'question') one.questions[change.id] = { answer: change.answer };
	else one.progress[change.code] = { [change.field]: change.value };
	const queue = { ...q, pending: mergeChanges(q.pending, one), state: needsMember(q) ? q.state : 'pending' };
	return { queue, wake: stopped(q) ? null : DEBOUNCE_MS };
}

/** The next save to send, or null: one in flight at a time, nothing after a conflict, nothing when all is saved. */
export function startSend(q: SaveQueue): { queue: SaveQueue; request: SaveRequest } | null {
	if (q.inFlight || stopped(q) || isEmpty(q.pending)) return null;
	return {
		queue: { ...q, inFlight: q.pending, pending: emptyChanges(), state: 'saving' },
		request: { revision: q.revision, changes: q.pending }
	};
}

/** Reads the autosave endpoint's answer. */
export function readAnswer(
	status: number,
	body: { message?: unknown; revision?: unknown; savedAt?: unknown },
	now: number
): SaveAnswer {
	if (status >= 200 && status < 300 && typeof body.revision === 'number')
		return { kind: 'saved', revision: body.revision, savedAt: typeof body.savedAt === 'number' ? body.savedAt : now };
	const message = typeof body.message === 'string' ? body.message : DEFAULT_MESSAGE;
	if (status === 401) return { kind: 'expired', message };
	if (status === 409) return { kind: 'conflict', message };
	if (status >= 500 || status === 429) return { kind: 'unavailable', message };
	return { kind: 'refused', message };
}

/** Applies the answer to the save in flight. Whatever was not saved goes back under what was typed meanwhile. */
export function receive(q: SaveQueue, answer: SaveAnswer): Step {
	if (!q.inFlight) return { queue: q, wake: null };
	if (answer.kind === 'saved') {
		const more = !isEmpty(q.pending);
		const queue: SaveQueue = {
			...q,
			inFlight: null,
			revision: answer.revision,
			savedAt: answer.savedAt,
			attempts: 0,
			message: '',
			state: more ? 'pending' : 'saved'
		};
		return { queue, wake: more ? 0 : null };
	}
	const back: SaveQueue = { ...q, inFlight: null, pending: mergeChanges(q.inFlight, q.pending) };
	switch (answer.kind) {
		case 'offline':
		case 'unavailable': {
			const attempts = q.attempts + 1;
			const message = answer.kind === 'offline' ? OFFLINE_MESSAGE : `${answer.message} Đang thử lại…`;
			const state = answer.kind === 'offline' ? 'offline' : 'error';
			return { queue: { ...back, attempts, state, message }, wake: retryDelay(attempts) };
		}
		case 'expired':
		case 'conflict':
			return { queue: { ...back, state: answer.kind, message: answer.message }, wake: null };
		case 'refused':
			return { queue: { ...back, state: 'error', message: answer.message }, wake: null };
	}
}

/** The server's revision moved by a save made outside the queue (the form's own submit). */
export function rebase(q: SaveQueue, revision: number): SaveQueue {
	return { ...q, revision };
}

/**
 * What this tab keeps in localStorage: everything not confirmed, in flight included (the answer may never
 * come), at the revision it was typed on. Null: nothing to keep, the copy is removed.
 */
export function localCopy(q: SaveQueue, now: number): StoredCopy | null {
	const unconfirmed = q.inFlight ? mergeChanges(q.inFlight, q.pending) : q.pending;
	return isEmpty(unconfirmed) ? null : { baseRevision: q.revision, pending: unconfirmed, at: now };
}

/** A stored copy, null when there is none or it is empty, 'unreadable' when it cannot be understood. */
export function parseCopy(text: string | null): StoredCopy | null | 'unreadable' {
	let value: unknown;
	try {
		value = JSON.parse(text ?? 'null');
	} catch {
		return 'unreadable';
	}
	if (value === null) return null;
	const copy = value as Partial<StoredCopy>;
	const p = copy.pending as Partial<PendingChanges> | undefined;
	const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
	if (typeof copy.baseRevision !== 'number' || !p || ![p.answers, p.texts, p.progress].every(isRecord))
		return 'unreadable';
	if (![p.sections ?? {}, p.questions ?? {}].every(isRecord)) return 'unreadable';
	const pending = complete(p);
	return isEmpty(pending) ? null : ({ ...copy, pending } as StoredCopy);
}

/** The outcome of looking at what earlier visits left in this browser. */
export interface Restored extends Step {
	/** This tab's own changes, at the server's revision: taken and sent now. */
	restored: PendingChanges | null;
	/** Anything else left over: offered to the member, who decides. */
	stale: PendingChanges | null;
	/** The copies that make up `stale`, to remove once the member has decided. */
	staleKeys: string[];
	/** This tab's own out-of-date copy, moved aside so that typing before deciding does not overwrite it. */
	park: { key: string; copy: StoredCopy } | null;
	/** Copies of closed tabs taken into `restored`: this tab's own copy holds them from now on, so they are removed. */
	adoptedKeys: string[];
}

/** Where a tab keeps its own out-of-date copy until the member decides on it. */
export function parkKey(ownKey: string): string {
	return `${ownKey}:earlier`;
}

/**
 * Changes left from an earlier visit. This tab's own, at the server's revision (a reload, or signing in
 * again after the session expired), and those of a tab closed at that revision (closed right after an answer,
 * and opened again): sent now. Anything else (an older revision): offered, never merged behind the member's
 * back. Another tab's copy written in the last minute and not marked closed belongs to a tab that is still open
 * and is left to it.
 */
export function restore(
	q: SaveQueue,
	ownKey: string,
	copies: readonly { key: string; copy: StoredCopy }[],
	now: number
): Restored {
	const own = copies.find((c) => c.key === ownKey)?.copy ?? null;
	const parked = copies.find((c) => c.key === parkKey(ownKey))?.copy ?? null;
	const current = own !== null && own.baseRevision === q.revision;
	const park =
		own && !current
			? {
					key: parkKey(ownKey),
					copy: { ...own, pending: parked ? mergeChanges(parked.pending, own.pending) : own.pending, at: now }
				}
			: null;
	const leftovers: PendingChanges[] = [];
	const staleKeys: string[] = [];
	const mine = park?.copy ?? parked;
	if (mine) {
		leftovers.push(mine.pending);
		staleKeys.push(parkKey(ownKey));
	}
	// A tab closed at the revision the sheet is at now left changes nobody sent: they are this visit's, taken at once.
	const adopted: PendingChanges[] = [];
	const adoptedKeys: string[] = [];
	for (const { key, copy } of copies) {
		if (key === ownKey || key === parkKey(ownKey)) continue;
		if (copy.closed && copy.baseRevision === q.revision) {
			adopted.push(copy.pending);
			adoptedKeys.push(key);
			continue;
		}
		if (!copy.closed && now - (copy.at ?? 0) <= OPEN_TAB_MS) continue;
		leftovers.push(copy.pending);
		staleKeys.push(key);
	}
	const stale = leftovers.length > 0 ? leftovers.reduce(mergeChanges) : null;
	const taken = [...adopted, ...(current ? [own.pending] : [])];
	if (taken.length === 0) return { queue: q, wake: null, restored: null, stale, staleKeys, park, adoptedKeys };
	const restored = taken.reduce(mergeChanges);
	const queue: SaveQueue = { ...q, pending: mergeChanges(restored, q.pending), state: 'pending' };
	return { queue, wake: 0, restored, stale, staleKeys, park, adoptedKeys };
}

/** The member takes the leftover changes: on top of the sheet as it is, saved now. */
export function applyStale(q: SaveQueue, stale: PendingChanges): Step {
	const queue = { ...q, pending: mergeChanges(q.pending, stale), state: needsMember(q) ? q.state : 'pending' };
	return { queue, wake: stopped(q) ? null : 0 };
}

/** The key of one tab's copy of one sheet; each tab has its own, so no tab sends another's changes. */
export function copyKey(sheetId: number, tab: string): string {
	return copyPrefix(sheetId) + tab;
}

/** What every tab's copy of one sheet starts with. */
export function copyPrefix(sheetId: number): string {
	return `tusoi:sheet:${sheetId}:`;
}

/** The sheet as the server has confirmed it, as far as this browser knows. */
export interface SheetState {
	answers: Record<string, AnswerChange>;
	texts: Partial<SheetTexts>;
	progress: Record<string, Partial<ProgressEntry>>;
	sections: Record<string, SectionChange>;
	questions: Record<string, { answer: string }>;
}

/** What the browser keeps of the confirmed sheet, so that a page opened from the service worker's older copy is brought up to date. */
export interface Snapshot {
	revision: number;
	state: SheetState;
}

/** The confirmed sheet after a save of `changes`. */
export function confirmChanges(state: SheetState, changes: PendingChanges): SheetState {
	return mergeChanges(state as PendingChanges, changes);
}

/** Changes left of `changes` once those the sheet already holds are taken out (saved before the tab could hear so). */
export function dropSaved(changes: PendingChanges, state: SheetState): PendingChanges {
	const out = emptyChanges();
	for (const [code, change] of Object.entries(changes.answers)) {
		const kept = Object.entries(change).filter(([f, v]) => (state.answers[code] as Record<string, unknown>)?.[f] !== v);
		if (kept.length > 0) out.answers[code] = Object.fromEntries(kept);
	}
	for (const [f, v] of Object.entries(changes.texts))
		if (state.texts[f as keyof SheetTexts] !== v) out.texts[f as keyof SheetTexts] = v;
	for (const [code, change] of Object.entries(changes.progress)) {
		const kept = Object.entries(change).filter(
			([f, v]) => (state.progress[code] as Record<string, unknown>)?.[f] !== v
		);
		if (kept.length > 0) out.progress[code] = Object.fromEntries(kept);
	}
	// A section's parts are compared whole: a list is the same list only when every line is.
	for (const [key, change] of Object.entries(changes.sections)) {
		const held = (state.sections[key] ?? {}) as Record<string, unknown>;
		const kept = Object.entries(change).filter(([f, v]) => JSON.stringify(held[f]) !== JSON.stringify(v));
		if (kept.length > 0) out.sections[key] = Object.fromEntries(kept);
	}
	for (const [id, { answer }] of Object.entries(changes.questions))
		if (state.questions[id]?.answer !== answer) out.questions[id] = { answer };
	return out;
}

/** How many answers, texts, plan lines, sections and question answers are waiting to be sent (or not yet confirmed). */
export function waitingCount(q: SaveQueue): number {
	return changeCount(q.inFlight ? mergeChanges(q.inFlight, q.pending) : q.pending);
}

/** A kept snapshot, null when there is none or it cannot be understood. */
export function parseSnapshot(text: string | null): Snapshot | null {
	try {
		const value = JSON.parse(text ?? 'null') as Partial<Snapshot> | null;
		const st = value?.state as Partial<SheetState> | undefined;
		const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
		if (!value || typeof value.revision !== 'number' || !st || ![st.answers, st.texts, st.progress].every(isRecord))
			return null;
		if (![st.sections ?? {}, st.questions ?? {}].every(isRecord)) return null;
		return { revision: value.revision, state: complete(st) };
	} catch {
		return null;
	}
}

/** Whether a snapshot at `revision` may take the place of the one kept (`stored`): never over a newer one. */
export function replacesSnapshot(stored: string | null, revision: number): boolean {
	const kept = parseSnapshot(stored);
	return kept === null || kept.revision <= revision;
}

/** Where the confirmed sheet is kept (outside the copies' prefix, which only holds unsent changes). */
export function snapshotKey(sheetId: number): string {
	return `tusoi:confirmed:${sheetId}`;
}
