import { eq } from 'drizzle-orm';
import { grade } from '$lib/quiz/grading';
import { ResponseError } from '$lib/quiz/responses';
import { db } from '../db';
import { reviewCards } from '../db/schema';
import { canonicalResponse } from '../quiz/canonical-response';
import { claimReceipt, hasReceipt } from '../sync-receipts';
import { currentQuestion, isReviewable } from './cards';
import { logReview } from './history';
import { ratingFor } from './scheduler';

/** Answers older than this are refused: a device that kept them so long has lost track. */
export const SYNC_MAX_AGE_DAYS = 30;

/** One review answered offline, as the device queued it. */
export interface QueuedReview {
	clientId: string;
	cardId: number;
	/** The canonical response (authored ids; see canonicalResponse). */
	response: unknown;
	answeredAt: Date;
}

export interface SyncOutcome {
	clientId: string;
	status: 'recorded' | 'duplicate' | 'refused';
	message?: string;
}

type Outcome =
	| { status: 'recorded'; cardId: number; due: Date }
	| { status: 'duplicate' }
	| { status: 'refused'; message: string };
const refused = (message: string): Outcome => ({ status: 'refused', message });

/** Grades and logs one queued review; inside the batch's transaction. */
function syncOne(userId: number, review: QueuedReview, now: Date): Outcome {
	if (hasReceipt(userId, review.clientId)) return { status: 'duplicate' };
	const answeredAt = new Date(Math.min(review.answeredAt.getTime(), now.getTime()));
	if (answeredAt.getTime() < now.getTime() - SYNC_MAX_AGE_DAYS * 86_400_000)
		return refused(`Answered more than ${SYNC_MAX_AGE_DAYS} days ago: too old to add.`);
	const card = db().select().from(reviewCards).where(eq(reviewCards.id, review.cardId)).get();
	// Another learner's card is not named as such: nothing is told about it.
	if (!card || card.userId !== userId) return refused('No such review card.');
	// Before grading: the schedule that comes back would tell whether the answer was right.
	if (!isReviewable(userId, card))
		return refused(
			'Submit your attempt at this quiz first: its questions come back to review after that.'
		);
	const question = currentQuestion(card);
	if (!question) return refused('That question is no longer part of the course.');
	let response;
	try {
		response = canonicalResponse(question, review.response);
	} catch (caught) {
		if (caught instanceof ResponseError) return refused(caught.message);
		throw caught;
	}
	const { score } = grade(question, response);
	claimReceipt(userId, review.clientId, 'review', now);
	const entry = { userId, rating: ratingFor(score), score, response, reviewedAt: answeredAt };
	const { due } = logReview(card, { ...entry, clientId: review.clientId });
	return { status: 'recorded', cardId: card.id, due };
}

/**
 * Records reviews answered offline, graded here (a device's verdict is never trusted) and
 * applied in the order they were answered, each at its own time, so that a card ends as answering
 * online in that order would have left it, whichever device syncs first. An id seen before is a
 * duplicate and changes nothing. One immediate transaction: a replay sent alongside waits for it.
 */
export function syncReviews(userId: number, reviews: QueuedReview[], now = new Date()) {
	const inTimeOrder = reviews
		.map((review, index) => ({ review, index }))
		.sort((a, b) => a.review.answeredAt.getTime() - b.review.answeredAt.getTime());
	return db().transaction(
		() => {
			const results: SyncOutcome[] = [];
			// Each card's due after the last of its answers: replays end with the card's final state.
			const dues = new Map<number, Date>();
			for (const { review, index } of inTimeOrder) {
				const outcome = syncOne(userId, review, now);
				if (outcome.status === 'recorded') dues.set(outcome.cardId, outcome.due);
				results[index] = {
					clientId: review.clientId,
					status: outcome.status,
					...(outcome.status === 'refused' && { message: outcome.message })
				};
			}
			const cards = [...dues].map(([id, due]) => ({ id, due: due.toISOString() }));
			return { results, cards };
		},
		{ behavior: 'immediate' }
	);
}
