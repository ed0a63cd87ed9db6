/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// SvelteKit's own service worker support (not Workbox): `$service-worker` lists this build's
// files, and the few rules below are all the course needs. See README, "Offline use".
import { build, files, version } from '$service-worker';
import {
	isKeptPage,
	LEARNER_HEADER,
	PAGES_CACHE,
	SHELL_CACHE_PREFIX
} from '$lib/offline/kept-pages';

const worker = self as unknown as ServiceWorkerGlobalScope;
const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${version}`;
const OFFLINE_PAGE = '/offline';
/** Where the worker notes whose pages it keeps (a key in the pages cache, never a real page). */
const OWNER_KEY = '/__offline-owner';
/** How long a kept page waits for the network before the saved copy is shown instead. */
const NETWORK_PATIENCE_MS = 4000;

const shellFiles = new Set([...build, ...files]);

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const shell = await caches.open(SHELL_CACHE);
			await shell.addAll([...shellFiles]);
			// As a visitor sees it: the shell is the same for every learner on the device.
			const offline = await fetch(OFFLINE_PAGE, { credentials: 'omit' });
			if (!offline.ok) throw new Error(`${OFFLINE_PAGE} answered ${offline.status}`);
			await shell.put(OFFLINE_PAGE, offline);
		})()
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys())
				if (name.startsWith(SHELL_CACHE_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
			// Saved pages name the old build's styles, just deleted: fetch them afresh.
			await refreshKeptPages();
		})()
	);
});

worker.addEventListener('message', (event) => {
	// Once the learner chose "Reload to update".
	if (event.data?.type === 'skip-waiting') worker.skipWaiting();
	// "Save for offline": the pages are fetched and kept here, as opened pages are, and each one
	// kept is reported on the channel the page sent.
	if (event.data?.type === 'save' && Array.isArray(event.data.paths)) {
		const [port] = event.ports;
		event.waitUntil(savePages(event.data.paths.filter(isKeptPath), port));
	}
});

function isKeptPath(path: unknown): path is string {
	return typeof path === 'string' && isKeptPage(path);
}

async function savePages(paths: string[], port: MessagePort | undefined): Promise<void> {
	let saved = 0;
	const failed: string[] = [];
	for (const path of paths) {
		try {
			const response = await fetch(path);
			if (!response.ok || response.redirected) throw new Error(String(response.status));
			await keepPage(new URL(path, location.origin), response);
			saved += 1;
		} catch {
			failed.push(path);
		}
		port?.postMessage({ saved, failed, total: paths.length, done: false });
	}
	port?.postMessage({ saved, failed, total: paths.length, done: true });
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== location.origin) return;
	if (request.method === 'POST' && url.pathname === '/sign-out') {
		event.waitUntil(forgetLearner());
		return;
	}
	if (request.method !== 'GET') return;
	if (shellFiles.has(url.pathname)) {
		event.respondWith(fromShell(request));
		return;
	}
	if (request.mode === 'navigate') event.respondWith(navigate(request, url));
	// Anything else (page data, the API, exports) goes to the network untouched.
});

async function fromShell(request: Request): Promise<Response> {
	return (await caches.match(request, { cacheName: SHELL_CACHE })) ?? fetch(request);
}

/**
 * A kept page comes from the network while it answers (and is saved again); offline, or after
 * waiting too long on a weak signal, from its saved copy. Any page the network cannot give,
 * and that is not saved, becomes the offline page, which lists what is.
 */
async function navigate(request: Request, url: URL): Promise<Response> {
	const keep = isKeptPage(url.pathname);
	const saved = keep ? await savedCopy(url) : undefined;
	const fresh = fetch(request).then(async (response) => {
		if (keep && response.ok && response.type === 'basic') await keepPage(url, response.clone());
		return response;
	});
	fresh.catch(() => undefined); // when the saved copy was shown first, a failure is no news
	try {
		if (!saved) return await fresh;
		return await Promise.race([fresh, after(NETWORK_PATIENCE_MS, saved)]);
	} catch {
		return saved ?? (await offlinePage());
	}
}

async function savedCopy(url: URL): Promise<Response | undefined> {
	const pages = await caches.open(PAGES_CACHE);
	return pages.match(url.pathname);
}

async function offlinePage(): Promise<Response> {
	const page = await caches.match(OFFLINE_PAGE, { cacheName: SHELL_CACHE });
	return page ?? Response.error();
}

function after<T>(ms: number, value: T): Promise<T> {
	return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/**
 * Keeps a page under its path (a #section or ?query shows the same page), for the learner it was
 * made for: a page of someone else's means another learner signed in here, so the first one's
 * pages go before it is kept.
 */
async function keepPage(url: URL, response: Response): Promise<void> {
	const owner = response.headers.get(LEARNER_HEADER) ?? 'visitor';
	const pages = await caches.open(PAGES_CACHE);
	const noted = await pages.match(OWNER_KEY);
	if (noted && (await noted.text()) !== owner) {
		await forgetLearner();
		return keepPage(url, response);
	}
	if (!noted) await pages.put(OWNER_KEY, new Response(owner));
	await pages.put(url.pathname, response);
}

/** Signing out, or another learner signing in, leaves nothing of the learner on the device. */
async function forgetLearner(): Promise<void> {
	await caches.delete(PAGES_CACHE);
}

async function refreshKeptPages(): Promise<void> {
	const pages = await caches.open(PAGES_CACHE);
	for (const request of await pages.keys()) {
		const path = new URL(request.url).pathname;
		if (path === OWNER_KEY) continue;
		try {
			const response = await fetch(path);
			if (response.ok) await keepPage(new URL(path, location.origin), response);
		} catch {
			// Offline while updating: the page is dropped rather than shown without its styles.
			await pages.delete(request);
		}
	}
}
