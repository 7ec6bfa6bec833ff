import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import defaultTemplateJson from '../../../data/template-default.json' with { type: 'json' };
import { displayText, SIGNS, signById, SUMMARY_LABEL } from '../../../domain/catalog';
import { shownSources } from '../../../domain/sources';
import { TARGET_GROUPS, type TargetGroup } from '../../../domain/template';
import { createTestAccount, createTestDb } from '../../../../../tests/helpers/db';
import type { Db } from '../client';
import { auditEvent, signWording } from '../schema';
import { referenceFor } from '../../reference';
import { signCatalog } from './signs';
import { setSignWording } from '../../admin/signs';
import { ensureDefaultTemplate } from '../../admin/templates';

let db: Db;
let adminId: number;

beforeEach(async () => {
	db = createTestDb();
	adminId = await createTestAccount(db, 'quantri');
});

const OFFICIAL_TEXT = 'Nguyên văn biểu hiện thứ tám, nhập từ văn bản Nghị quyết.';
const SOURCE = 'Nghị quyết 04-NQ/TW, mục 3.8';

function rowCounts() {
	const n = (table: typeof signWording | typeof auditEvent) =>
		db
			.select({ n: sql<number>`count(*)` })
			.from(table)
			.get()!.n;
	return { wordings: n(signWording), audits: n(auditEvent) };
}

const catalogSign = (id: string) => signCatalog(db).find((s) => s.id === id)!;

describe('signCatalog', () => {
	it('has the 27 bundled signs, 16 of them verified', () => {
		const catalog = signCatalog(db);
		expect(catalog).toHaveLength(27);
		expect(catalog.filter((s) => s.verified)).toHaveLength(16);
		expect(catalog).toEqual(SIGNS);
	});
});

describe('setSignWording', () => {
	it('with official=true makes the sign verified, with the new text and its source first', () => {
		const bundled = signById('DD8')!;
		expect(bundled.verified).toBe(false);
		setSignWording(db, { signId: 'DD8', text: OFFICIAL_TEXT, official: true, source: SOURCE }, adminId);

		const sign = catalogSign('DD8');
		expect(sign).toMatchObject({
			id: 'DD8',
			text: OFFICIAL_TEXT,
			verified: true,
			sources: [SOURCE, ...bundled.sources]
		});
		expect(displayText(sign)).toEqual({ text: OFFICIAL_TEXT, official: true, label: null });
		const catalog = signCatalog(db);
		expect(catalog.filter((s) => s.verified)).toHaveLength(17);
		expect(catalog.filter((s) => s.id !== 'DD8')).toEqual(SIGNS.filter((s) => s.id !== 'DD8'));
	});

	it('with official=false keeps the sign unverified, shown as a summary', () => {
		setSignWording(
			db,
			{ signId: 'DD8', text: 'Tóm tắt mới của biểu hiện thứ tám', official: false, source: '' },
			adminId
		);
		const sign = catalogSign('DD8');
		expect(sign).toMatchObject({
			text: 'Tóm tắt mới của biểu hiện thứ tám',
			verified: false,
			sources: signById('DD8')!.sources
		});
		expect(displayText(sign)).toEqual({
			text: 'Tóm tắt mới của biểu hiện thứ tám',
			official: false,
			label: SUMMARY_LABEL
		});
		expect(signCatalog(db).filter((s) => s.verified)).toHaveLength(16);
	});

	it('replaces an earlier correction of the same sign', () => {
		setSignWording(
			db,
			{ signId: 'DD8', text: 'Bản sửa lần thứ nhất của biểu hiện', official: false, source: 'Nguồn một' },
			adminId
		);
		setSignWording(db, { signId: 'DD8', text: OFFICIAL_TEXT, official: true, source: SOURCE }, adminId);
		expect(catalogSign('DD8')).toMatchObject({
			text: OFFICIAL_TEXT,
			verified: true,
			sources: [SOURCE, ...signById('DD8')!.sources]
		});
		expect(db.select().from(signWording).all()).toEqual([
			{
				signId: 'DD8',
				text: OFFICIAL_TEXT,
				official: true,
				source: SOURCE,
				updatedBy: adminId,
				updatedAt: expect.any(Date)
			}
		]);
	});

	it('throws on an unknown sign and writes nothing', () => {
		expect(() =>
			setSignWording(db, { signId: 'XX1', text: OFFICIAL_TEXT, official: true, source: SOURCE }, adminId)
		).toThrow(/XX1/);
		expect(rowCounts()).toEqual({ wordings: 0, audits: 0 });
	});

	it('records who changed which sign, and from what source', () => {
		setSignWording(db, { signId: 'DD8', text: OFFICIAL_TEXT, official: true, source: SOURCE }, adminId);
		setSignWording(
			db,
			{ signId: 'TT6', text: 'Tóm tắt mới của biểu hiện thứ sáu', official: false, source: '' },
			adminId
		);
		const events = db
			.select({
				actorId: auditEvent.actorId,
				action: auditEvent.action,
				targetType: auditEvent.targetType,
				reason: auditEvent.reason,
				detail: auditEvent.detail
			})
			.from(auditEvent)
			.orderBy(auditEvent.id)
			.all();
		expect(events).toEqual([
			{
				actorId: adminId,
				action: 'sign.wording.set',
				targetType: 'sign',
				reason: SOURCE,
				detail: { signId: 'DD8', official: true }
			},
			{
				actorId: adminId,
				action: 'sign.wording.set',
				targetType: 'sign',
				reason: '',
				detail: { signId: 'TT6', official: false }
			}
		]);
	});
});

