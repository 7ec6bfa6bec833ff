// Saves a sheet as it is typed. What is not yet confirmed by the server is also kept in localStorage,
// so a closed tab, a dropped connection or an expired session loses nothing: it is sent on the next visit.
import type { AnswerEntry, ProgressEntry, SheetTexts } from '$lib/domain/sheet';

export interface PendingChanges {
	answers: Record<string, Partial<AnswerEntry>>;
	texts: Partial<SheetTexts>;
	progress: Record<string, Partial<ProgressEntry>>;
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict' | 'expired';

interface Stored {
	baseRevision: number;
	pending: PendingChanges;
	/** When the copy was last written (ms). */
	at?: number;
}

const DEBOUNCE_MS = 700;
const RETRY_MS = [2000, 5000, 10000, 30000];

const empty = (): PendingChanges => ({ answers: {}, texts: {}, progress: {} });
const isEmpty = (p: PendingChanges) =>
	Object.keys(p.answers).length === 0 && Object.keys(p.texts).length === 0 && Object.keys(p.progress).length === 0;

/** Debounced autosave of one sheet with a revision check, retries and a local copy of unsaved changes. */
export class SheetAutosave {
	state = $state<SaveState>('idle');
	savedAt = $state<number | null>(null);
	message = $state('');
	revision = $state(0);
	/** Unsaved changes found from an earlier visit whose revision no longer matches the server's. */
	stale = $state<PendingChanges | null>(null);

	#pending: PendingChanges = empty();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#retries = 0;
	#inFlight: Promise<void> | null = null;
	#onSaved: (score: unknown) => void;

	private readonly sheetId: number;

	constructor(sheetId: number, revision: number, savedAt: number | null, onSaved: (score: unknown) => void) {
		this.sheetId = sheetId;
		this.revision = revision;
		this.savedAt = savedAt;
		this.#onSaved = onSaved;
	}

	#staleKeys: string[] = [];

	get #prefix() {
		return `tusoi:sheet:${this.sheetId}:`;
	}

