import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import defaultTemplateJson from '../../data/template-default.json' with { type: 'json' };
import { scoreSheet, type Answers } from '../../domain/scoring';
import type { TemplateContent } from '../../domain/template';
import { createTestAccount, createTestDb } from '../../../../tests/helpers/db';
import type { Connection, Db } from '../db/client';
import { auditEvent, template, templateVersion } from '../db/schema';
import { findTemplateVersion, latestTemplateVersion, listTemplateVersions } from '../db/queries/templates';
import { addTemplateVersion, DEFAULT_TEMPLATE_KEY, ensureDefaultTemplate, importTemplate } from './templates';

let db: Connection;

beforeEach(() => {
	db = createTestDb();
});

/** The bundled file as an administrator would upload it, deep-copied so a test may break it. */
function defaultJson(): Record<string, any> {
	return structuredClone(defaultTemplateJson) as Record<string, any>;
}

function rowCounts() {
	const n = (table: typeof template | typeof templateVersion | typeof auditEvent) =>
		db
			.select({ n: sql<number>`count(*)` })
			.from(table)
			.get()!.n;
	return { templates: n(template), versions: n(templateVersion), audits: n(auditEvent) };
}

/** The content column exactly as SQLite stores it. */
function storedText(versionId: number): string {
	const row = db.$client.prepare('select content from template_version where id = ?').get(versionId) as {
		content: string;
	};
	return row.content;
}

/** Every sign of group A answered: the first five at level 2, the rest at 0. */
function someAnswers(content: TemplateContent): Answers {
	return Object.fromEntries(
		content.signs.filter((s) => s.groups.includes('A')).map((s, i) => [s.code, i < 5 ? 2 : 0])
	) as Answers;
}

describe('ensureDefaultTemplate', () => {
	it('installs "bo-65-bieu-hien" version 1 with its 65 signs', () => {
		const stored = ensureDefaultTemplate(db);
		expect(DEFAULT_TEMPLATE_KEY).toBe('bo-65-bieu-hien');
		expect(stored).toMatchObject({ templateKey: 'bo-65-bieu-hien', version: 1, note: 'Bộ mặc định của ứng dụng' });
		expect(stored.content.name).toBe('Bộ 65 biểu hiện cụ thể');
		expect(stored.content.signs).toHaveLength(79);
		expect(stored.content).not.toHaveProperty('$comment');
		expect(rowCounts()).toEqual({ templates: 1, versions: 1, audits: 1 });
	});

	it('is idempotent: a second call returns the same version and writes nothing', () => {
		const first = ensureDefaultTemplate(db);
		const before = rowCounts();
		const second = ensureDefaultTemplate(db);
		expect(second.id).toBe(first.id);
		expect(second.version).toBe(1);
		expect(rowCounts()).toEqual(before);
	});

	it('leaves a newer version in place rather than going back to the bundled one', () => {
		const first = ensureDefaultTemplate(db);
		const newer = addTemplateVersion(db, { ...first.content, wordingNote: 'Đã chỉnh' });
		expect(ensureDefaultTemplate(db).id).toBe(newer.id);
		expect(rowCounts().versions).toBe(2);
	});
});

