// The bundled default's second edition arrives as a new version; sheets of the first keep theirs.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import type { Db } from '../db/client';
import { addTemplateVersion, ensureDefaultTemplate } from './templates';
import { parseTemplate } from '../../schemas/template';
import { findTemplateVersion, latestTemplateVersion } from '../db/queries/templates';
import firstEdition from '../../data/template-default-v1.json' with { type: 'json' };
import secondEdition from '../../data/template-default-v2.json' with { type: 'json' };

let db: Db;
beforeEach(() => {
	db = createTestDb();
});

function installFirstEdition() {
	const parsed = parseTemplate(firstEdition);
	if (!parsed.ok) throw new Error(parsed.errors.join('; '));
	return addTemplateVersion(db, parsed.content, { note: 'Bộ mặc định của ứng dụng' });
}

describe('ensureDefaultTemplate and editions', () => {
	it('adds the bundled edition 3 as version 3 over an installation that has edition 2, once; edition 2 is untouched', () => {
		installFirstEdition();
		const parsed = parseTemplate(secondEdition);
		if (!parsed.ok) throw new Error(parsed.errors.join('; '));
		const v2 = addTemplateVersion(db, parsed.content, { note: 'Bộ mặc định của ứng dụng, bản 2' });
		const v3 = ensureDefaultTemplate(db);
		expect([v3.version, v3.content.edition, v3.note]).toEqual([3, 3, 'Bộ mặc định của ứng dụng, bản 3']);
		expect(ensureDefaultTemplate(db).id).toBe(v3.id);
		// Sheets of edition 2 keep it: no collective's form nor sign in it.
		const old = findTemplateVersion(db, v2.id)!;
		expect(old.content.forms?.CB).toBeUndefined();
		expect(old.content.signs.some((s) => s.groups.some((g) => g === 'CB'))).toBe(false);
		expect(v3.content.forms?.CB?.form).toBe('Mẫu 1');
	});

	it('adds the bundled edition as the next version over an installation that has edition 1, once', () => {
		const v1 = installFirstEdition();
		const v2 = ensureDefaultTemplate(db);
		expect(v2.version).toBe(2);
		expect(v2.content.edition).toBe(3);
		expect(v2.note).toBe('Bộ mặc định của ứng dụng, bản 3');
		expect(ensureDefaultTemplate(db).id).toBe(v2.id);
		// Version 1 is untouched: its TT1.2 still has the old wording and DB2.2 is still there.
		expect(latestTemplateVersion(db, v1.templateKey)!.id).toBe(v2.id);
		const old = findTemplateVersion(db, v1.id);
		expect(old?.content.signs.find((s) => s.code === 'TT1.2')?.text).toContain('con đường đi lên chủ nghĩa xã hội');
		expect(old?.content.signs.some((s) => s.code === 'DB2.2')).toBe(true);
		expect(v2.content.signs.some((s) => s.code === 'DB2.2')).toBe(false);
	});

	it('keeps the export round trip of edition, changes, sources and forms', async () => {
		const { serializeTemplate } = await import('../../schemas/template');
		const v2 = ensureDefaultTemplate(db);
		const again = parseTemplate(JSON.parse(serializeTemplate(v2.content)));
		expect(again.ok && again.content).toEqual(v2.content);
	});
});
