import { ATTEMPTS_CACHE, isAttemptPage, KEEP_ATTEMPT_HEADER } from '$lib/offline/rules';
import { noteLearner } from './learner';
import { offlinePage } from './scope';

// The screens of the learner's open quiz attempts, so an attempt goes on offline. The server
// marks the screens it is safe to keep (see KEEP_ATTEMPT_HEADER).

/**
 * An open attempt's screen from the network, kept for offline while the server marks it so; the
 * kept copy when the network fails. A screen without the mark (the attempt was submitted) makes
 * the worker drop the attempt's kept screens.
 */
export async function attemptScreen(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		await noteLearner(response);
		await keepAttemptScreen(request.url, response.clone());
		return response;
	} catch {
		return (await caches.match(request.url, { cacheName: ATTEMPTS_CACHE })) ?? offlinePage();
	}
}

async function keepAttemptScreen(url: string, response: Response): Promise<void> {
	if (!response.ok || response.type !== 'basic') return;
	if (response.headers.get(KEEP_ATTEMPT_HEADER) === 'attempt')
		await (await caches.open(ATTEMPTS_CACHE)).put(url, response);
	else await forgetAttempt(new URL(url).pathname);
}

/** The screens an open attempt's page asks for, fetched and kept while the network answers. */
export async function keepAttemptScreens(paths: unknown[]): Promise<void> {
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

/** Submitting an attempt ends what its kept screens were for. */
export function submitAttempt(event: FetchEvent, url: URL): Promise<Response> {
	return fetch(event.request).then((response) => {
		if (response.ok || response.type === 'opaqueredirect')
			event.waitUntil(forgetAttempt(url.pathname));
		return response;
	});
}

async function forgetAttempt(pathname: string): Promise<void> {
	const attempts = await caches.open(ATTEMPTS_CACHE);
	for (const request of await attempts.keys())
		if (new URL(request.url).pathname === pathname) await attempts.delete(request);
}
