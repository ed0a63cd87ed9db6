/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// SvelteKit's own service worker support (not Workbox): `$service-worker` lists this build's
// files, and the few rules below are all the course needs. See README, "Offline use".
import { build, files, version } from '$service-worker';
import { clearOutbox, countQueued, dequeue, enqueue, queued } from '$lib/offline/outbox';
import { clearReviewCards } from '$lib/offline/review-cards';
import {
	EXPECTED_LEARNER_HEADER,
	isKeptPage,
	LEARNER_HEADER,
	OFFLINE_REVIEW_PAGE,
	PAGES_CACHE,
	QUEUED_PATHS,
	SHELL_CACHE_PREFIX
} from '$lib/offline/rules';

const worker = self as unknown as ServiceWorkerGlobalScope;
const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${version}`;
const OFFLINE_PAGE = '/offline';
/** Where the worker notes whose pages it keeps (a key in the pages cache, never a real page). */
const OWNER_KEY = '/__offline-owner';
/** How long a kept page waits for the network before the saved copy is shown instead. */
const NETWORK_PATIENCE_MS = 4000;
const OUTBOX_SYNC = 'outbox';

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
	// A page came online or opened: send what waits.
	if (event.data?.type === 'flush') event.waitUntil(flushOutbox());
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
	if (request.method === 'POST' && QUEUED_PATHS.includes(url.pathname)) {
		event.respondWith(sendOrQueue(request));
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
		return saved ?? (await offlineReview(url)) ?? (await offlinePage());
	}
}

/**
 * Offline, the Review tab leads to the review kept on the device, if there is one: by a redirect,
 * so the page runs at its own address, where the app's client expects it.
 */
async function offlineReview(url: URL): Promise<Response | undefined> {
	const review = new URL(OFFLINE_REVIEW_PAGE, url);
	if (url.pathname !== '/review' || !(await savedCopy(review))) return undefined;
	return Response.redirect(review, 302);
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
	await clearOutbox();
	await clearReviewCards();
	await tellPages();
}

async function notedLearner(): Promise<string | null> {
	const noted = await (await caches.open(PAGES_CACHE)).match(OWNER_KEY);
	return noted ? noted.text() : null;
}

// Background Sync, where the browser has it, sends what waits even once the pages are closed.
worker.addEventListener('sync', (event) => {
	const sync = event as ExtendableEvent & { tag: string };
	if (sync.tag === OUTBOX_SYNC) sync.waitUntil(flushOutbox());
});

/**
 * Sends the request; if the network fails it, keeps it to send later and answers 202 with
 * `{ queued: true }`, so the page can say it is saved on the device.
 */
async function sendOrQueue(request: Request): Promise<Response> {
	const body = await request.clone().text();
	try {
		return await fetch(request);
	} catch (error) {
		const learner = await notedLearner();
		if (!learner || learner === 'visitor') throw error;
		await enqueue({ url: new URL(request.url).pathname, body, learner, queuedAt: Date.now() });
		await (
			worker.registration as ServiceWorkerRegistration & {
				sync?: { register(tag: string): Promise<void> };
			}
		).sync
			?.register(OUTBOX_SYNC)
			.catch(() => undefined);
		await tellPages();
		return Response.json({ queued: true }, { status: 202 });
	}
}

let flushing: Promise<void> | null = null;

/** Sends the waiting requests in the order they were made; one run at a time. */
function flushOutbox(): Promise<void> {
	flushing ??= sendQueued().finally(() => (flushing = null));
	return flushing;
}

async function sendQueued(): Promise<void> {
	let sent = 0;
	let refused = 0;
	for (const item of await queued()) {
		let response: Response;
		try {
			response = await fetch(item.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', [EXPECTED_LEARNER_HEADER]: item.learner },
				body: item.body
			});
		} catch {
			break; // still offline: the rest waits, in order
		}
		if (response.status >= 500) break;
		// Recorded, already recorded, or refused for good (its learner signed out, say): done.
		if (response.ok) sent += 1;
		else refused += 1;
		await dequeue(item.id!);
	}
	await tellPages({ sent, refused });
}

/** Tells every open page how many requests wait, and what the last sending did. */
async function tellPages(result: { sent: number; refused: number } = { sent: 0, refused: 0 }) {
	const waiting = await countQueued();
	for (const client of await worker.clients.matchAll({ type: 'window' }))
		client.postMessage({ type: 'outbox', waiting, ...result });
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
