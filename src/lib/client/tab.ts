// Which browser tab a page belongs to, for the sheet's local copies: each tab keeps its own, so a second tab never
// sends the first one's changes behind its back. The id lives in sessionStorage (a tab's own, kept across reloads);
// a page that holds it says so, so a duplicated tab — which starts with a copy of its original's sessionStorage
// while the original is still open — takes an id of its own. Every page claims it as it loads (the app's layout),
// not only the sheet page, so a duplicate of any page is told apart.

const TAB = 'tusoi:tab';
/** The tab id a page still open holds. */
const HOLDER = 'tusoi:tab-open';

/**
 * The id a page keeps its copies under: its tab's, unless there is none yet or another page still open holds it
 * (`holder`). A reload, or a page reopened after the tab was closed, finds the id free (a page frees it as it goes).
 */
export function tabIdFor(stored: string | null, holder: string | null, fresh: () => string): string {
	return stored !== null && stored !== '' && holder !== stored ? stored : fresh();
}

/** This document's tab id, chosen once (a sheet opened after another page of the same document keeps it). */
let documentTab: string | null = null;

/** Claims this page's tab id (once per document) and returns it. */
export function claimTab(): string {
	if (documentTab) return documentTab;
	const tab = tabIdFor(sessionStorage.getItem(TAB), sessionStorage.getItem(HOLDER), () => crypto.randomUUID());
	documentTab = tab;
	sessionStorage.setItem(TAB, tab);
	sessionStorage.setItem(HOLDER, tab);
	// Going (a reload, the tab closed): the next page of this tab takes the id again; back from the cache: held again.
	addEventListener('pagehide', () => sessionStorage.removeItem(HOLDER));
	addEventListener('pageshow', (e) => {
		if (e.persisted) sessionStorage.setItem(HOLDER, tab);
	});
	return tab;
}
