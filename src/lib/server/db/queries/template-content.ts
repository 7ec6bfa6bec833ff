import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { templateVersion } from '../schema';
import type { TemplateContent } from '../../../domain/template';

// Versions never change (a database trigger refuses it), so a parsed copy can be kept for good, per
// database. The key is drizzle's session, which a connection and every transaction on it share: keyed on
// the handle itself, a save (which runs in a transaction) would never hit the cache.
const contentCache = new WeakMap<object, Map<number, TemplateContent>>();

function cacheKey(db: Db): object {
	return (db as unknown as { session?: object }).session ?? db;
}

/** The content of a template version, parsed once per database connection: every autosave and page needs it. */
export function templateContent(db: Db, versionId: number): TemplateContent | undefined {
	const key = cacheKey(db);
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
