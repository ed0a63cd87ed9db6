import { and, asc, count, eq, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { Question } from '$lib/content/quiz-schema';
import { db } from '../db';
import { prepared } from '../db/prepared';
import { questionVersions, reviewCards, reviewLogs, type ReviewCard } from '../db/schema';
import { quizzesAwaitingSubmission } from '../quiz/awaiting-submission';
import { QuizError } from '../quiz/errors';
import { grade } from '$lib/quiz/grading';
import { layoutFor, type Layout } from '$lib/quiz/layout';
import { readResponse, ResponseError } from '$lib/quiz/responses';
import { logReview } from './history';
import { newCardState, ratingFor, schedule } from './scheduler';

/**
 * The first graded answer to a question makes it a review card, scheduled from that answer:
 * wrong answers come back soon, right ones later. Later attempts leave the card to reviews.
 */
export function introduceCard(
	userId: number,
	quizId: string,
	questionKey: string,
	score: number,
	now = new Date()
) {
	const state = schedule(newCardState(now), ratingFor(score), now);
	insertNewCard().run({ userId, quizId, questionKey, ...state, createdAt: now });
}

// Runs with every first answer: prepared once.
const insertNewCard = prepared((database) =>
	database
		.insert(reviewCards)
		.values({
			userId: sql.placeholder('userId'),
			quizId: sql.placeholder('quizId'),
			questionKey: sql.placeholder('questionKey'),
			due: sql.placeholder('due'),
			stability: sql.placeholder('stability'),
			difficulty: sql.placeholder('difficulty'),
			elapsedDays: sql.placeholder('elapsedDays'),
			scheduledDays: sql.placeholder('scheduledDays'),
			learningSteps: sql.placeholder('learningSteps'),
			reps: sql.placeholder('reps'),
			lapses: sql.placeholder('lapses'),
			state: sql.placeholder('state'),
			lastReview: sql.placeholder('lastReview'),
			createdAt: sql.placeholder('createdAt')
		})
		.onConflictDoNothing()
		.prepare()
);

/**
 * The learner's cards, less those of a quiz with an attempt open whose results wait for its
 * submission: reviewing them would give that attempt's questions feedback before it is submitted.
 */
export const reviewable = (userId: number) =>
	and(
		eq(reviewCards.userId, userId),
		notInArray(reviewCards.quizId, quizzesAwaitingSubmission(userId))
	);

export const isReviewable = (userId: number, card: ReviewCard) =>
	!quizzesAwaitingSubmission(userId)
		.all()
		.some((open) => open.quizId === card.quizId);

export async function dueCount(userId: number, now = new Date()): Promise<number> {
	const [row] = await db()
		.select({ n: count() })
		.from(reviewCards)
		.where(and(reviewable(userId), lte(reviewCards.due, now)));
	return row?.n ?? 0;
}

/** How many of the learner's cards wait for an open attempt at their quiz to be submitted. */
export async function cardsAwaitingSubmission(userId: number): Promise<number> {
	const [row] = await db()
		.select({ n: count() })
		.from(reviewCards)
		.where(
			and(
				eq(reviewCards.userId, userId),
				inArray(reviewCards.quizId, quizzesAwaitingSubmission(userId))
			)
		);
	return row?.n ?? 0;
}

export function currentQuestion(card: Pick<ReviewCard, 'quizId' | 'questionKey'>): Question | null {
	const row = db()
		.select({ body: questionVersions.body })
		.from(questionVersions)
		.where(
			and(
				eq(questionVersions.quizId, card.quizId),
				eq(questionVersions.questionKey, card.questionKey),
				eq(questionVersions.isCurrent, true)
			)
		)
		.get();
	return (row?.body as Question | undefined) ?? null;
}

/**
 * The next due card with the question as it now reads, laid out afresh. The layout is stored
 * on the card so the answer's positions can be read back; answering clears it, so a repeated
 * answer (a double click, a retry) is refused instead of counted twice.
 */
export function nextDueCard(userId: number, now = new Date()) {
	const cards = db()
		.select()
		.from(reviewCards)
		.where(and(reviewable(userId), lte(reviewCards.due, now)))
		.orderBy(asc(reviewCards.due))
		.all();
	for (const card of cards) {
		const question = currentQuestion(card);
		if (!question) continue; // retired from the course
		const layout = (card.layout as Layout | null) ?? layoutFor(question, true);
		if (!card.layout)
			db().update(reviewCards).set({ layout }).where(eq(reviewCards.id, card.id)).run();
		return { card, question, layout };
	}
	return null;
}

export function reviewAnswer(userId: number, cardId: number, form: FormData, now = new Date()) {
	const card = db().select().from(reviewCards).where(eq(reviewCards.id, cardId)).get();
	if (!card) throw new QuizError(404, 'No such review card.');
	if (card.userId !== userId)
		throw new QuizError(403, 'This review card belongs to another learner.');
	if (!isReviewable(userId, card))
		throw new QuizError(
			409,
			'Submit your attempt at this quiz first: its questions come back to review after that.'
		);
	const question = currentQuestion(card);
	if (!question) throw new QuizError(404, 'That question is no longer part of the course.');
	if (!card.layout) throw new QuizError(409, 'You have already answered this card.');
	let response;
	try {
		response = readResponse(question, card.layout as Layout, form);
	} catch (error) {
		if (error instanceof ResponseError) throw new QuizError(400, error.message);
		throw error;
	}
	const { score } = grade(question, response);
	return db().transaction((tx) => {
		const updated = tx
			.update(reviewCards)
			.set({ layout: null })
			.where(and(eq(reviewCards.id, cardId), eq(reviewCards.reps, card.reps)))
			.run();
		// Another tab answered this card a moment ago: keep that one.
		if (updated.changes === 0) throw new QuizError(409, 'You have already answered this card.');
		const entry = { userId, rating: ratingFor(score), score, response, reviewedAt: now };
		return logReview(card, { ...entry, clientId: null }).logId;
	});
}

/** A past review as its result panel shows it, if it is this learner's. */
export function reviewResult(userId: number, logId: number) {
	const log = db().select().from(reviewLogs).where(eq(reviewLogs.id, logId)).get();
	if (!log || log.userId !== userId) return null;
	const card = db().select().from(reviewCards).where(eq(reviewCards.id, log.cardId)).get();
	if (!card || !isReviewable(userId, card)) return null;
	const question = currentQuestion(card);
	if (!question) return null;
	return { log, card, question };
}

export async function nextDueAt(userId: number): Promise<Date | null> {
	const row = await db()
		.select({ due: reviewCards.due })
		.from(reviewCards)
		.where(reviewable(userId))
		.orderBy(asc(reviewCards.due))
		.get();
	return row?.due ?? null;
}
