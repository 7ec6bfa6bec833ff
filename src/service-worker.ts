/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Keeps the app's shell and the member's sheet on the device, so that a sheet opened once opens again, and can be
// filled, with no network (members in mountain communes, weak coverage). What is typed offline waits in the page's
// own queue (src/lib/client) and is sent, with the revision check, when the network returns; nothing is queued here.
//
// - The shell (scripts, styles, static files of this build): kept as used, served from the device.
// - A questionnaire (/sheets/questionnaire/…json?h=…, the same for every member of a group): from the device once kept.
// - The member's sheet page (/sheets/<id>) and its data: from the device once kept, so a repeat visit opens at once;
//   the page then asks the server for the sheet's revision and status and loads itself again when they moved on
//   (another device, a review), and tells this worker to keep the new copy. Everything else: network first, the
//   device's copy when there is no network.
// - Signing in or out empties the member's part, so the next person on a shared device finds nothing of theirs.
import { build, files, version } from '$service-worker';
import { KEPT_META } from '$lib/client/kept-copy';

const sw = self as unknown as ServiceWorkerGlobalScope;

const SHELL = `tusoi-shell-${version}`;
const QUESTIONNAIRES = 'tusoi-questionnaires';
const PERSONAL = 'tusoi-personal';
const SHELL_FILES = new Set([...build, ...files]);
const SHEET_PAGE = /^\/sheets\/\d+$/;
const SHEET_DATA = /^\/sheets\/\d+\/__data\.json$/;
const KEPT_PAGES = /^\/sheets(\/\d+)?$/;

// Nothing is fetched at install: the shell is kept as the pages use it (a first visit's own files are handed over
// by the page, see 'keep'), so a phone on a slow connection never downloads the whole app up front.
sw.addEventListener('install', (event) => {
	event.waitUntil(sw.skipWaiting());
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const keys = await caches.keys();
			const older = keys.filter((key) => key.startsWith('tusoi-shell-') && key !== SHELL);
			// A kept page names the scripts of the build it came from: a new build starts the member's part afresh.
			// (Not on a first install: the page may already have handed its sheet over.)
			if (older.length > 0) await caches.delete(PERSONAL);
			for (const key of older) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

/**
 * The page hands over what this worker could not see on a first visit (it was loaded before the worker ran): its
 * own files (fetched again from the browser's cache, they are immutable), its questionnaire, and the sheet page
 * itself (fetched again, in the background, once the page is usable). Also used when the page found the kept copy
 * out of date.
 */
sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; path?: string; files?: unknown; questionnaire?: unknown } | null;
	if (data?.type !== 'keep') return;
	const work: Promise<unknown>[] = [];
	if (Array.isArray(data.files)) {
		const own = data.files.filter((f): f is string => typeof f === 'string' && SHELL_FILES.has(f));
		work.push(caches.open(SHELL).then((cache) => cache.addAll(own)));
	}
	if (typeof data.questionnaire === 'string' && data.questionnaire.startsWith('/sheets/questionnaire/'))
		work.push(fromCacheFirst(QUESTIONNAIRES, new Request(new URL(data.questionnaire, sw.location.origin))));
	if (typeof data.path === 'string' && SHEET_PAGE.test(data.path))
		work.push(keepPage(new URL(data.path, sw.location.origin)));
	event.waitUntil(Promise.allSettled(work));
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (request.method !== 'GET') {
		if (url.pathname === '/logout' || url.pathname === '/login') event.waitUntil(caches.delete(PERSONAL));
		return;
	}
	if (SHELL_FILES.has(url.pathname)) {
		event.respondWith(fromCacheFirst(SHELL, request));
	} else if (url.pathname.startsWith('/sheets/questionnaire/') && url.searchParams.has('h')) {
		event.respondWith(fromCacheFirst(QUESTIONNAIRES, request));
	} else if (request.mode === 'navigate' && SHEET_PAGE.test(url.pathname) && url.search === '') {
		event.respondWith(sheetPage(event, url));
	} else if (
		(request.mode === 'navigate' && KEPT_PAGES.test(url.pathname)) ||
		SHEET_DATA.test(url.pathname) ||
		url.pathname === '/sheets/__data.json'
	) {
		event.respondWith(networkFirst(request, url));
	} else if (request.mode === 'navigate') {
		event.respondWith(fetch(request).catch(() => offlinePage()));
	}
});

async function fromCacheFirst(name: string, request: Request): Promise<Response> {
	const cache = await caches.open(name);
	const kept = await cache.match(request);
	if (kept) return kept;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

/** The key a page is kept under: its path, without the query (`?submitted=1` is the same page). */
const pageKey = (url: URL) => new URL(url.pathname, url.origin).href;

/** Fetches a page from the network and keeps it when it is the page itself (not a redirect, not an error). */
async function keepPage(url: URL, request?: Request): Promise<Response> {
	const response = await fetch(request ?? new Request(url, { credentials: 'same-origin' }));
	if (response.status === 200 && !response.redirected && response.type === 'basic') {
		const cache = await caches.open(PERSONAL);
		await cache.put(pageKey(url), response.clone());
	}
	return response;
}

async function sheetPage(event: FetchEvent, url: URL): Promise<Response> {
	const kept = await (await caches.open(PERSONAL)).match(pageKey(url));
	if (kept) return markKept(kept);
	return keepPage(url, event.request).catch(() => offlinePage());
}

/**
 * The kept copy, saying in its head that it comes from the device: the page then stays read-only until the server
 * says which revision is current (SheetForm), and asks at once (app.html). The copy in the cache stays as it came.
 */
async function markKept(kept: Response): Promise<Response> {
	const html = (await kept.text()).replace('<head>', `<head><meta name="${KEPT_META}" content="1">`);
	const headers = new Headers(kept.headers);
	// The body is read out of the cache decoded, and is a little longer now.
	headers.delete('content-encoding');
	headers.delete('content-length');
	return new Response(html, { status: kept.status, statusText: kept.statusText, headers });
}

async function networkFirst(request: Request, url: URL): Promise<Response> {
	try {
		return request.mode === 'navigate' ? await keepPage(url, request) : await keepData(request, url);
	} catch {
		// A page's data is kept under its plain address: the query only says which loads to run again.
		const kept = await (await caches.open(PERSONAL)).match(pageKey(url));
		return kept ?? (request.mode === 'navigate' ? offlinePage() : Response.error());
	}
}

async function keepData(request: Request, url: URL): Promise<Response> {
	const response = await fetch(request);
	if (response.status === 200) await (await caches.open(PERSONAL)).put(pageKey(url), response.clone());
	return response;
}

/** No network, and nothing kept for this address: says so, and links the sheets this device has kept. */
async function offlinePage(): Promise<Response> {
	const keys = await (await caches.open(PERSONAL)).keys();
	const sheets = keys.map((r) => new URL(r.url).pathname).filter((p) => SHEET_PAGE.test(p));
	const links = sheets.map((p) => `<li><a href="${p}">Phiếu đã mở trên máy này (${p})</a></li>`).join('');
	const body = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Chưa có mạng — Tự soi, tự sửa</title></head><body style="font-family: system-ui, sans-serif; padding: 1rem; line-height: 1.5"><h1>Chưa có mạng</h1><p>Trang này chưa được lưu trên máy nên không mở được khi không có mạng. Hãy thử lại khi có mạng.</p>${links ? `<ul>${links}</ul>` : ''}</body></html>`;
	return new Response(body, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
