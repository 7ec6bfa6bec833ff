// Saves a sheet as it is typed. What is not yet confirmed by the server is also kept in localStorage,
// so a closed tab, a dropped connection or an expired session loses nothing: it is sent on the next visit.
// The rules live in save-queue.ts; this wrapper only does the fetching, the timers, the storage and the runes.
import type { ProgressEntry, SheetTexts } from '$lib/domain/sheet';
import {
	applyStale,
	confirmChanges,
	copyKey,
	copyPrefix,
	createQueue,
	dropSaved,
	edit,
	isEmpty,
	localCopy,
	parseCopy,
	parseSnapshot,
	readAnswer,
	rebase,
	receive,
	replacesSnapshot,
	restore,
	snapshotKey,
	startSend,
	waitingCount,
	type AnswerChange,
	type Edit,
	type SectionChange,
	type PendingChanges,
	type SaveAnswer,
	type SaveQueue,
	type SaveRequest,
	type SheetState,
	type Step,
	type StoredCopy
} from './save-queue';
import { claimTab } from './tab';

export type { PendingChanges, SaveState, SectionChange, SheetState } from './save-queue';

/** A keepalive request may carry at most 64 KB; a larger save goes out as a plain one. */
const KEEPALIVE_BYTES = 60_000;

/** Debounced autosave of one sheet with a revision check, retries and a local copy of unsaved changes. */
export class SheetAutosave {
	#queue = $state.raw<SaveQueue>(createQueue(0, null));
	/** Unsaved changes found from an earlier visit whose revision no longer matches the server's. */
	stale = $state<PendingChanges | null>(null);

	#staleKeys: string[] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<void> | null = null;
	/** The sheet as the server confirmed it: the page's copy, then each save on top. */
	#confirmed: SheetState;
	/** The tab is being closed or hidden: its copy says so, for the next visit to take it. */
	#closing = false;
	/** The form is gone from the page: nothing more is scheduled, and another form's copy is never touched. */
	#closed = false;
	/** What this form last wrote as its copy (null: none, or removed). */
	#written: string | null = null;

	private readonly sheetId: number;

	constructor(sheetId: number, revision: number, savedAt: number | null, confirmed: SheetState) {
		this.sheetId = sheetId;
		this.#queue = createQueue(revision, savedAt);
		this.#confirmed = confirmed;
	}

