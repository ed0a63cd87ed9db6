import { asc, eq } from 'drizzle-orm';
import { db } from '../db';
import { attempts, quizzes, reviewCards, reviewLogs, type Attempt } from '../db/schema';
import type { GradingMethod } from '../quiz/quiz-grade';
import { progressOf } from './lesson-progress';

/** Everything a learner has done that their path, mastery and dashboard are computed from. */
export interface LearnerRecord {
	/** Reading progress, most recently updated first. */
	progress: Awaited<ReturnType<typeof progressOf>>;
	/** Quiz attempts in the order they were started, each with its quiz's grading method. */
	attempts: (Attempt & { grading: GradingMethod })[];
	/** Review cards, each with the scores of its reviews, oldest first. */
	cards: { id: number; quizId: string; reviewScores: number[] }[];
}

/** The learner's record in three queries, however long the course. */
export async function learnerRecord(userId: number): Promise<LearnerRecord> {
	const progress = await progressOf(userId);
	const graded = await db()
		.select({ attempt: attempts, grading: quizzes.grading })
		.from(attempts)
		.innerJoin(quizzes, eq(quizzes.id, attempts.quizId))
		.where(eq(attempts.userId, userId))
		.orderBy(asc(attempts.id));
	const reviewed = await db()
		.select({ id: reviewCards.id, quizId: reviewCards.quizId, score: reviewLogs.score })
		.from(reviewCards)
		.leftJoin(reviewLogs, eq(reviewLogs.cardId, reviewCards.id))
		.where(eq(reviewCards.userId, userId))
		.orderBy(asc(reviewCards.id), asc(reviewLogs.reviewedAt), asc(reviewLogs.id));

	const cards = new Map<number, LearnerRecord['cards'][number]>();
	for (const { id, quizId, score } of reviewed) {
		const card = cards.get(id) ?? { id, quizId, reviewScores: [] };
		if (score !== null) card.reviewScores.push(score);
		cards.set(id, card);
	}
	return {
		progress,
		attempts: graded.map(({ attempt, grading }) => ({ ...attempt, grading })),
		cards: [...cards.values()]
	};
}
