// Saves the Bản kiểm điểm's own sections and the answers to gợi ý kiểm điểm through the sheet's save endpoint,
// after the sheet's autosave has sent what it holds, with the revision it ended on, and hands the new revision
// back to it: one revision line, so neither overwrites the other.
import type { SheetAutosave } from './autosave.svelte';
import type { SectionValue } from '$lib/domain/sections';

type SectionChanges = Record<string, Partial<SectionValue>>;

/** Debounced saves of section values and question answers for one sheet. */
export class SectionSaver {
	state = $state<'idle' | 'pending' | 'saving' | 'saved' | 'error'>('idle');
	message = $state('');
	#sections: SectionChanges = {};
	#questions: Record<string, { answer: string }> = {};
	#timer: ReturnType<typeof setTimeout> | undefined;
	#running: Promise<void> | null = null;

	private readonly sheetId: number;
	private readonly autosave: SheetAutosave;

	constructor(sheetId: number, autosave: SheetAutosave) {
		this.sheetId = sheetId;
		this.autosave = autosave;
	}

	/** A section's changed part(s); sent a second after the last change. */
	section(key: string, change: Partial<SectionValue>): void {
		this.#sections[key] = { ...this.#sections[key], ...change };
		this.#schedule();
	}

	/** A changed answer to one question. */
	question(id: number, answer: string): void {
		this.#questions[String(id)] = { answer };
		this.#schedule();
	}

	#schedule(): void {
		this.state = 'pending';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), 1000);
	}

	/** Sends what is waiting now (the form's own buttons call this first). */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		while (this.#running) await this.#running;
		if (Object.keys(this.#sections).length === 0 && Object.keys(this.#questions).length === 0) return;
		this.#running = this.#send();
		try {
			await this.#running;
		} finally {
			this.#running = null;
		}
	}

	async #send(): Promise<void> {
		await this.autosave.flush();
		const sections = this.#sections;
		const questions = this.#questions;
		this.#sections = {};
		this.#questions = {};
		this.state = 'saving';
		try {
			const response = await fetch(`/api/sheets/${this.sheetId}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ revision: this.autosave.revision, sections, questions }),
				keepalive: true
			});
			const body = (await response.json().catch(() => ({}))) as { revision?: unknown; message?: unknown };
			if (response.ok && typeof body.revision === 'number') {
				this.autosave.revision = body.revision;
				this.state = 'saved';
				this.message = '';
				return;
			}
			this.message = typeof body.message === 'string' ? body.message : 'Chưa lưu được các mục của bản kiểm điểm.';
		} catch {
			this.message = 'Mất kết nối: các mục của bản kiểm điểm chưa được lưu, sẽ thử lại khi bạn sửa tiếp.';
		}
		// What was not saved waits for the next change or button, newer edits on top.
		this.#sections = { ...sections, ...this.#sections };
		this.#questions = { ...questions, ...this.#questions };
		this.state = 'error';
	}
}