	// Each tab keeps its own copy, so a second open tab never sends the first one's changes behind its back.
	get #key() {
		let tab = sessionStorage.getItem('tusoi:tab');
		if (!tab) {
			tab = crypto.randomUUID();
			sessionStorage.setItem('tusoi:tab', tab);
		}
		return this.#prefix + tab;
	}

	#read(key: string): Stored | null {
		try {
			const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Stored | null;
			return stored && !isEmpty(stored.pending) ? stored : null;
		} catch (error) {
			console.warn('Dropping an unreadable local copy of the sheet', error);
			localStorage.removeItem(key);
			return null;
		}
	}

	/**
	 * Changes left from an earlier visit. This tab's own, at the server's revision (a reload, or signing in
	 * again after the session expired): sent now. Anything else (an older revision, or a tab closed before it
	 * could save): offered to the member, who decides.
	 */
	restore(): PendingChanges | null {
		const own = this.#read(this.#key);
		if (own && own.baseRevision === this.revision) {
			this.#pending = own.pending;
			this.#schedule(0);
		}
		const leftovers: Stored[] = own && own.baseRevision !== this.revision ? [own] : [];
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i);
			if (!key?.startsWith(this.#prefix) || key === this.#key) continue;
			const other = this.#read(key);
			// A copy touched in the last minute belongs to a tab that is still open and saving it itself.
			if (other && Date.now() - (other.at ?? 0) > 60_000) {
				leftovers.push(other);
				this.#staleKeys.push(key);
			}
		}
		if (leftovers.length > 0) this.stale = leftovers.map((l) => l.pending).reduce(mergeChanges);
		return own && own.baseRevision === this.revision ? own.pending : null;
	}

	/** Takes the stale local changes on top of the current sheet and saves them. */
	applyStale(): PendingChanges | null {
		const stale = this.stale;
		this.stale = null;
		if (!stale) return null;
		this.#pending = mergeChanges(this.#pending, stale);
		this.#dropStaleCopies();
		this.#persist();
		this.#schedule(0);
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
		(this.#pending.answers[code] ??= {})[field] = value as never;
		this.#changed();
	}

	text(field: keyof SheetTexts, value: string): void {
		this.#pending.texts[field] = value;
		this.#changed();
	}

	progress(code: string, field: keyof ProgressEntry, value: ProgressEntry[keyof ProgressEntry]): void {
		(this.#pending.progress[code] ??= {})[field] = value as never;
		this.#changed();
	}

	#changed(): void {
		if (this.state !== 'conflict' && this.state !== 'expired') this.state = 'pending';
		this.#persist();
		this.#schedule(DEBOUNCE_MS);
	}

	#persist(): void {
		if (isEmpty(this.#pending)) localStorage.removeItem(this.#key);
		else
			localStorage.setItem(
				this.#key,
				JSON.stringify({ baseRevision: this.revision, pending: this.#pending, at: Date.now() } satisfies Stored)
			);
	}

	#schedule(ms: number): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), ms);
	}

	get hasUnsaved(): boolean {
		return !isEmpty(this.#pending);
	}

	/** Sends what is pending now; resolves when the server has answered. */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		if (this.#inFlight) {
			await this.#inFlight;
			if (!this.hasUnsaved) return;
		}
		if (this.state === 'conflict' || isEmpty(this.#pending)) return;
		this.#inFlight = this.#send();
		try {
			await this.#inFlight;
		} finally {
			this.#inFlight = null;
		}
	}

	async #send(): Promise<void> {
		const sent = this.#pending;
		this.#pending = empty();
		this.state = 'saving';
		let response: Response;
		try {
			response = await fetch(`/api/sheets/${this.sheetId}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ revision: this.revision, ...sent }),
				// Lets the last save finish even when the tab is being closed.
				keepalive: true
			});
		} catch {
			this.#giveBack(sent);
			this.#fail('error', 'Mất kết nối. Những gì bạn nhập vẫn được giữ trên máy này và sẽ tự lưu lại khi có mạng.');
			return;
		}
		const body = (await response.json().catch(() => ({}))) as {
			message?: string;
			revision?: number;
			savedAt?: number;
			score?: unknown;
		};
		if (response.ok && typeof body.revision === 'number') {
			this.revision = body.revision;
			this.savedAt = body.savedAt ?? Date.now();
			this.#retries = 0;
			this.message = '';
			this.state = this.hasUnsaved ? 'pending' : 'saved';
			this.#persist();
			this.#onSaved(body.score);
			if (this.hasUnsaved) this.#schedule(0);
			return;
		}
		this.#giveBack(sent);
		const message = body.message ?? 'Không lưu được phiếu.';
		if (response.status === 401) this.#fail('expired', message, false);
		else if (response.status === 409) this.#fail('conflict', message, false);
		else if (response.status >= 500 || response.status === 429) this.#fail('error', `${message} Đang thử lại…`);
		else this.#fail('error', message, false);
	}

	/** Puts unsent changes back under any newer ones typed meanwhile. */
	#giveBack(sent: PendingChanges): void {
		this.#pending = mergeChanges(sent, this.#pending);
		this.#persist();
	}

	#fail(state: SaveState, message: string, retry = true): void {
		this.state = state;
		this.message = message;
		if (!retry) return;
		const wait = RETRY_MS[Math.min(this.#retries, RETRY_MS.length - 1)];
		this.#retries += 1;
		this.#schedule(wait);
	}
}

/** `newer` on top of `older`, field by field. */
function mergeChanges(older: PendingChanges, newer: PendingChanges): PendingChanges {
	const merged = empty();
	for (const code of new Set([...Object.keys(older.answers), ...Object.keys(newer.answers)])) {
		merged.answers[code] = { ...older.answers[code], ...newer.answers[code] };
	}
	merged.texts = { ...older.texts, ...newer.texts };
	for (const code of new Set([...Object.keys(older.progress), ...Object.keys(newer.progress)])) {
		merged.progress[code] = { ...older.progress[code], ...newer.progress[code] };
	}
	return merged;
}
