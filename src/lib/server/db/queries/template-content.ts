import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { templateVersion } from '../schema';
import type { TemplateContent } from '../../../domain/template';

// Versions never change (a database trigger refuses it), so a parsed copy can be kept for good, per
// database (the client is the key, so a transaction's handle shares the cache of its connection).
const contentCache = new WeakMap<object, Map<number, TemplateContent>>();

/** The content of a template version, parsed once per database connection: every autosave and page needs it. */
export function templateContent(db: Db, versionId: number): TemplateContent | undefined {
	const key = db.$client ?? db;
	const cache = contentCache.get(key) ?? new Map<number, TemplateContent>();
	contentCache.set(key, cache);
	const cached = cache.get(versionId);
	if (cached) return cached;
	const row = db
		.select({ content: templateVersion.content })
		.from(templateVersion)
		.where(eq(templateVersion.id, versionId))
		.get();
	if (!row) return undefined;
	cache.set(versionId, row.content as TemplateContent);
	return row.content as TemplateContent;
}
