import { grade, verdictFor } from '$lib/quiz/grading';
import { publicResponse } from '$lib/quiz/layout';
import { readResponse } from '$lib/quiz/responses';
import type { QuestionState, Response } from '$lib/quiz/types';
import { queued } from './outbox';
import { keepCards, type DeviceCard } from './review-cards';
import { OFFLINE_REVIEW_PAGE } from './rules';
import { canSave, savePages } from './saved-pages';

// The page's side of offline review: keeping the cards due soon on the device while online,
// checking an answer on the device with the server's own grading, and sending it (the service
// worker keeps it in its outbox when the network fails it).

const SYNC_PATH = '/api/review/sync';

/** The ids of cards answered on this device whose answers still wait in the outbox. */
async function cardsWaitingToSync(): Promise<Set<number>> {
	const ids = new Set<number>();
	for (const request of await queued()) {
		if (new URL(request.url, location.origin).pathname !== SYNC_PATH) continue;
		const { reviews } = JSON.parse(request.body) as { reviews: { cardId: number }[] };
		for (const review of reviews) ids.add(review.cardId);
	}
	return ids;
}

/**
 * Fetches the learner's cards due soon and keeps them on the device in place of the last set,
 * with the offline review page (so the Review tab opens it offline). Whether they are kept.
 */
export async function keepReviewOnDevice({ withPage = true } = {}): Promise<boolean> {
	if (!canSave() || !('indexedDB' in window)) return false;
	try {
		if (withPage) {
			const kept = savePages([OFFLINE_REVIEW_PAGE], () => undefined).catch(() => undefined);
			// The page first: keeping it makes the worker forget another learner's data, cards
			// included. A worker not yet in charge of this page keeps it when it can, unwaited.
			if (navigator.serviceWorker.controller) await kept;
		}
		// Read before fetching: an answer sent meanwhile is then already in what the server says.
		const waiting = await cardsWaitingToSync();
		const response = await fetch('/api/review/offline', { signal: AbortSignal.timeout(5000) });
		if (!response.ok) return false;
		const { cards } = (await response.json()) as { cards: DeviceCard[] };
		// A card answered here comes back once its answer has reached the server, not before.
		await keepCards(cards.filter((card) => !waiting.has(card.id)));
		return true;
	} catch {
		return false; // offline or refused: the cards kept before stay
	}
}

export interface CheckedAnswer {
	/** In authored ids, as the server takes it. */
	response: Response;
	/** The question as the page shows it back: the answer by position, its result. */
	shown: QuestionState;
}

/** Reads and grades an answer to a kept card; throws ResponseError as the review form would. */
export function checkAnswer(card: DeviceCard, form: FormData): CheckedAnswer {
	const response = readResponse(card.key, card.layout, form);
	const { score, feedback } = grade(card.key, response);
	const result = { ...card.result, score, verdict: verdictFor(score), feedback };
	const shown = {
		...card.question,
		response: publicResponse(card.key, card.layout, response),
		result
	};
	return { response, shown };
}

/** What became of an answer sent: recorded, kept on the device to sync, or not. */
export type Delivery =
	| { status: 'recorded' | 'queued' }
	| { status: 'refused'; message: string }
	| { status: 'failed'; message: string };

/** Sends one review answer, with its own id and time so a resend is recorded once, in place. */
export async function sendReview(cardId: number, response: Response): Promise<Delivery> {
	const review = {
		clientId: crypto.randomUUID(),
		cardId,
		response,
		answeredAt: new Date().toISOString()
	};
	let reply: globalThis.Response;
	try {
		reply = await fetch(SYNC_PATH, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ reviews: [review] })
		});
	} catch {
		return { status: 'failed', message: 'Not saved: there is no connection.' };
	}
	const body = await reply.json().catch(() => ({}));
	if (reply.status === 202 && body.queued) return { status: 'queued' };
	if (!reply.ok)
		return { status: 'failed', message: body.message ?? 'Not saved: try again later.' };
	const [outcome] = body.results as { status: string; message?: string }[];
	if (outcome?.status === 'refused')
		return { status: 'refused', message: outcome.message ?? 'Not recorded.' };
	return { status: 'recorded' };
}
