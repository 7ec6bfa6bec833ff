// The content corrections of the December 2026 review and the source policy, checked on the bundled data.
import { describe, expect, it } from 'vitest';
import signs27 from '../data/signs27.json' with { type: 'json' };
import template from '../data/template-default.json' with { type: 'json' };
import { SIGNS, displayText, hasEditorialNote, signById } from './catalog';
import { shownSources, sourceKind } from './sources';
import type { TemplateContent } from './template';

const content = template as unknown as TemplateContent;
const isUrl = (s: string) => /^https?:\/\//.test(s);

/** Every URL the data cites anywhere: sign sources, change sources, template sources. */
function everyCitedUrl(): string[] {
	const urls: string[] = [];
	for (const sign of signs27.signs as { sources: string[]; changes?: { source: string }[] }[]) {
		urls.push(...sign.sources, ...(sign.changes ?? []).map((c) => c.source));
	}
	for (const sign of content.signs) if (sign.source) urls.push(sign.source);
	for (const change of content.changes ?? []) urls.push(change.source);
	for (const form of Object.values(content.forms ?? {}))
		for (const line of [form.title, form.subtitle, form.signature, ...form.sections])
			if (line.source) urls.push(line.source);
	return urls.flatMap((s) => s.match(/https?:\/\/\S+/g) ?? []).filter(isUrl);
}

describe('source policy', () => {
	it('cites no source outside the policy: every URL is official or press (shown) or provenance', () => {
		const outside = everyCitedUrl().filter((u) => !['shown', 'provenance'].includes(sourceKind(u)));
		expect(outside).toEqual([]);
	});

	it('no longer cites the betting-site mirror or the overseas outlet, nor copies of it', () => {
		// Only the policy itself names them, as removed.
		const text = JSON.stringify({ ...signs27, source_policy: null }) + JSON.stringify(template);
		for (const host of ['new88w.xyz', 'sbtn.tv', 'tulipgarden9']) expect(text).not.toContain(host);
	});

	it('classifies hosts: press shown, blogs and mirrors provenance, removed ones removed, strangers unknown', () => {
		expect(sourceKind('https://www.qdnd.vn/x')).toBe('shown');
		expect(sourceKind('http://plo.vn/a')).toBe('shown');
		expect(sourceKind('https://trongan2510.blogspot.com/2017/03/x.html')).toBe('provenance');
		expect(sourceKind('https://boxhoidap.com/x')).toBe('provenance');
		expect(sourceKind('https://www.sbtn.tv/x')).toBe('removed');
		expect(sourceKind('https://tulipgarden9.blogspot.com/x')).toBe('removed');
		expect(sourceKind('https://example.com/x')).toBe('unknown');
		expect(sourceKind('https://notqdnd.vn/x')).toBe('unknown');
		expect(sourceKind('Hà Nội Mới, qua bản sao')).toBe('citation');
	});

	it('shows members only official or press links', () => {
		for (const sign of SIGNS)
			for (const url of shownSources(sign.sources).filter(isUrl)) expect(sourceKind(url)).toBe('shown');
		expect(shownSources(signById('TT6')!.sources)).toEqual([
			'https://baothuathienhue.vn/chinh-tri-xa-hoi/xay-dung-dang/nho-loi-bac-dan-thuc-hien-tot-noi-di-doi-voi-lam--34803.html'
		]);
	});
});

