import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DEBOUNCE_MS,
	OPEN_TAB_MS,
	applyStale,
	confirmChanges,
	copyKey,
	createQueue,
	dropSaved,
	edit,
	emptyChanges,
	localCopy,
	parkKey,
	parseCopy,
	readAnswer,
	receive,
	replacesSnapshot,
	restore,
	retryDelay,
	startSend,
	waitingCount,
	type Edit,
	type PendingChanges,
	type SaveAnswer,
	type SaveQueue,
	type SectionChange,
	type StoredCopy
} from './save-queue';

const NOW = 1_750_000_000_000;
const text = (field: 'strengths' | 'shortcomings' | 'commitment', value: string): Edit => ({
	kind: 'text',
	field,
	value
});
const level = (code: string, value: 0 | 1 | 2 | 3 | null): Edit => ({ kind: 'answer', code, field: 'level', value });
const saved = (revision: number): SaveAnswer => ({ kind: 'saved', revision, savedAt: NOW });

/** Applies edits one after the other. */
function typed(q: SaveQueue, ...edits: Edit[]): SaveQueue {
	return edits.reduce((acc, e) => edit(acc, e).queue, q);
}

/** Starts the next send, failing the test when there is none. */
function send(q: SaveQueue) {
	const started = startSend(q);
	if (!started) throw new Error('expected a save to go out');
	return started;
}

/** Copies as the wrapper reads them from localStorage. */
const stored = (entries: Record<string, StoredCopy | null>) =>
	Object.entries(entries).flatMap(([key, copy]) => (copy ? [{ key, copy }] : []));

describe('what goes out next', () => {
	it('waits for a pause in typing, then sends every field once with its newest value', () => {
		const first = edit(createQueue(3, null), text('strengths', 'Nhiệt'));
		expect(first.wake).toBe(DEBOUNCE_MS);
		expect(first.queue.state).toBe('pending');
		const q = typed(first.queue, text('strengths', 'Nhiệt tình'), level('TT1.1', 2));
		const { request, queue } = send(q);
		expect(request).toEqual({
			revision: 3,
			changes: {
				answers: { 'TT1.1': { level: 2 } },
				texts: { strengths: 'Nhiệt tình' },
				progress: {},
				sections: {},
				questions: {}
			}
		});
		expect(queue.state).toBe('saving');
		expect(startSend(queue)).toBeNull();
	});

	it('sends what was typed during a save right after it, from the revision that save returned', () => {
		const sending = send(typed(createQueue(3, null), text('strengths', 'a'), level('TT1.1', 1))).queue;
		const during = typed(sending, text('strengths', 'b'), level('TT1.2', 0));
		expect(startSend(during)).toBeNull();
		const answered = receive(during, saved(4));
		expect(answered.wake).toBe(0);
		expect(answered.queue.state).toBe('pending');
		expect(send(answered.queue).request).toEqual({
			revision: 4,
			changes: {
				answers: { 'TT1.2': { level: 0 } },
				texts: { strengths: 'b' },
				progress: {},
				sections: {},
				questions: {}
			}
		});
	});

	it('after a failed save, resends the failed changes with the newer typing on top', () => {
		const sending = send(typed(createQueue(3, null), text('strengths', 'a'), level('TT1.1', 1))).queue;
		const during = typed(sending, text('strengths', 'b'));
		const failed = receive(during, { kind: 'offline' }).queue;
		expect(send(failed).request.changes).toEqual({
			answers: { 'TT1.1': { level: 1 } },
			texts: { strengths: 'b' },
			progress: {},
			sections: {},
			questions: {}
		});
	});

	it('ends on saved with nothing left, and ignores an answer to nothing', () => {
		const done = receive(send(typed(createQueue(1, null), text('commitment', 'x'))).queue, saved(2));
		expect(done).toMatchObject({ wake: null, queue: { state: 'saved', revision: 2, savedAt: NOW } });
		expect(startSend(done.queue)).toBeNull();
		expect(receive(done.queue, saved(9)).queue).toBe(done.queue);
	});
});

