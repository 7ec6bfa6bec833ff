// Saves a sheet as it is typed. What is not yet confirmed by the server is also kept in localStorage,
// so a closed tab, a dropped connection or an expired session loses nothing: it is sent on the next visit.
// The rules live in save-queue.ts; this wrapper only does the fetching, the timers, the storage and the runes.
import type { AnswerEntry, ProgressEntry, SheetTexts } from '$lib/domain/sheet';
import {
	applyStale,
	copyKey,
	copyPrefix,
	createQueue,
	edit,
	isEmpty,
	localCopy,
	parseCopy,
	readAnswer,
	rebase,
	receive,
	restore,
	startSend,
	type Edit,
	type PendingChanges,
	type SaveAnswer,
	type SaveQueue,
	type SaveRequest,
	type Step,
	type StoredCopy
} from './save-queue';

export type { PendingChanges, SaveState } from './save-queue';

/** Debounced autosave of one sheet with a revision check, retries and a local copy of unsaved changes. */
export class SheetAutosave {
	#queue = $state.raw<SaveQueue>(createQueue(0, null));
	/** Unsaved changes found from an earlier visit whose revision no longer matches the server's. */
	stale = $state<PendingChanges | null>(null);

	#staleKeys: string[] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<void> | null = null;

	private readonly sheetId: number;

	constructor(sheetId: number, revision: number, savedAt: number | null) {
		this.sheetId = sheetId;
		this.#queue = createQueue(revision, savedAt);
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
		let tab = sessionStorage.getItem('tusoi:tab');
		if (!tab) {
			tab = crypto.randomUUID();
			sessionStorage.setItem('tusoi:tab', tab);
		}
		return copyKey(this.sheetId, tab);
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
		this.#staleKeys = found.staleKeys;
		if (found.stale) this.stale = found.stale;
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

	answer(code: string, field: keyof AnswerEntry, value: AnswerEntry[keyof AnswerEntry]): void {
		this.#edit({ kind: 'answer', code, field, value });
	}

	text(field: keyof SheetTexts, value: string): void {
		this.#edit({ kind: 'text', field, value });
	}

	progress(code: string, field: keyof ProgressEntry, value: ProgressEntry[keyof ProgressEntry]): void {
		this.#edit({ kind: 'progress', code, field, value });
	}

	#edit(change: Edit): void {
		this.#apply(edit(this.#queue, change));
	}

	/** Takes a transition: keeps the local copy in step with it and sets the timer it asks for. */
	#apply(step: Step): void {
		this.#queue = step.queue;
		this.#persist();
		if (step.wake === null) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), step.wake);
	}

	#persist(): void {
		const copy = localCopy(this.#queue, Date.now());
		if (copy) localStorage.setItem(this.#key, JSON.stringify(copy));
		else localStorage.removeItem(this.#key);
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
			const response = await fetch(`/api/sheets/${this.sheetId}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ revision: request.revision, ...request.changes }),
				// Lets the last save finish even when the tab is being closed.
				keepalive: true
			});
			const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
			answer = readAnswer(response.status, body, Date.now());
		} catch (error) {
			console.warn('Autosave could not reach the server', error);
			answer = { kind: 'offline' };
		}
		this.#apply(receive(this.#queue, answer));
	}
}
