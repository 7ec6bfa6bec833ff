import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { ensureDefaultTemplate } from '../admin/templates';
import { auditEvent, templateVersion } from './schema';

describe('history that must not change', () => {
	it('refuses to update or delete a template version', () => {
		const db = createTestDb();
		const version = ensureDefaultTemplate(db);
		expect(() =>
			db.update(templateVersion).set({ note: 'sửa' }).where(eq(templateVersion.id, version.id)).run()
		).toThrow(/immutable/);
		expect(() => db.delete(templateVersion).where(eq(templateVersion.id, version.id)).run()).toThrow(/immutable/);
		expect(db.select().from(templateVersion).get()?.note).toBe(version.note);
	});

	it('keeps the audit log append-only', () => {
		const db = createTestDb();
		ensureDefaultTemplate(db);
		const event = db.select().from(auditEvent).get()!;
		expect(() => db.update(auditEvent).set({ reason: 'xóa dấu vết' }).where(eq(auditEvent.id, event.id)).run()).toThrow(
			/append-only/
		);
		expect(() => db.delete(auditEvent).run()).toThrow(/append-only/);
		expect(db.select().from(auditEvent).all()).toHaveLength(1);
	});
});

// --- Hand-ins (appended; imports are hoisted). ---
import { handIn, periodSetup } from '../../../../tests/helpers/sheets';
import { createTestMember } from '../../../../tests/helpers/db';
import { sheetSubmission } from './schema';

describe('what a hand-in contained', () => {
	it('is kept as it was', async () => {
		const { db, content, tree } = periodSetup();
		handIn(db, await createTestMember(db, tree.chapterA), content, '2026-03-10');
		const kept = db.select().from(sheetSubmission).get()!;
		expect(() => db.update(sheetSubmission).set({ content: {} }).where(eq(sheetSubmission.id, kept.id)).run()).toThrow(
			/kept as it was/
		);
		expect(db.select().from(sheetSubmission).get()).toEqual(kept);
	});
});