describe('retrying', () => {
	it('waits 2 s, 5 s, 10 s, then every 30 s', () => {
		expect([1, 2, 3, 4, 5, 9].map(retryDelay)).toEqual([2000, 5000, 10000, 30000, 30000, 30000]);
	});

	it('follows the schedule across network errors and starts over after a success', () => {
		let q = typed(createQueue(1, null), text('strengths', 'x'));
		const waits: (number | null)[] = [];
		for (let i = 0; i < 5; i++) {
			const step = receive(send(q).queue, { kind: 'offline' });
			expect(step.queue.state).toBe('offline');
			expect(step.queue.message).toContain('Mất kết nối');
			waits.push(step.wake);
			q = step.queue;
		}
		expect(waits).toEqual([2000, 5000, 10000, 30000, 30000]);
		q = receive(send(q).queue, saved(2)).queue;
		expect(q.attempts).toBe(0);
		q = typed(q, text('strengths', 'y'));
		expect(receive(send(q).queue, { kind: 'offline' }).wake).toBe(2000);
	});

	it('retries when the server is busy or failing, but not when it refuses the changes', () => {
		const q = send(typed(createQueue(1, null), text('strengths', 'x'))).queue;
		const busy = receive(q, readAnswer(503, { message: 'Máy chủ đang bận.' }, NOW));
		expect(busy).toMatchObject({ wake: 2000, queue: { state: 'error', message: 'Máy chủ đang bận. Đang thử lại…' } });
		expect(receive(q, readAnswer(429, {}, NOW)).wake).toBe(2000);
		const refused = receive(q, readAnswer(400, { message: 'Mã biểu hiện không hợp lệ.' }, NOW));
		expect(refused).toMatchObject({ wake: null, queue: { state: 'error', message: 'Mã biểu hiện không hợp lệ.' } });
		expect(refused.queue.pending.texts).toEqual({ strengths: 'x' });
	});
});

describe('reading the server', () => {
	it('maps each status to what the queue does with it', () => {
		expect(readAnswer(200, { revision: 5, savedAt: 7 }, NOW)).toEqual({ kind: 'saved', revision: 5, savedAt: 7 });
		expect(readAnswer(200, { revision: 5 }, NOW)).toEqual({ kind: 'saved', revision: 5, savedAt: NOW });
		expect(readAnswer(200, {}, NOW)).toEqual({ kind: 'refused', message: 'Không lưu được phiếu.' });
		expect(readAnswer(401, { message: 'Phiên đăng nhập đã hết hạn.' }, NOW).kind).toBe('expired');
		expect(readAnswer(409, { message: 'Phiếu vừa được lưu…' }, NOW).kind).toBe('conflict');
		expect(readAnswer(500, { message: 42 }, NOW)).toEqual({ kind: 'unavailable', message: 'Không lưu được phiếu.' });
	});
});

describe('a revision conflict', () => {
	const conflicted = () => {
		const sending = send(typed(createQueue(3, null), text('strengths', 'a'))).queue;
		return receive(typed(sending, level('TT1.1', 2)), { kind: 'conflict', message: 'Phiếu vừa được lưu ở nơi khác.' });
	};

	it('stops sending and says so, keeping every local change', () => {
		const { queue, wake } = conflicted();
		expect(wake).toBeNull();
		expect(queue).toMatchObject({ state: 'conflict', message: 'Phiếu vừa được lưu ở nơi khác.' });
		expect(startSend(queue)).toBeNull();
		const more = edit(queue, text('commitment', 'c'));
		expect(more.wake).toBeNull();
		expect(more.queue.state).toBe('conflict');
		expect(startSend(more.queue)).toBeNull();
		expect(localCopy(more.queue, NOW)).toEqual({
			baseRevision: 3,
			pending: {
				answers: { 'TT1.1': { level: 2 } },
				texts: { strengths: 'a', commitment: 'c' },
				progress: {},
				sections: {},
				questions: {}
			},
			at: NOW
		});
	});

	it('after the reload, the changes are offered on top of the newer sheet, not sent on their own', () => {
		const key = copyKey(1, 'tab-a');
		const copy = localCopy(conflicted().queue, NOW)!;
		const found = restore(createQueue(4, NOW), key, stored({ [key]: copy }), NOW + 1000);
		expect(found.restored).toBeNull();
		expect(found.wake).toBeNull();
		expect(startSend(found.queue)).toBeNull();
		expect(found.stale).toEqual(copy.pending);
		// Moved aside, so typing before deciding cannot overwrite it.
		expect(found.park).toEqual({ key: parkKey(key), copy: { ...copy, at: NOW + 1000 } });
		expect(found.staleKeys).toEqual([parkKey(key)]);

		const typedFirst = typed(found.queue, text('strengths', 'mới'));
		const taken = applyStale(typedFirst, found.stale!);
		expect(taken.wake).toBe(0);
		expect(send(taken.queue).request).toEqual({ revision: 4, changes: copy.pending });
	});

	it('a reload before deciding offers the moved copy again, below whatever the tab typed since', () => {
		const key = copyKey(1, 'tab-a');
		const first = restore(createQueue(4, NOW), key, stored({ [key]: localCopy(conflicted().queue, NOW) }), NOW);
		const typedSince = localCopy(typed(first.queue, text('strengths', 'mới')), NOW);
		const again = restore(
			createQueue(4, NOW),
			key,
			stored({ [first.park!.key]: first.park!.copy, [key]: typedSince }),
			NOW + 5
		);
		expect(again.restored).toEqual({
			answers: {},
			texts: { strengths: 'mới' },
			progress: {},
			sections: {},
			questions: {}
		});
		expect(again.stale).toEqual(first.stale);
		expect(again.staleKeys).toEqual([parkKey(key)]);
	});
});

