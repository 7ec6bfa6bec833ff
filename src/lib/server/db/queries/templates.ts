import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { template, templateVersion } from '../schema';
import type { TemplateContent } from '../../../domain/template';

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

/** Writes `content` as the next version of the template with its key, creating the template on first use. */
export function insertTemplateVersion(
	db: Db,
	content: TemplateContent,
	options: { note?: string; actorId?: number | null } = {}
): { id: number; version: number } {
	return db.transaction((tx) => {
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
		return { id: row.id, version };
	});
}
