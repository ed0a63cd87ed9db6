// What the service worker keeps and queues, shared by the worker and the pages. Kept for offline
// reading: the course and module pages, every lesson, and the reference pages; and the offline
// review page, a shell whose cards sit in IndexedDB (see review-cards.ts).
// Never kept: quiz attempts, progress, review, account, teaching pages, data and exports, which
// are the learner's live record or could hold what must not sit on a device.

/** The reference pages a module saves with its lessons. */
export const REFERENCE_PAGES = ['/sources', '/timeline', '/glossary'] as const;

const kept = [
	/^\/$/,
	/^\/learn\/[a-z0-9-]+$/, // a module
	/^\/learn\/[a-z0-9-]+\/[a-z0-9-]+$/, // a lesson (its quiz is one level further down)
	/^\/(sources|timeline|glossary)$/,
	/^\/review\/offline$/
];

/** Whether a page at this path is kept on the device once opened or saved. */
export function isKeptPage(pathname: string): boolean {
	return kept.some((pattern) => pattern.test(pathname));
}

/** Offline review: no card or key in its HTML. Offline, the Review tab (`/review`) leads there. */
export const OFFLINE_REVIEW_PAGE = '/review/offline';

/** Cache Storage names: pages are the learner's; the shell belongs to one build. */
export const PAGES_CACHE = 'course-pages';
/** The screens of the learner's open quiz attempts, so an attempt goes on offline. */
export const ATTEMPTS_CACHE = 'course-attempts';
export const SHELL_CACHE_PREFIX = 'course-shell-';

/**
 * The response header naming whose page it is (absent for a visitor): the worker keeps one
 * learner's pages at a time and forgets them when another signs in on the device.
 */
export const LEARNER_HEADER = 'x-course-learner';

/**
 * Sent with a queued request when it is replayed: the learner it was made for. The server refuses
 * it (409) if someone else is now signed in on the device.
 */
export const EXPECTED_LEARNER_HEADER = 'x-course-expected-learner';

const queuedApi = new Set(['/api/progress', '/api/review/sync']);
const attemptPage = /^\/learn\/[a-z0-9-]+\/[a-z0-9-]+\/quiz\/\d+$/;

/**
 * Whether the service worker keeps this POST to send later when the network fails it: reading
 * checkpoints, review answers, and a quiz attempt's answers (its `?/answer` action, never the
 * submission, which needs the server there to grade it).
 */
export function queuesWhenOffline(url: URL): boolean {
	if (queuedApi.has(url.pathname)) return true;
	return isAttemptPage(url.pathname) && [...url.searchParams.keys()].includes('/answer');
}

/** A quiz attempt's screens (`/learn/<module>/<lesson>/quiz/<attempt>`). */
export function isAttemptPage(pathname: string): boolean {
	return attemptPage.test(pathname);
}

/**
 * Set by the server on a quiz attempt's screens while the attempt is open: they hold no key,
 * score or feedback of a question not yet answered, so the worker may keep them for the attempt
 * to go on offline. A submitted attempt's screens show every key and never carry it.
 */
export const KEEP_ATTEMPT_HEADER = 'x-course-keep-offline';