describe('an expired session', () => {
	const expired = () => {
		const q = send(typed(createQueue(3, null), text('shortcomings', 'Viết khi phiên đã hết hạn'))).queue;
		return receive(q, { kind: 'expired', message: 'Phiên đăng nhập đã hết hạn.' });
	};

	it('keeps everything, stops retrying on its own and keeps saying so while the member types', () => {
		const { queue, wake } = expired();
		expect(wake).toBeNull();
		expect(queue.state).toBe('expired');
		const more = edit(queue, text('commitment', 'tiếp'));
		expect(more.queue.state).toBe('expired');
		expect(localCopy(more.queue, NOW)?.pending.texts).toEqual({
			shortcomings: 'Viết khi phiên đã hết hạn',
			commitment: 'tiếp'
		});
	});

	it('sends everything after signing in again: the reloaded page takes its own copy at the same revision', () => {
		const key = copyKey(1, 'tab-a');
		const copy = localCopy(typed(expired().queue, text('commitment', 'tiếp')), NOW)!;
		const found = restore(createQueue(3, null), key, stored({ [key]: copy }), NOW + 120_000);
		expect(found.stale).toBeNull();
		expect(found.restored).toEqual(copy.pending);
		expect(found.wake).toBe(0);
		const { request, queue } = send(found.queue);
		expect(request).toEqual({ revision: 3, changes: copy.pending });
		expect(localCopy(receive(queue, saved(4)).queue, NOW)).toBeNull();
	});

	it('a session renewed in another tab is used by the next edit, which sends everything', () => {
		const more = edit(expired().queue, text('commitment', 'tiếp'));
		expect(more.wake).toBe(DEBOUNCE_MS);
		expect(send(more.queue).request.changes.texts).toEqual({
			shortcomings: 'Viết khi phiên đã hết hạn',
			commitment: 'tiếp'
		});
	});
});

describe('the local copy of each tab', () => {
	const changes = (strengths: string): PendingChanges => ({ ...emptyChanges(), texts: { strengths } });

	it('is one key per tab and sheet', () => {
		expect(copyKey(7, 'a')).not.toBe(copyKey(7, 'b'));
		expect(copyKey(7, 'a')).not.toBe(copyKey(8, 'a'));
	});

	it('holds what is in flight as well as what waits, and nothing once all is saved', () => {
		const sending = send(typed(createQueue(3, null), text('strengths', 'a'))).queue;
		const during = typed(sending, level('TT1.1', 1));
		expect(localCopy(during, NOW)).toEqual({
			baseRevision: 3,
			pending: {
				answers: { 'TT1.1': { level: 1 } },
				texts: { strengths: 'a' },
				progress: {},
				sections: {},
				questions: {}
			},
			at: NOW
		});
		expect(localCopy(createQueue(3, null), NOW)).toBeNull();
	});

	it("offers another tab's leftovers instead of merging them, and leaves a tab that is still open alone", () => {
		const own = copyKey(1, 'mine');
		const closed = copyKey(1, 'closed');
		const open = copyKey(1, 'open');
		const found = restore(
			createQueue(3, null),
			own,
			stored({
				[closed]: { baseRevision: 3, pending: changes('đóng'), at: NOW - OPEN_TAB_MS - 1 },
				[open]: { baseRevision: 3, pending: changes('mở'), at: NOW - 1000 }
			}),
			NOW
		);
		expect(found.restored).toBeNull();
		expect(found.stale).toEqual(changes('đóng'));
		expect(found.staleKeys).toEqual([closed]);
		expect(found.park).toBeNull();
		expect(startSend(found.queue)).toBeNull();
	});

	it('reads back what it wrote and drops what it cannot understand', () => {
		const copy = localCopy(typed(createQueue(3, null), text('strengths', 'a')), NOW)!;
		expect(parseCopy(JSON.stringify(copy))).toEqual(copy);
		expect(parseCopy(null)).toBeNull();
		expect(parseCopy(JSON.stringify({ baseRevision: 3, pending: emptyChanges() }))).toBeNull();
		expect(parseCopy('{not json')).toBe('unreadable');
		expect(parseCopy('{}')).toBe('unreadable');
		expect(parseCopy(JSON.stringify({ baseRevision: 3, pending: { answers: [] } }))).toBe('unreadable');
	});
});

