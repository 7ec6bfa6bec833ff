import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvent, template, templateVersion } from '../schema';
import type { TemplateContent } from '../../../domain/template';
import { parseTemplate } from '../../../schemas/template';
import defaultTemplateJson from '../../../data/template-default.json';

/** One stored template version with its parsed content. */
export interface StoredVersion {
	id: number;
	templateId: number;
	templateKey: string;
	version: number;
	note: string;
	createdAt: Date;
	content: TemplateContent;
}

function toStored(row: Omit<StoredVersion, 'content'> & { content: unknown }): StoredVersion {
	return { ...row, content: row.content as TemplateContent };
}

const versionColumns = {
	id: templateVersion.id,
	templateId: templateVersion.templateId,
	templateKey: template.key,
	version: templateVersion.version,
	note: templateVersion.note,
	createdAt: templateVersion.createdAt,
	content: templateVersion.content
};

export { templateContent } from './template-content';

/** One template version by id. */
export function findTemplateVersion(db: Db, id: number): StoredVersion | undefined {
	const row = db
		.select(versionColumns)
		.from(templateVersion)
		.innerJoin(template, eq(template.id, templateVersion.templateId))
		.where(eq(templateVersion.id, id))
		.get();
	return row && toStored(row);
}

/** The newest version of the template with this key. */
export function latestTemplateVersion(db: Db, key: string): StoredVersion | undefined {
	const row = db
		.select(versionColumns)
		.from(templateVersion)
		.innerJoin(template, eq(template.id, templateVersion.templateId))
		.where(eq(template.key, key))
		.orderBy(desc(templateVersion.version))
		.limit(1)
		.get();
	return row && toStored(row);
}

/** Every template with its versions, newest version first (without the content, which is large). */
export function listTemplateVersions(db: Db) {
	return db
		.select({
			id: templateVersion.id,
			templateKey: template.key,
			templateName: template.name,
			version: templateVersion.version,
			note: templateVersion.note,
			createdAt: templateVersion.createdAt,
			signs: sql<number>`json_array_length(${templateVersion.content}, '$.signs')`
		})
		.from(templateVersion)
		.innerJoin(template, eq(template.id, templateVersion.templateId))
		.orderBy(template.key, desc(templateVersion.version))
		.all();
}

/**
 * Stores validated content as a new version of the template with its key (creating the template on
 * first import). Versions are never updated: a change is always a new version, so sheets made with an
 * older one keep rendering and scoring as they were.
 */
export function addTemplateVersion(
	db: Db,
	content: TemplateContent,
	options: { note?: string; actorId?: number | null } = {}
): StoredVersion {
	const id = db.transaction((tx) => {
		let found = tx.select().from(template).where(eq(template.key, content.key)).get();
		if (found) {
			tx.update(template).set({ name: content.name }).where(eq(template.id, found.id)).run();
		} else {
			found = tx.insert(template).values({ key: content.key, name: content.name }).returning().get();
		}
		const last = tx
			.select({ version: sql<number>`max(${templateVersion.version})` })
			.from(templateVersion)
			.where(eq(templateVersion.templateId, found.id))
			.get();
		const version = (last?.version ?? 0) + 1;
		const row = tx
			.insert(templateVersion)
			.values({ templateId: found.id, version, content, note: options.note ?? '', createdBy: options.actorId ?? null })
			.returning({ id: templateVersion.id })
			.get();
		tx.insert(auditEvent)
			.values({
				actorId: options.actorId ?? null,
				action: 'template.version.create',
				targetType: 'template_version',
				targetId: row.id,
				detail: { key: content.key, version }
			})
			.run();
		return row.id;
	});
	return findTemplateVersion(db, id)!;
}

/** Validates an imported template and stores it as a new version; on any error nothing is written. */
export function importTemplate(
	db: Db,
	json: unknown,
	options: { note?: string; actorId?: number | null } = {}
): { ok: true; version: StoredVersion } | { ok: false; errors: string[] } {
	const parsed = parseTemplate(json);
	if (!parsed.ok) return parsed;
	return { ok: true, version: addTemplateVersion(db, parsed.content, options) };
}

/** Puts the bundled default template ("Bộ 65 biểu hiện cụ thể") in the database if it is not there yet. */
export function ensureDefaultTemplate(db: Db): StoredVersion {
	const parsed = parseTemplate(defaultTemplateJson);
	if (!parsed.ok) throw new Error(`The bundled default template is invalid: ${parsed.errors.join('; ')}`);
	const existing = latestTemplateVersion(db, parsed.content.key);
	return existing ?? addTemplateVersion(db, parsed.content, { note: 'Bộ mặc định của ứng dụng' });
}

/** Key of the bundled default template. */
export const DEFAULT_TEMPLATE_KEY = (defaultTemplateJson as { key: string }).key;
