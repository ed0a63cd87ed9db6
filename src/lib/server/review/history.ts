import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Grade } from 'ts-fsrs';
import type { Response } from '$lib/quiz/types';
import { db } from '../db';
import { reviewCards, reviewLogs, type ReviewCard } from '../db/schema';
import { refreshLapse } from './lapses';
import { schedule, type CardState } from './scheduler';

// A card's FSRS state is what its answers, applied in the order they were given, make of it.
// Answers made offline arrive late and out of order (two devices, one syncing days after the
// other), so each log keeps the state it was applied to: an answer older than some logged ones
// starts from the state the first of those found, and they are replayed after it.

/** A card state as review_logs.state_before keeps it (JSON, so times in milliseconds). */
interface StoredCardState extends Omit<CardState, 'due' | 'lastReview'> {
	due: number;
	lastReview: number | null;
}

const stateOf = (card: CardState): CardState => ({
	due: card.due,
	stability: card.stability,
	difficulty: card.difficulty,
	elapsedDays: card.elapsedDays,
	scheduledDays: card.scheduledDays,
	learningSteps: card.learningSteps,
	reps: card.reps,
	lapses: card.lapses,
	state: card.state,
	lastReview: card.lastReview
});

const stored = (state: CardState): StoredCardState => ({
	...stateOf(state),
	due: state.due.getTime(),
	lastReview: state.lastReview?.getTime() ?? null
});

const restored = (state: StoredCardState): CardState => ({
	...state,
	due: new Date(state.due),
	lastReview: state.lastReview === null ? null : new Date(state.lastReview)
});

export interface ReviewEntry {
	userId: number;
	rating: Grade;
	score: number;
	/** The canonical response (authored ids), as graded. */
	response: Response;
	reviewedAt: Date;
	clientId: string | null;
}

/**
 * The earliest time an answer can take its place at: not before the card was made, nor before
 * an answer logged before offline sync existed, whose starting state was not kept.
 */
function earliestPlace(card: ReviewCard): number {
	const unknown = db()
		.select({ at: reviewLogs.reviewedAt })
		.from(reviewLogs)
		.where(and(eq(reviewLogs.cardId, card.id), isNull(reviewLogs.stateBefore)))
		.orderBy(desc(reviewLogs.reviewedAt))
		.get();
	return Math.max(card.createdAt.getTime(), unknown?.at.getTime() ?? -Infinity);
}

/**
 * Logs an answer to `card` at its time and sets the card to the state that answering in time
 * order gives. An answer later than every logged one (always so on the review page) is applied
 * to the card as it stands. Call inside a transaction.
 */
export function logReview(card: ReviewCard, entry: ReviewEntry): { logId: number; due: Date } {
	const at = new Date(Math.max(entry.reviewedAt.getTime(), earliestPlace(card)));
	const later = db()
		.select()
		.from(reviewLogs)
		.where(and(eq(reviewLogs.cardId, card.id), gt(reviewLogs.reviewedAt, at)))
		.orderBy(asc(reviewLogs.reviewedAt), asc(reviewLogs.id))
		.all();
	const first = later[0]?.stateBefore as StoredCardState | undefined;
	let state = first ? restored(first) : stateOf(card);
	const { id: logId } = db()
		.insert(reviewLogs)
		.values({ ...entry, cardId: card.id, reviewedAt: at, stateBefore: stored(state) })
		.returning({ id: reviewLogs.id })
		.get();
	state = schedule(state, entry.rating, at);
	for (const log of later) {
		db()
			.update(reviewLogs)
			.set({ stateBefore: stored(state) })
			.where(eq(reviewLogs.id, log.id))
			.run();
		state = schedule(state, log.rating as Grade, log.reviewedAt);
	}
	db().update(reviewCards).set(state).where(eq(reviewCards.id, card.id)).run();
	refreshLapse(card.id);
	return { logId, due: state.due };
}