// The whole tab, modelled: a server that applies saves at its revision, this tab's localStorage, reloads
// (the request in flight may or may not reach the server), other devices saving, and the member deciding on
// leftovers. After every step, the server's copy with the stored copies on top is what the member meant.
describe('a tab closed right after an answer', () => {
	const own = copyKey(1, 'new-tab');
	const closedKey = copyKey(1, 'closed-tab');
	const answer = (v: 0 | 1 | 2 | 3): PendingChanges => ({
		answers: { 'TT1.1': { level: v } },
		texts: {},
		progress: {},
		sections: {},
		questions: {}
	});

	it('is taken at once by the next visit when the sheet is still at its revision, and sent', () => {
		const found = restore(
			createQueue(3, null),
			own,
			stored({ [closedKey]: { baseRevision: 3, pending: answer(2), at: NOW - 500, closed: true } }),
			NOW
		);
		expect(found.restored).toEqual(answer(2));
		expect(found.stale).toBeNull();
		expect(found.adoptedKeys).toEqual([closedKey]);
		expect(found.wake).toBe(0);
		expect(startSend(found.queue)?.request).toEqual({ revision: 3, changes: answer(2) });
	});

	it('is offered, not taken, when the sheet has moved on since; an unmarked recent copy is still left to its tab', () => {
		const open = copyKey(1, 'open-tab');
		const found = restore(
			createQueue(4, null),
			own,
			stored({
				[closedKey]: { baseRevision: 3, pending: answer(1), at: NOW - 500, closed: true },
				[open]: { baseRevision: 4, pending: answer(3), at: NOW - 500 }
			}),
			NOW
		);
		expect(found.restored).toBeNull();
		expect(found.stale).toEqual(answer(1));
		expect(found.staleKeys).toEqual([closedKey]);
		expect(found.adoptedKeys).toEqual([]);
	});

	it('leaves out of an offer what the sheet already holds (the last save arrived, its answer did not)', () => {
		const state = confirmChanges(
			{ answers: { 'TT1.1': { level: 0 } }, texts: {}, progress: {}, sections: {}, questions: {} },
			answer(2)
		);
		expect(dropSaved(answer(2), state)).toEqual(emptyChanges());
		const more: PendingChanges = {
			answers: { 'TT1.1': { level: 2, note: 'mới' } },
			texts: { strengths: 'a' },
			progress: {},
			sections: {},
			questions: {}
		};
		expect(dropSaved(more, state)).toEqual({
			answers: { 'TT1.1': { note: 'mới' } },
			texts: { strengths: 'a' },
			progress: {},
			sections: {},
			questions: {}
		});
	});

	it('counts what is waiting to be sent, in flight included', () => {
		const q = typed(createQueue(1, null), level('TT1.1', 0), level('TT1.2', 0));
		const flying = send(q).queue;
		expect(waitingCount(typed(flying, text('strengths', 'x'), level('TT1.1', 1)))).toBe(3);
		expect(waitingCount(receive(flying, saved(2)).queue)).toBe(0);
	});
});

