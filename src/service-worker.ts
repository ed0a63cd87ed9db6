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
	isAttemptPage,
	isKeptPage,
	KEEP_ATTEMPT_HEADER,
	LEARNER_HEADER,
	OFFLINE_REVIEW_PAGE,
	PAGES_CACHE,
	queuesWhenOffline,
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
/** The screens of the learner's open quiz attempts, so an attempt goes on offline. */
const ATTEMPTS_CACHE = 'course-attempts';

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
	// An open attempt's page asks for its other screens, to go on offline.
	if (event.data?.type === 'keep-attempt' && Array.isArray(event.data.paths))
		event.waitUntil(keepAttemptScreens(event.data.paths));
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
		event.respondWith(signOut(request));
		return;
	}
	if (request.method === 'POST' && queuesWhenOffline(url)) {
		event.respondWith(sendOrQueue(request));
		return;
	}
	if (request.method === 'POST' && isAttemptPage(url.pathname)) {
		// Submitting ends what the screens kept for offline were for.
		event.respondWith(
			fetch(request).then((response) => {
				if (response.ok || response.type === 'opaqueredirect')
					event.waitUntil(forgetAttempt(url.pathname));
				return response;
			})
		);
		return;
	}
	if (request.method !== 'GET') return;
	if (shellFiles.has(url.pathname)) {
		event.respondWith(fromShell(request));
		return;
	}
	if (request.mode === 'navigate')
		event.respondWith(
			isAttemptPage(url.pathname) ? attemptScreen(request) : navigate(request, url)
		);
	// Anything else (page data, the API, exports) goes to the network untouched.
});

/**
 * Sends what waits on the device while the learner is still signed in, then signs out and
 * forgets the learner's pages and queue. Offline, nothing is signed out (the server still holds
 * the session) and nothing is lost: the offline page says the connection is needed.
 */
async function signOut(request: Request): Promise<Response> {
	await flushOutbox();
	try {
		const response = await fetch(request);
		await forgetLearner();
		return response;
	} catch {
		return request.mode === 'navigate' ? offlinePage() : Response.error();
	}
}

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
		else await noteLearner(response);
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
 * Notes whose pages these are, from a page the server just gave: a page of someone else's means
 * another learner signed in here, so everything the first one left on the device goes first. A
 * visitor's page changes nothing: a learner whose session ran out may sign in again and send
 * what waits.
 */
async function noteLearner(response: Response): Promise<void> {
	if (!response.ok || response.type !== 'basic') return;
	const learner = response.headers.get(LEARNER_HEADER);
	const noted = await notedLearner();
	if (learner === null || noted === learner) return;
	if (noted !== null) await forgetLearner();
	await (await caches.open(PAGES_CACHE)).put(OWNER_KEY, new Response(learner));
}

/** Keeps a page under its path (a #section or ?query shows the same page). */
async function keepPage(url: URL, response: Response): Promise<void> {
	await noteLearner(response);
	await (await caches.open(PAGES_CACHE)).put(url.pathname, response);
}

/**
 * An open attempt's screen from the network, kept for offline while the server marks it so; the
 * kept copy when the network fails. A screen without the mark (the attempt was submitted) makes
 * the worker drop the attempt's kept screens.
 */
async function attemptScreen(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		await noteLearner(response);
		await keepAttemptScreen(request.url, response.clone());
		return response;
	} catch {
		const kept = await caches.match(request.url, { cacheName: ATTEMPTS_CACHE });
		return kept ?? (await offlinePage());
	}
}

async function keepAttemptScreen(url: string, response: Response): Promise<void> {
	if (!response.ok || response.type !== 'basic') return;
	if (response.headers.get(KEEP_ATTEMPT_HEADER) === 'attempt')
		await (await caches.open(ATTEMPTS_CACHE)).put(url, response);
	else await forgetAttempt(new URL(url).pathname);
}

async function keepAttemptScreens(paths: unknown[]): Promise<void> {
	for (const path of paths) {
		if (typeof path !== 'string') continue;
		const url = new URL(path, location.origin);
		if (url.origin !== location.origin || !isAttemptPage(url.pathname)) continue;
		try {
			await keepAttemptScreen(url.href, await fetch(url));
		} catch {
			return; // offline: keep what is kept
		}
	}
}

async function forgetAttempt(pathname: string): Promise<void> {
	const attempts = await caches.open(ATTEMPTS_CACHE);
	for (const request of await attempts.keys())
		if (new URL(request.url).pathname === pathname) await attempts.delete(request);
}

/** Signing out, or another learner signing in, leaves nothing of the learner on the device. */
async function forgetLearner(): Promise<void> {
	await caches.delete(PAGES_CACHE);
	await caches.delete(ATTEMPTS_CACHE);
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
		if (!learner) throw error;
		const url = new URL(request.url);
		const action = request.headers.get('x-sveltekit-action') === 'true';
		await enqueue({
			url: url.pathname + url.search,
			body,
			contentType: request.headers.get('content-type') ?? 'application/json',
			action,
			learner,
			queuedAt: Date.now()
		});
		await (
			worker.registration as ServiceWorkerRegistration & {
				sync?: { register(tag: string): Promise<void> };
			}
		).sync
			?.register(OUTBOX_SYNC)
			.catch(() => undefined);
		await tellPages();
		// A form action's answer is what SvelteKit's use:enhance reads: an ActionResult whose
		// data ({ queued: true }) is in devalue's format.
		if (action) return Response.json({ type: 'success', status: 202, data: '[{"queued":1},true]' });
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
				headers: {
					'content-type': item.contentType,
					[EXPECTED_LEARNER_HEADER]: item.learner,
					...(item.action ? { 'x-sveltekit-action': 'true' } : {})
				},
				body: item.body
			});
		} catch {
			break; // still offline: the rest waits, in order
		}
		if (response.status >= 500) break;
		// Recorded, already recorded, or refused for good (its learner signed out, say): done.
		if (response.ok && !(item.action && (await refusedAction(response)))) sent += 1;
		else refused += 1;
		await dequeue(item.id!);
	}
	await tellPages({ sent, refused });
}

/** A form action refuses in its ActionResult (a 200 saying "failure"), not in its status. */
async function refusedAction(response: Response): Promise<boolean> {
	const result = await response.json().catch(() => null);
	return result?.type === 'failure' || result?.type === 'error';
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
