// Which sources a Party member may be shown (source_policy in signs27.json): official documents and state
// and Party press are links; aggregators, mirrors and blogs are kept as provenance and never shown; hosts
// removed from the data in December 2026 must not come back. Pure: the /signs page and the tests share it.
import signs27 from '../data/signs27.json' with { type: 'json' };

/** How the policy treats a source. */
/** `citation` is a named source without a link ("Nghị quyết 04-NQ/TW, mục 3.8"): shown as text, never as a link. */
export type SourceKind = 'shown' | 'citation' | 'provenance' | 'removed' | 'unknown';

const policy = signs27.source_policy;

function hostOf(url: string): string | null {
	try {
		return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
	} catch {
		return null;
	}
}

function matches(host: string, pattern: string): boolean {
	if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
	return host === pattern || host.endsWith(`.${pattern}`);
}

/** What the policy says of one source: a URL by its host, or a named source without a link. */
export function sourceKind(source: string): SourceKind {
	if (!/^https?:\/\//.test(source)) return 'citation';
	const host = hostOf(source);
	if (!host) return 'unknown';
	// Removed first: a copy of a removed outlet can sit on an otherwise allowed blog host.
	if (policy.removed.some((p) => matches(host, p))) return 'removed';
	if (policy.shown.some((p) => matches(host, p))) return 'shown';
	if (policy.provenance.some((p) => matches(host, p))) return 'provenance';
	return 'unknown';
}

/** The sources a member may be shown, in their order: official and press links, and named citations as text. */
export function shownSources(sources: readonly string[]): string[] {
	return sources.filter((s) => sourceKind(s) === 'shown' || sourceKind(s) === 'citation');
}

/** The policy in words, for administrators. */
export const SOURCE_POLICY_RULE: string = policy.rule;
