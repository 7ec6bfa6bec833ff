import type { Db } from './db/client';
import { signCatalog } from './db/queries/signs';
import { latestTemplateVersion } from './db/queries/templates';
import { DEFAULT_TEMPLATE_KEY } from './admin/templates';
import { CATEGORY_KEYS, CATEGORY_LABELS, signsForGroup, type TargetGroup } from '../domain/template';
import { displayText } from '../domain/catalog';
import { shownSources } from '../domain/sources';

/** The reference page's content: each category's signs, their wording status and sources, and the concrete signs of one group under each. */
export function referenceFor(db: Db, group: TargetGroup) {
	const version = latestTemplateVersion(db, DEFAULT_TEMPLATE_KEY);
	if (!version) throw new Error('No questionnaire template is installed');
	const concrete = signsForGroup(version.content, group);
	const excluded = new Map(
		version.content.exclusions.filter((e) => e.group === group).map((e) => [e.parent, e.reason])
	);
	const catalog = signCatalog(db);
	return {
		template: {
			name: version.content.name,
			version: version.version,
			wording: version.content.wording,
			wordingNote: version.content.wordingNote ?? ''
		},
		concreteCount: concrete.length,
		categories: CATEGORY_KEYS.map((category) => ({
			key: category,
			label: CATEGORY_LABELS[category],
			signs: catalog
				.filter((sign) => sign.category === category)
				.map((sign) => ({
					id: sign.id,
					number: sign.number,
					...displayText(sign),
					// Only official documents and state and Party press are links; the rest stays provenance.
					sources: shownSources(sign.sources),
					excludedBecause: excluded.get(sign.id) ?? null,
					concrete: concrete
						.filter((c) => c.parent === sign.id)
						.map((c) => ({
							code: c.code,
							text: c.text,
							critical: c.critical,
							weight: c.weight,
							source: c.source ?? null
						}))
				}))
		}))
	};
}
