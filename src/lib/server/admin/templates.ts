// Questionnaire templates: a new version is validated, stored and audited; versions are never edited.
import type { Db } from '../db/client';
import {
	findTemplateVersion,
	insertTemplateVersion,
	latestTemplateVersion,
	type StoredVersion
} from '../db/queries/templates';
import { recordAudit } from '../db/queries/audit';
import type { TemplateContent } from '../../domain/template';
import { parseTemplate, parseTemplateText } from '../../schemas/template';
import defaultTemplateJson from '../../data/template-default.json' with { type: 'json' };

/**
 * Stores validated content as a new version of the template with its key (creating the template on
 * first import), with its audit line. Versions are never updated: a change is always a new version, so
 * sheets made with an older one keep rendering and scoring as they were.
 */
export function addTemplateVersion(
	db: Db,
	content: TemplateContent,
	options: { note?: string; actorId?: number | null } = {}
): StoredVersion {
	const id = db.transaction((tx) => {
		const row = insertTemplateVersion(tx, content, options);
		recordAudit(tx, {
			actorId: options.actorId ?? null,
			action: 'template.version.create',
			target: { type: 'template_version', id: row.id },
			detail: { key: content.key, version: row.version }
		});
		return row.id;
	});
	return findTemplateVersion(db, id)!;
}

/** Validates an uploaded template (JSON text) and stores it as a new version; on any error nothing is written. */
export function importTemplate(
	db: Db,
	text: string,
	options: { note?: string; actorId?: number | null } = {}
): { ok: true; version: StoredVersion } | { ok: false; errors: string[] } {
	const parsed = parseTemplateText(text);
	if (!parsed.ok) return parsed;
	return { ok: true, version: addTemplateVersion(db, parsed.content, options) };
}

/**
 * Puts the bundled default template ("Bộ 65 biểu hiện cụ thể") in the database if it is not there yet, and
 * installs a newer bundled edition as a new version. Periods keep the version they pinned, so sheets made
 * with an older edition keep rendering and scoring with it; a version an administrator made after the
 * bundled edition (same edition or later) is left as the latest.
 */
export function ensureDefaultTemplate(db: Db): StoredVersion {
	const parsed = parseTemplate(defaultTemplateJson);
	if (!parsed.ok) throw new Error(`The bundled default template is invalid: ${parsed.errors.join('; ')}`);
	const existing = latestTemplateVersion(db, parsed.content.key);
	const bundled = parsed.content.edition ?? 1;
	if (existing && (existing.content.edition ?? 1) >= bundled) return existing;
	const note = existing ? `Bộ mặc định của ứng dụng, bản ${bundled}` : 'Bộ mặc định của ứng dụng';
	return addTemplateVersion(db, parsed.content, { note });
}

/** Key of the bundled default template. */
export const DEFAULT_TEMPLATE_KEY = (defaultTemplateJson as { key: string }).key;