describe('addTemplateVersion', () => {
	it('makes version 2 from changed content and leaves version 1 byte-identical', async () => {
		const v1 = ensureDefaultTemplate(db);
		const textBefore = storedText(v1.id);
		const answers = someAnswers(v1.content);
		const scoreBefore = scoreSheet(v1.content, 'A', answers);
		const adminId = await createTestAccount(db, 'quantri');

		const changed = structuredClone(v1.content);
		changed.rules.levelPenalty = [0, 2, 5, 9];
		changed.signs[0].text = 'Nội dung đã sửa của biểu hiện cụ thể đầu tiên';
		changed.signs.push({
			code: 'TT1.9',
			parent: 'TT1',
			text: 'Biểu hiện cụ thể thêm',
			groups: ['A'],
			weight: 1,
			critical: false
		});
		const v2 = addTemplateVersion(db, changed, { note: 'Sửa điểm trừ', actorId: adminId });

		expect(v2).toMatchObject({
			templateId: v1.templateId,
			templateKey: 'bo-65-bieu-hien',
			version: 2,
			note: 'Sửa điểm trừ'
		});
		expect(v2.content).toEqual(changed);
		expect(latestTemplateVersion(db, 'bo-65-bieu-hien')?.id).toBe(v2.id);

		expect(storedText(v1.id)).toBe(textBefore);
		const reread = findTemplateVersion(db, v1.id)!;
		expect(reread.content).toEqual(v1.content);
		expect(scoreSheet(reread.content, 'A', answers)).toEqual(scoreBefore);
		// The change matters, so the equality above is not trivially true.
		expect(scoreSheet(v2.content, 'A', answers).score).not.toBe(scoreBefore.score);
		expect(db.select().from(templateVersion).where(eq(templateVersion.id, v2.id)).get()?.createdBy).toBe(adminId);
	});

	it('renames the template to the name of its newest version', () => {
		const v1 = ensureDefaultTemplate(db);
		addTemplateVersion(db, { ...v1.content, name: 'Bộ biểu hiện năm 2026' });
		expect(
			db
				.select()
				.from(template)
				.all()
				.map((t) => t.name)
		).toEqual(['Bộ biểu hiện năm 2026']);
	});
});

/** Uploads `json` as an administrator's file would arrive: as text. */
const importJson = (db: Db, json: unknown, options?: Parameters<typeof importTemplate>[2]) =>
	importTemplate(db, JSON.stringify(json), options);

describe('importTemplate', () => {
	it('refuses text that is not JSON and writes nothing', () => {
		ensureDefaultTemplate(db);
		const before = rowCounts();
		const result = importTemplate(db, '{ "key": ');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0]).toMatch(/^Tệp không phải JSON hợp lệ/);
		expect(rowCounts()).toEqual(before);
	});

	const broken: { name: string; mutate: (json: Record<string, any>) => void; error: string }[] = [
		{
			name: 'without signs',
			mutate: (json) => delete json.signs,
			error: 'signs: thiếu danh sách biểu hiện cụ thể'
		},
		{
			name: 'with a duplicate code',
			mutate: (json) => (json.signs[1].code = json.signs[0].code),
			error: 'signs[1] (TT1.1): mã biểu hiện bị trùng với signs[0]'
		},
		{
			name: 'with an unknown parent',
			mutate: (json) => (json.signs[0].parent = 'XX1'),
			error: 'signs[0] (TT1.1): biểu hiện gốc không hợp lệ «XX1» (phải là TT1–TT9, DD1–DD9 hoặc DB1–DB9)'
		},
		{
			name: 'with level penalties that go down',
			mutate: (json) => (json.rules.levelPenalty = [0, 3, 1, 6]),
			error: 'rules.levelPenalty[2]: điểm trừ của mức 2 không được nhỏ hơn của mức 1'
		},
		{
			name: 'with a penalty at level 0',
			mutate: (json) => (json.rules.levelPenalty = [1, 1, 3, 6]),
			error: 'rules.levelPenalty[0]: mức 0 (không có biểu hiện) phải có điểm trừ bằng 0'
		},
		{
			name: 'with three level penalties',
			mutate: (json) => (json.rules.levelPenalty = [0, 1, 3]),
			error: 'rules.levelPenalty: phải có đúng 4 giá trị điểm trừ, lần lượt cho các mức 0, 1, 2, 3'
		},
		{
			name: 'with a sign for group D',
			mutate: (json) => (json.signs[2].groups = ['A', 'D']),
			error: 'signs[2] (TT2.1): nhóm đối tượng không hợp lệ «D»'
		}
	];

	for (const c of broken) {
		it(`refuses a template ${c.name}, says why in Vietnamese and writes nothing`, () => {
			ensureDefaultTemplate(db);
			const before = rowCounts();
			const json = defaultJson();
			c.mutate(json);
			const result = importJson(db, json);
			expect(result.ok).toBe(false);
			expect(result.ok ? [] : result.errors).toContain(c.error);
			expect(rowCounts()).toEqual(before);
		});
	}

	it('refuses something that is not an object', () => {
		const result = importJson(db, [1, 2, 3]);
		expect(result).toEqual({ ok: false, errors: ['Tệp mẫu phiếu phải là một đối tượng JSON'] });
		expect(rowCounts()).toEqual({ templates: 0, versions: 0, audits: 0 });
	});

	it('stores a valid template with a new key as version 1 of a new template', async () => {
		const adminId = await createTestAccount(db, 'quantri');
		const v1 = ensureDefaultTemplate(db);
		const json = { ...defaultJson(), key: 'bo-thu-nghiem', name: 'Bộ thử nghiệm' };
		const result = importJson(db, json, { note: 'Nhập thử', actorId: adminId });
		if (!result.ok) throw new Error(result.errors.join('\n'));
		expect(result.version).toMatchObject({ templateKey: 'bo-thu-nghiem', version: 1, note: 'Nhập thử' });
		expect(result.version.templateId).not.toBe(v1.templateId);
		expect(result.version.content.signs).toHaveLength(79);
		expect(rowCounts()).toEqual({ templates: 2, versions: 2, audits: 2 });
		expect(latestTemplateVersion(db, 'bo-65-bieu-hien')?.id).toBe(v1.id);
	});

	it('stores a re-import of the same key as the next version', () => {
		ensureDefaultTemplate(db);
		const result = importJson(db, defaultJson());
		expect(result.ok && result.version.version).toBe(2);
	});
});

