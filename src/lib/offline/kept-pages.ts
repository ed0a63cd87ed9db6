// Which pages the service worker keeps for offline reading, shared by the worker and the pages
// that save them. Kept: the course and module pages, every lesson, and the reference pages.
// Never kept: quiz attempts, progress, review, account, teaching pages, data and exports, which
// are the learner's live record or could hold what must not sit on a device.

/** The reference pages a module saves with its lessons. */
export const REFERENCE_PAGES = ['/sources', '/timeline', '/glossary'] as const;

const kept = [
	/^\/$/,
	/^\/learn\/[a-z0-9-]+$/, // a module
	/^\/learn\/[a-z0-9-]+\/[a-z0-9-]+$/, // a lesson (its quiz is one level further down)
	/^\/(sources|timeline|glossary)$/
];

/** Whether a page at this path is kept on the device once opened or saved. */
export function isKeptPage(pathname: string): boolean {
	return kept.some((pattern) => pattern.test(pathname));
}

/** Cache Storage names: pages are the learner's; the shell belongs to one build. */
export const PAGES_CACHE = 'course-pages';
export const SHELL_CACHE_PREFIX = 'course-shell-';

/**
 * The response header naming whose page it is (absent for a visitor): the worker keeps one
 * learner's pages at a time and forgets them when another signs in on the device.
 */
export const LEARNER_HEADER = 'x-course-learner';
