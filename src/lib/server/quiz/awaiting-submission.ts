import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { attempts, quizzes, type Attempt } from '../db/schema';
import type { QuizSettings } from './attempts';

// With deferred feedback an open attempt's answers may still change, so nothing may tell how
// they went: not a score, not the key, not a stored choice (authored ids can be telling), and no
// review of the same questions (reviews give feedback at once). All of it waits for submission.

/** Whether the attempt's results wait for its submission. */
export function awaitsSubmission(
	attempt: Pick<Attempt, 'status'>,
	settings: Pick<QuizSettings, 'feedback'>
): boolean {
	return attempt.status === 'in_progress' && settings.feedback === 'deferred';
}

/** The quizzes at which the learner has an attempt open whose results wait, as a subquery. */
export function quizzesAwaitingSubmission(userId: number) {
	return db()
		.select({ quizId: attempts.quizId })
		.from(attempts)
		.innerJoin(quizzes, eq(quizzes.id, attempts.quizId))
		.where(
			and(
				eq(attempts.userId, userId),
				eq(attempts.status, 'in_progress'),
				eq(quizzes.feedback, 'deferred')
			)
		);
}
