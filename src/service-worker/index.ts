/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// SvelteKit's own service worker support (not Workbox): `$service-worker` lists this build's
// files, and the rules in src/lib/offline/ are all the course needs. See README, "Offline use".
import { build, files, version } from '$service-worker';
import { isAttemptPage, queuesWhenOffline, SHELL_CACHE_PREFIX } from '$lib/offline/rules';
import { attemptScreen, keepAttemptScreens, submitAttempt } from './attempt-screens';
import { navigate, refreshKeptPages, savePages } from './kept-pages';
import { forgetLearner } from './learner';
import { flushOutbox, OUTBOX_SYNC, sendOrQueue } from './outbox-sender';
import { OFFLINE_PAGE, offlinePage, worker } from './scope';

/** The app itself, for this build: every built and static file, and the offline page. */
const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${version}`;
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
			await refreshKeptPages();
		})()
	);
});

worker.addEventListener('message', (event) => {
	const { type, paths } = event.data ?? {};
	// Once the learner chose "Reload to update".
	if (type === 'skip-waiting') worker.skipWaiting();
	// A page opened or came online: send what waits.
	if (type === 'flush') event.waitUntil(flushOutbox());
	// An open attempt's page asks for its screens, to go on offline.
	if (type === 'keep-attempt' && Array.isArray(paths)) event.waitUntil(keepAttemptScreens(paths));
	// "Save for offline", reported on the channel the page sent.
	if (type === 'save' && Array.isArray(paths)) event.waitUntil(savePages(paths, event.ports[0]));
});

// Background Sync, where the browser has it, sends what waits even once the pages are closed.
worker.addEventListener('sync', (event) => {
	const sync = event as ExtendableEvent & { tag: string };
	if (sync.tag === OUTBOX_SYNC) sync.waitUntil(flushOutbox());
});

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== location.origin) return;
	if (request.method === 'POST') {
		if (url.pathname === '/sign-out') event.respondWith(signOut(request));
		else if (queuesWhenOffline(url)) event.respondWith(sendOrQueue(request));
		else if (isAttemptPage(url.pathname)) event.respondWith(submitAttempt(event, url));
		return;
	}
	if (request.method !== 'GET') return;
	if (shellFiles.has(url.pathname)) event.respondWith(fromShell(request));
	else if (request.mode === 'navigate')
		event.respondWith(
			isAttemptPage(url.pathname) ? attemptScreen(request) : navigate(request, url)
		);
	// Anything else (page data, the API, exports) goes to the network untouched.
});

async function fromShell(request: Request): Promise<Response> {
	return (await caches.match(request, { cacheName: SHELL_CACHE })) ?? fetch(request);
}

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