describe('the 27 signs after the review', () => {
	it('has the official wording of TT6, TT7 and DB8, verified, each change with its source', () => {
		expect(signById('TT6')).toMatchObject({
			verified: true,
			text: 'Nói và viết không đúng với quan điểm, đường lối của Đảng, chính sách, pháp luật của Nhà nước. Nói không đi đôi với làm; hứa nhiều làm ít; nói một đằng, làm một nẻo; nói trong hội nghị khác, nói ngoài hội nghị khác; nói và làm không nhất quán giữa khi đương chức với lúc về nghỉ hưu.'
		});
		expect(signById('TT7')).toMatchObject({
			verified: true,
			text: 'Duy ý chí, áp đặt, bảo thủ, chỉ làm theo ý mình; không chịu học tập, lắng nghe, tiếp thu ý kiến hợp lý của người khác.'
		});
		expect(signById('DB8')?.verified).toBe(true);
		expect(signById('DB8')?.text).toMatch(
			/^Phủ nhận vai trò lãnh đạo của Đảng đối với báo chí, văn học – nghệ thuật\./
		);
		for (const id of ['TT6', 'TT7', 'DB8', 'DD4']) {
			const changes = signById(id)!.changes;
			expect(changes.length).toBeGreaterThan(0);
			for (const c of changes) expect(c.source.trim()).not.toBe('');
		}
	});

	it('keeps DD4 unverified with the fragment QĐND quotes, and shows its summary', () => {
		const dd4 = signById('DD4')!;
		expect(dd4.verified).toBe(false);
		expect(dd4.seenFragment).toBe(
			'Mắc “bệnh thành tích”; thích được đề cao, ca ngợi; “chạy thành tích”, “chạy khen thưởng”, “chạy danh hiệu”'
		);
		expect(displayText(dd4).text).toContain('bệnh thành tích');
	});

	it('never shows a member an editorial note or an empty text', () => {
		for (const sign of SIGNS) {
			const shown = displayText(sign);
			expect(hasEditorialNote(shown.text), `${sign.id}: ${shown.text}`).toBe(false);
			expect(shown.text.trim(), sign.id).not.toBe('');
		}
		// The administrator's text keeps the note, so they know what is missing.
		expect(hasEditorialNote(signById('TT8')!.text)).toBe(true);
	});
});

describe('the default template, edition 3: the collectives’ sheets', () => {
	const collective = content.signs.filter((s) => s.groups.some((g) => g === 'CB' || g === 'CU'));

	it('gives the collectives signs of their own, each on one of the 27 parents, with its source, never a member’s', () => {
		expect(content.edition).toBe(3);
		expect(collective.length).toBeGreaterThanOrEqual(12);
		for (const s of collective) {
			expect(
				s.groups.every((g) => g === 'CB' || g === 'CU'),
				s.code
			).toBe(true);
			expect(signById(s.parent), s.code).toBeDefined();
			expect(s.source ?? '', s.code).toContain(`biểu hiện gốc ${s.parent}`);
			expect(s.source ?? '', s.code).toMatch(/chưa đối chiếu/);
		}
		// The members' sheets are unchanged by them.
		expect(content.signs.filter((s) => s.groups.includes('A')).length).toBe(56);
	});

	it('has the collective’s report (Mẫu 1) for CB and CU, every heading marked unverified with its source', () => {
		for (const group of ['CB', 'CU'] as const) {
			const form = content.forms?.[group];
			expect(form?.form).toBe('Mẫu 1');
			for (const line of [form!.title, form!.subtitle, form!.signature, ...form!.sections]) {
				expect(line.verified, 'text' in line ? line.text : line.heading).toBe(false);
				expect(line.source?.trim()).toBeTruthy();
			}
			expect(form!.sections.filter((s) => s.kind === 'signs')).toHaveLength(1);
		}
	});
});

describe('the default template, edition 2', () => {
	const sign = (code: string) => content.signs.find((s) => s.code === code);

	it('attaches TT1.2, DB1.2 and the former DB2.2 to the right parents and removes the TT6.1 / DB1.2 duplicate', () => {
		expect(sign('TT1.2')?.text).toContain('mục tiêu độc lập dân tộc và chủ nghĩa xã hội');
		expect(sign('TT1.2')?.text).not.toContain('con đường đi lên');
		expect(sign('DB1.2')?.text).toContain('tập trung dân chủ');
		expect(sign('TT6.1')?.text).not.toContain('tập thể');
		expect(sign('DB2.2')).toBeUndefined();
		expect(sign('DD9.6')).toMatchObject({ parent: 'DD9', groups: ['A', 'B', 'C'] });
	});

	it('makes the critical flags consistent between groups and between DB1–DB5', () => {
		for (const code of ['DD3.1', 'DD3.2', 'DD3.3', 'DB1.1', 'DB2.1', 'DB3.1', 'DB5.1'])
			expect(sign(code)?.critical, code).toBe(true);
		expect(sign('DD3.2')?.weight).toBe(3);
	});

	it('records every change with its source, on the item it changed', () => {
		const changes = (content.changes ?? []).filter((c) => c.code);
		expect(changes.length).toBeGreaterThanOrEqual(15);
		for (const change of changes) {
			expect(change.source.trim()).not.toBe('');
			const target = change.code === 'DB2.2' ? sign('DD9.6') : sign(change.code!);
			expect(target?.source, change.code).toBe(change.source);
		}
	});
});