	/** How many answers, texts, plan lines, sections and question answers wait to be sent. */
	get waiting(): number {
		return waitingCount(this.#queue);
	}

	/**
	 * The sheet as this browser last saw it confirmed, when that is newer than the page (a page the service worker
	 * kept from an earlier visit): the saves made since are shown and the next save starts from their revision.
	 */
	catchUp(): SheetState | null {
		const snapshot = parseSnapshot(localStorage.getItem(snapshotKey(this.sheetId)));
		if (!snapshot) return null;
		if (snapshot.revision <= this.#queue.revision) {
			if (snapshot.revision < this.#queue.revision) localStorage.removeItem(snapshotKey(this.sheetId));
			return null;
		}
		this.#confirmed = snapshot.state;
		this.#queue = rebase(this.#queue, snapshot.revision);
		return snapshot.state;
	}

	/** The tab is going away (closed, or hidden and maybe killed): send what is waiting, and mark the copy as left behind. */
	leave(): void {
		this.#closing = true;
		this.#persist();
		void this.flush();
	}

	/**
	 * The form is gone (the member went elsewhere in the app): what waits is sent once and nothing is retried. If that
	 * send does not get through, the copy is marked as left, so the sheet's next page takes it at once; a form of the
	 * same sheet opened since keeps its own copy, which this one never overwrites or removes.
	 */
	close(): void {
		this.#closed = true;
		this.#closing = true;
		this.#persist();
		void this.flush();
	}

	/** The tab is shown again: its copy is its own again. */
	back(): void {
		this.#closing = false;
		this.#persist();
	}

	get state() {
		return this.#queue.state;
	}
	get message() {
		return this.#queue.message;
	}
	get savedAt() {
		return this.#queue.savedAt;
	}
	get revision() {
		return this.#queue.revision;
	}
	/** The form's own submit saved the sheet: the next autosave starts from its revision. */
	set revision(revision: number) {
		this.#queue = rebase(this.#queue, revision);
		this.#persist();
	}

	get hasUnsaved(): boolean {
		return !isEmpty(this.#queue.pending);
	}

	// Each tab keeps its own copy, so a second open tab never sends the first one's changes behind its back.
	get #key() {
		return copyKey(this.sheetId, claimTab());
	}

	#read(key: string): StoredCopy | null {
		const copy = parseCopy(localStorage.getItem(key));
		if (copy !== 'unreadable') return copy;
		console.warn('Dropping an unreadable local copy of the sheet', key);
		localStorage.removeItem(key);
		return null;
	}

	/** Takes this tab's own leftover changes (returned, to show them) and offers any others as `stale`. */
	restore(): PendingChanges | null {
		const prefix = copyPrefix(this.sheetId);
		const copies: { key: string; copy: StoredCopy }[] = [];
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i);
			const copy = key?.startsWith(prefix) ? this.#read(key) : null;
			if (key && copy) copies.push({ key, copy });
		}
		const found = restore(this.#queue, this.#key, copies, Date.now());
		if (found.park) localStorage.setItem(found.park.key, JSON.stringify(found.park.copy));
		for (const key of found.adoptedKeys) localStorage.removeItem(key);
		this.#staleKeys = found.staleKeys;
		// What the sheet already holds is no choice to offer (a last save arrived but its tab never heard).
		const stale = found.stale && dropSaved(found.stale, this.#confirmed);
		if (stale && !isEmpty(stale)) this.stale = stale;
		else this.#dropStaleCopies();
		this.#apply(found);
		return found.restored;
	}

	/** Takes the stale local changes on top of the current sheet and saves them. */
	applyStale(): PendingChanges | null {
		const stale = this.stale;
		this.stale = null;
		if (!stale) return null;
		this.#dropStaleCopies();
		this.#apply(applyStale(this.#queue, stale));
		return stale;
	}

	discardStale(): void {
		this.stale = null;
		this.#dropStaleCopies();
		this.#persist();
	}

	#dropStaleCopies(): void {
		for (const key of this.#staleKeys) localStorage.removeItem(key);
		this.#staleKeys = [];
	}

	answer(code: string, field: keyof AnswerChange, value: AnswerChange[keyof AnswerChange]): void {
		this.#edit({ kind: 'answer', code, field, value });
	}

	text(field: keyof SheetTexts, value: string): void {
		this.#edit({ kind: 'text', field, value });
	}

	progress(code: string, field: keyof ProgressEntry, value: ProgressEntry[keyof ProgressEntry]): void {
		this.#edit({ kind: 'progress', code, field, value });
	}

	/** A change to one section of the Bản kiểm điểm (a list's items whole). */
	section(key: string, change: SectionChange): void {
		this.#edit({ kind: 'section', key, change });
	}

	/** The member's answer to one gợi ý kiểm điểm. */
	question(id: number, answer: string): void {
		this.#edit({ kind: 'question', id: String(id), answer });
	}

	#edit(change: Edit): void {
		this.#apply(edit(this.#queue, change));
	}

	/** Takes a transition: keeps the local copy in step with it and sets the timer it asks for. */
	#apply(step: Step): void {
		this.#queue = step.queue;
		this.#persist();
		if (step.wake === null || this.#closed) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), step.wake);
	}

	#persist(): void {
		const key = this.#key;
		if (this.#closed && localStorage.getItem(key) !== this.#written) return;
		const copy = localCopy(this.#queue, Date.now());
		this.#written = copy && JSON.stringify(this.#closing ? { ...copy, closed: true } : copy);
		if (this.#written) localStorage.setItem(key, this.#written);
		else localStorage.removeItem(key);
	}

	/** Sends what is pending now; resolves when the server has answered. */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		while (this.#inFlight) await this.#inFlight;
		const started = startSend(this.#queue);
		if (!started) return;
		this.#queue = started.queue;
		this.#inFlight = this.#send(started.request);
		try {
			await this.#inFlight;
		} finally {
			this.#inFlight = null;
		}
	}

	async #send(request: SaveRequest): Promise<void> {
		let answer: SaveAnswer;
		try {
			const payload = JSON.stringify({ revision: request.revision, ...request.changes });
			const response = await fetch(`/api/sheets/${this.sheetId}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: payload,
				// Lets the last save finish even when the tab is being closed.
				keepalive: payload.length < KEEPALIVE_BYTES
			});
			const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
			answer = readAnswer(response.status, body, Date.now());
		} catch (error) {
			console.warn('Autosave could not reach the server', error);
			answer = { kind: 'offline' };
		}
		if (answer.kind === 'saved') this.#confirm(request.changes, answer.revision);
		this.#apply(receive(this.#queue, answer));
	}

	/** Keeps the confirmed sheet, so a page opened later from an older copy catches up (`catchUp`). */
	#confirm(changes: PendingChanges, revision: number): void {
		this.#confirmed = confirmChanges(this.#confirmed, changes);
		// A form of the same sheet opened since may have kept a newer one.
		if (!replacesSnapshot(localStorage.getItem(snapshotKey(this.sheetId)), revision)) return;
		localStorage.setItem(snapshotKey(this.sheetId), JSON.stringify({ revision, state: this.#confirmed }));
	}
}
