import { clearOutbox } from '$lib/offline/outbox';
import { clearReviewCards } from '$lib/offline/review-cards';
import { ATTEMPTS_CACHE, LEARNER_HEADER, PAGES_CACHE } from '$lib/offline/rules';
import { tellPages } from './scope';

// One learner's things at a time on a device: the worker notes whose pages it keeps, from the
// header the server puts on every signed-in page.

/** Where the note is kept: a key in the pages cache, never a real page. */
export const OWNER_KEY = '/__offline-owner';

export async function notedLearner(): Promise<string | null> {
	const noted = await (await caches.open(PAGES_CACHE)).match(OWNER_KEY);
	return noted ? noted.text() : null;
}

/**
 * Notes whose pages these are, from a page the server just gave: a page of someone else's means
 * another learner signed in here, so everything the first one left on the device goes first. A
 * visitor's page changes nothing: a learner whose session ran out may sign in again and send
 * what waits.
 */
export async function noteLearner(response: Response): Promise<void> {
	if (!response.ok || response.type !== 'basic') return;
	const learner = response.headers.get(LEARNER_HEADER);
	const noted = await notedLearner();
	if (learner === null || noted === learner) return;
	if (noted !== null) await forgetLearner();
	await (await caches.open(PAGES_CACHE)).put(OWNER_KEY, new Response(learner));
}

/** Signing out, or another learner signing in, leaves nothing of the learner on the device. */
export async function forgetLearner(): Promise<void> {
	await caches.delete(PAGES_CACHE);
	await caches.delete(ATTEMPTS_CACHE);
	await clearOutbox();
	await clearReviewCards();
	await tellPages();
}