describe('nothing typed is lost', () => {
	const CODES = ['TT1.1', 'TT1.2'];
	const editArb: fc.Arbitrary<Edit> = fc.oneof(
		fc.record({
			kind: fc.constant('answer' as const),
			code: fc.constantFrom(...CODES),
			field: fc.constant('level' as const),
			value: fc.constantFrom(null, 0, 1, 2, 3)
		}),
		fc.record({
			kind: fc.constant('answer' as const),
			code: fc.constantFrom(...CODES),
			field: fc.constant('note' as const),
			value: fc.string({ maxLength: 3 })
		}),
		fc.record({
			kind: fc.constant('text' as const),
			field: fc.constantFrom('strengths' as const, 'commitment' as const),
			value: fc.string({ maxLength: 3 })
		}),
		fc.record({
			kind: fc.constant('progress' as const),
			code: fc.constantFrom(...CODES),
			field: fc.constant('status' as const),
			value: fc.constantFrom(null, 'done' as const)
		}),
		fc.record({
			kind: fc.constant('section' as const),
			key: fc.constantFrom('A.I.2', 'A.VI'),
			change: fc.string({ maxLength: 3 }).map((text) => ({ text }))
		}),
		fc.record({
			kind: fc.constant('question' as const),
			id: fc.constantFrom('1', '2'),
			answer: fc.string({ maxLength: 3 })
		})
	);
	const outcomes = ['saved', 'lost', 'offline', 'unavailable', 'expired', 'refused'] as const;
	const commandArb = fc.oneof(
		{ weight: 5, arbitrary: editArb.map((e) => ({ do: 'edit' as const, edit: e })) },
		{ weight: 3, arbitrary: fc.constant({ do: 'send' as const }) },
		{ weight: 3, arbitrary: fc.constantFrom(...outcomes).map((outcome) => ({ do: 'answer' as const, outcome })) },
		{ weight: 1, arbitrary: fc.constant({ do: 'elsewhere' as const }) },
		{ weight: 1, arbitrary: fc.boolean().map((arrives) => ({ do: 'reload' as const, arrives })) },
		{ weight: 1, arbitrary: fc.boolean().map((take) => ({ do: 'decide' as const, take })) }
	);

	type Field = [string, unknown];
	const fieldsOf = (p: PendingChanges): Field[] => [
		...Object.entries(p.answers).flatMap(([code, a]) =>
			Object.entries(a).map(([f, v]): Field => [`a:${code}:${f}`, v])
		),
		...Object.entries(p.texts).map(([f, v]): Field => [`t:${f}`, v]),
		...Object.entries(p.progress).flatMap(([code, a]) =>
			Object.entries(a).map(([f, v]): Field => [`p:${code}:${f}`, v])
		),
		...Object.entries(p.sections).flatMap(([key, a]) => Object.entries(a).map(([f, v]): Field => [`s:${key}:${f}`, v])),
		...Object.entries(p.questions).map(([id, a]): Field => [`q:${id}`, a.answer])
	];
	const fieldOf = (e: Edit) =>
		e.kind === 'text'
			? `t:${e.field}`
			: e.kind === 'section'
				? `s:${e.key}:text`
				: e.kind === 'question'
					? `q:${e.id}`
					: `${e.kind[0]}:${e.code}:${e.field}`;
	const valueOf = (e: Edit) => (e.kind === 'section' ? e.change.text : e.kind === 'question' ? e.answer : e.value);

	it('holds for any sequence of edits, answers, reloads and decisions', () => {
		fc.assert(
			fc.property(fc.array(commandArb, { maxLength: 60 }), (commands) => {
				const key = copyKey(1, 'tab');
				const server = { revision: 0, fields: new Map<string, unknown>() };
				const storage = new Map<string, string>();
				const meant = new Map<string, unknown>();
				let now = NOW;
				let q = createQueue(0, null);
				let sent: PendingChanges | null = null;
				let request: { revision: number; changes: PendingChanges } | null = null;
				let offer: { stale: PendingChanges; keys: string[]; touched: Set<string> } | null = null;

				const persist = () => {
					const copy = localCopy(q, now);
					if (copy) storage.set(key, JSON.stringify(copy));
					else storage.delete(key);
				};
				/** The server applies a request only at its own revision. */
				const arrive = (r: NonNullable<typeof request>) => {
					if (r.revision !== server.revision) return false;
					for (const [f, v] of fieldsOf(r.changes)) server.fields.set(f, v);
					server.revision += 1;
					return true;
				};
				const check = () => {
					const view = new Map(server.fields);
					for (const k of [parkKey(key), key]) {
						const copy = parseCopy(storage.get(k) ?? null);
						expect(copy).not.toBe('unreadable');
						if (copy && copy !== 'unreadable') for (const [f, v] of fieldsOf(copy.pending)) view.set(f, v);
					}
					for (const [f, v] of meant) expect([f, view.get(f)]).toEqual([f, v]);
				};

				for (const c of commands) {
					now += 1000;
					if (c.do === 'edit') {
						q = edit(q, c.edit).queue;
						meant.set(fieldOf(c.edit), valueOf(c.edit));
						offer?.touched.add(fieldOf(c.edit));
						persist();
					} else if (c.do === 'send') {
						const started = startSend(q);
						if (started) ({ queue: q, request } = started);
						sent = request?.changes ?? null;
					} else if (c.do === 'answer' && request) {
						let answer: SaveAnswer;
						if (request.revision !== server.revision) answer = { kind: 'conflict', message: 'x' };
						else if (c.outcome === 'saved' || c.outcome === 'lost') {
							arrive(request);
							answer = c.outcome === 'saved' ? saved(server.revision) : { kind: 'offline' };
						} else if (c.outcome === 'offline') answer = { kind: 'offline' };
						else answer = { kind: c.outcome, message: 'x' };
						q = receive(q, answer).queue;
						request = sent = null;
						persist();
					} else if (c.do === 'elsewhere') {
						server.revision += 1;
					} else if (c.do === 'reload') {
						if (request && c.arrives) arrive(request);
						request = sent = null;
						q = createQueue(server.revision, now);
						const copies = [...storage].flatMap(([k, text]) => {
							const copy = parseCopy(text);
							return copy && copy !== 'unreadable' ? [{ key: k, copy }] : [];
						});
						const found = restore(q, key, copies, now);
						if (found.park) storage.set(found.park.key, JSON.stringify(found.park.copy));
						q = found.queue;
						offer = found.stale ? { stale: found.stale, keys: found.staleKeys, touched: new Set() } : null;
						persist();
					} else if (c.do === 'decide' && offer) {
						for (const k of offer.keys) storage.delete(k);
						if (c.take) {
							q = applyStale(q, offer.stale).queue;
							for (const [f, v] of fieldsOf(offer.stale)) meant.set(f, v);
						} else {
							// The member let those go: what they meant is now the sheet as it is, or this visit's typing.
							for (const [f] of fieldsOf(offer.stale)) if (!offer.touched.has(f)) meant.delete(f);
						}
						offer = null;
						persist();
					}
					expect(sent === null || q.inFlight === sent).toBe(true);
					check();
				}
			}),
			{ numRuns: 500 }
		);
	});
});

