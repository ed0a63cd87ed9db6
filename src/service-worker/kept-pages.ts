import { isKeptPage, OFFLINE_REVIEW_PAGE, PAGES_CACHE } from '$lib/offline/rules';
import { noteLearner, OWNER_KEY } from './learner';
import { offlinePage } from './scope';

// The pages kept for reading offline (see isKeptPage): every one opened, and those a module's
// "Save for offline" asks for.

/** How long a kept page waits for the network before the saved copy is shown instead. */
const NETWORK_PATIENCE_MS = 4000;

/**
 * A kept page comes from the network while it answers (and is saved again); offline, or after
 * waiting too long on a weak signal, from its saved copy. Any page the network cannot give,
 * and that is not saved, becomes the offline page, which lists what is.
 */
export async function navigate(request: Request, url: URL): Promise<Response> {
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
	return (await caches.open(PAGES_CACHE)).match(url.pathname);
}

function after<T>(ms: number, value: T): Promise<T> {
	return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/** Keeps a page under its path (a #section or ?query shows the same page). */
async function keepPage(url: URL, response: Response): Promise<void> {
	await noteLearner(response);
	await (await caches.open(PAGES_CACHE)).put(url.pathname, response);
}

/**
 * "Save for offline": fetches and keeps the pages, reporting on the page's channel after each.
 * Only pages that are kept anyway are taken.
 */
export async function savePages(paths: unknown[], port: MessagePort | undefined): Promise<void> {
	const wanted = paths.filter(
		(path): path is string => typeof path === 'string' && isKeptPage(path)
	);
	let saved = 0;
	const failed: string[] = [];
	for (const path of wanted) {
		try {
			const response = await fetch(path);
			if (!response.ok || response.redirected) throw new Error(String(response.status));
			await keepPage(new URL(path, location.origin), response);
			saved += 1;
		} catch {
			failed.push(path);
		}
		port?.postMessage({ saved, failed, total: wanted.length, done: false });
	}
	port?.postMessage({ saved, failed, total: wanted.length, done: true });
}

/** After an update: the kept pages name the old build's styles, so they are fetched afresh. */
export async function refreshKeptPages(): Promise<void> {
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