describe('referenceFor', () => {
	const json = defaultTemplateJson as {
		signs: { code: string; parent: string; groups: string[] }[];
		exclusions: { group: string; parent: string; reason: string }[];
	};
	const signsOf = (group: TargetGroup) => json.signs.filter((s) => s.groups.includes(group));

	it('needs an installed template', () => {
		expect(() => referenceFor(db, 'A')).toThrow();
	});

	for (const group of TARGET_GROUPS) {
		it(`shows group ${group} three categories of nine signs with only that group's concrete signs`, () => {
			ensureDefaultTemplate(db);
			const ref = referenceFor(db, group);
			expect(ref.template).toMatchObject({ name: 'Bộ 65 biểu hiện cụ thể', version: 1, wording: 'app_default' });
			expect(ref.categories.map((c) => c.key)).toEqual([
				'tu_tuong_chinh_tri',
				'dao_duc_loi_song',
				'tu_dien_bien_tu_chuyen_hoa'
			]);
			for (const category of ref.categories) {
				expect(category.signs.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
			}

			const shown = ref.categories.flatMap((c) =>
				c.signs.flatMap((s) => s.concrete.map((k) => ({ parent: s.id, code: k.code })))
			);
			expect(ref.concreteCount).toBe(signsOf(group).length);
			expect(shown).toEqual(signsOf(group).map((s) => ({ parent: s.parent, code: s.code })));

			const expectedExclusions = Object.fromEntries(
				json.exclusions.filter((e) => e.group === group).map((e) => [e.parent, e.reason])
			);
			const excluded = Object.fromEntries(
				ref.categories.flatMap((c) =>
					c.signs.filter((s) => s.excludedBecause !== null).map((s) => [s.id, s.excludedBecause])
				)
			);
			expect(excluded).toEqual(expectedExclusions);
			for (const id of Object.keys(excluded)) {
				expect(ref.categories.flatMap((c) => c.signs).find((s) => s.id === id)?.concrete).toEqual([]);
			}
		});
	}

	it('excludes TT9 and DD8 for groups B and C, and nothing for group A', () => {
		ensureDefaultTemplate(db);
		const excludedIds = (group: TargetGroup) =>
			referenceFor(db, group).categories.flatMap((c) => c.signs.filter((s) => s.excludedBecause).map((s) => s.id));
		expect(excludedIds('A')).toEqual([]);
		expect(excludedIds('B')).toEqual(['TT9', 'DD8']);
		expect(excludedIds('C')).toEqual(['TT9', 'DD8']);
	});

	it('labels unverified wording as a summary, and stops once the official text is entered', () => {
		ensureDefaultTemplate(db);
		const signOf = (id: string) =>
			referenceFor(db, 'B')
				.categories.flatMap((c) => c.signs)
				.find((s) => s.id === id)!;
		expect(signOf('DD8')).toMatchObject({ official: false, label: 'Tóm tắt — chưa đối chiếu văn bản gốc' });
		expect(signOf('TT1')).toMatchObject({ official: true, label: null });
		const labels = referenceFor(db, 'B').categories.flatMap((c) => c.signs.map((s) => s.label));
		expect(labels.filter((l) => l === SUMMARY_LABEL)).toHaveLength(11);

		setSignWording(db, { signId: 'DD8', text: OFFICIAL_TEXT, official: true, source: SOURCE }, adminId);
		expect(signOf('DD8')).toMatchObject({
			text: OFFICIAL_TEXT,
			official: true,
			label: null,
			// Blogs behind the bundled wording stay provenance: only the entered citation is shown.
			sources: [SOURCE, ...shownSources(signById('DD8')!.sources)]
		});
	});
});