describe('the Bản kiểm điểm’s sections and gợi ý answers go through the same queue', () => {
	const section = (key: string, change: SectionChange): Edit => ({
		kind: 'section',
		key,
		change
	});
	const question = (id: string, answer: string): Edit => ({ kind: 'question', id, answer });
	const line = (id: string, t: string) => ({ id, text: t, status: null, note: '' });

	it('sends section parts and answers with the signs in one save from one revision, each part its newest value', () => {
		const q = typed(
			createQueue(4, null),
			level('TT1.1', 1),
			section('A.I.2', { text: 'Hoàn' }),
			section('B.I', { general: 27 }),
			section('A.I.2', { text: 'Hoàn thành chỉ tiêu' }),
			section('B.I', { tasks: 63 }),
			section('A.III', { items: [line('own-1', 'a')] }),
			section('A.III', { items: [line('own-1', 'a'), line('own-2', 'b')] }),
			question('7', 'Do đi công tác'),
			question('7', 'Do đi công tác theo quyết định')
		);
		expect(waitingCount(q)).toBe(5);
		const started = startSend(q)!;
		expect(started.request).toEqual({
			revision: 4,
			changes: {
				answers: { 'TT1.1': { level: 1 } },
				texts: {},
				progress: {},
				// A list goes whole: the newest list replaces the one before, never merged line by line.
				sections: {
					'A.I.2': { text: 'Hoàn thành chỉ tiêu' },
					'B.I': { general: 27, tasks: 63 },
					'A.III': { items: [line('own-1', 'a'), line('own-2', 'b')] }
				},
				questions: { '7': { answer: 'Do đi công tác theo quyết định' } }
			}
		});
	});

	it('keeps a section typed offline on the device and sends it, with what was typed since on top, when back', () => {
		let q = typed(createQueue(2, null), section('A.VI', { text: 'Biện pháp' }));
		const first = startSend(q)!;
		q = receive(first.queue, { kind: 'offline' }).queue;
		expect(q.state).toBe('offline');
		q = typed(q, section('A.VI', { text: 'Biện pháp khắc phục' }), question('3', 'Trả lời'));
		const copy = localCopy(q, NOW)!;
		expect(copy.pending.sections).toEqual({ 'A.VI': { text: 'Biện pháp khắc phục' } });
		expect(parseCopy(JSON.stringify({ ...copy, closed: true }))).toMatchObject({ pending: copy.pending, closed: true });
		const again = startSend(q)!;
		expect(again.request.changes.sections).toEqual({ 'A.VI': { text: 'Biện pháp khắc phục' } });
		expect(again.request.changes.questions).toEqual({ '3': { answer: 'Trả lời' } });
		q = receive(again.queue, saved(3)).queue;
		expect([q.state, q.revision, localCopy(q, NOW)]).toEqual(['saved', 3, null]);
	});

	it('stops on a conflict with the section kept, as for an answer', () => {
		let q = typed(createQueue(2, null), section('A.II.2', { text: 'Nguyên nhân' }));
		q = receive(startSend(q)!.queue, { kind: 'conflict', message: 'Phiếu vừa được lưu ở nơi khác.' }).queue;
		q = typed(q, section('A.II.2', { text: 'Nguyên nhân chủ quan' }));
		expect(q.state).toBe('conflict');
		expect(startSend(q)).toBeNull();
		expect(localCopy(q, NOW)!.pending.sections).toEqual({ 'A.II.2': { text: 'Nguyên nhân chủ quan' } });
	});

	it('reads a copy kept before sections went through the queue, and refuses a malformed one', () => {
		const old = { baseRevision: 1, pending: { answers: { 'TT1.1': { level: 0 } }, texts: {}, progress: {} } };
		expect(parseCopy(JSON.stringify(old))).toEqual({
			baseRevision: 1,
			pending: { ...old.pending, sections: {}, questions: {} }
		});
		expect(parseCopy(JSON.stringify({ ...old, pending: { ...old.pending, sections: [] } }))).toBe('unreadable');
		const onlySection = { baseRevision: 1, pending: { ...emptyChanges(), sections: { 'B.II': { quality: 'tot' } } } };
		expect(parseCopy(JSON.stringify(onlySection))).toEqual(onlySection);
	});

	it('leaves out of an offer the sections and answers the sheet already holds, a list compared whole', () => {
		const state = {
			...emptyChanges(),
			sections: { 'A.III': { items: [line('own-1', 'a')] }, 'A.VI': { text: 'x' } },
			questions: { '3': { answer: 'Đã trả lời' } }
		};
		const offered = {
			...emptyChanges(),
			sections: { 'A.III': { items: [line('own-1', 'a')] }, 'A.VI': { text: 'y' } },
			questions: { '3': { answer: 'Đã trả lời' }, '4': { answer: 'Mới' } }
		};
		expect(dropSaved(offered, state)).toEqual({
			...emptyChanges(),
			sections: { 'A.VI': { text: 'y' } },
			questions: { '4': { answer: 'Mới' } }
		});
		expect(confirmChanges(state, offered).sections['A.VI']).toEqual({ text: 'y' });
	});
});

describe('the kept snapshot of the confirmed sheet', () => {
	const at = (revision: number) => JSON.stringify({ revision, state: { answers: {}, texts: {}, progress: {} } });

	it('is replaced by one at the same or a later revision, never by an older one', () => {
		expect(replacesSnapshot(at(4), 5)).toBe(true);
		expect(replacesSnapshot(at(4), 4)).toBe(true);
		expect(replacesSnapshot(at(6), 5)).toBe(false);
	});

	it('is written when there is none, or what is there cannot be read', () => {
		expect(replacesSnapshot(null, 1)).toBe(true);
		expect(replacesSnapshot('{broken', 1)).toBe(true);
	});
});