describe('listTemplateVersions', () => {
	it('lists every version, newest first within a template, with its sign count', () => {
		const v1 = ensureDefaultTemplate(db);
		const smaller = structuredClone(v1.content);
		smaller.signs = smaller.signs.filter((s) => s.code !== 'TT1.2');
		addTemplateVersion(db, smaller);
		const imported = importJson(db, { ...defaultJson(), key: 'bo-thu-nghiem' });
		expect(imported.ok).toBe(true);

		expect(
			listTemplateVersions(db).map(({ templateKey, templateName, version, signs }) => ({
				templateKey,
				templateName,
				version,
				signs
			}))
		).toEqual([
			{ templateKey: 'bo-65-bieu-hien', templateName: 'Bộ 65 biểu hiện cụ thể', version: 2, signs: 78 },
			{ templateKey: 'bo-65-bieu-hien', templateName: 'Bộ 65 biểu hiện cụ thể', version: 1, signs: 79 },
			{ templateKey: 'bo-thu-nghiem', templateName: 'Bộ 65 biểu hiện cụ thể', version: 1, signs: 79 }
		]);
		expect(listTemplateVersions(db)[0]).not.toHaveProperty('content');
	});
});

describe('audit trail', () => {
	it('records "template.version.create" for every version, however it was made', async () => {
		const adminId = await createTestAccount(db, 'quantri');
		const v1 = ensureDefaultTemplate(db);
		const v2 = addTemplateVersion(db, v1.content, { actorId: adminId });
		const imported = importJson(db, { ...defaultJson(), key: 'bo-thu-nghiem' }, { actorId: adminId });
		if (!imported.ok) throw new Error(imported.errors.join('\n'));
		importJson(db, { ...defaultJson(), signs: [] });

		const events = db
			.select({
				actorId: auditEvent.actorId,
				action: auditEvent.action,
				targetType: auditEvent.targetType,
				targetId: auditEvent.targetId,
				detail: auditEvent.detail
			})
			.from(auditEvent)
			.orderBy(auditEvent.id)
			.all();
		expect(events).toEqual([
			{
				actorId: null,
				action: 'template.version.create',
				targetType: 'template_version',
				targetId: v1.id,
				detail: { key: 'bo-65-bieu-hien', version: 1 }
			},
			{
				actorId: adminId,
				action: 'template.version.create',
				targetType: 'template_version',
				targetId: v2.id,
				detail: { key: 'bo-65-bieu-hien', version: 2 }
			},
			{
				actorId: adminId,
				action: 'template.version.create',
				targetType: 'template_version',
				targetId: imported.version.id,
				detail: { key: 'bo-thu-nghiem', version: 1 }
			}
		]);
	});
});
