import { and, asc, eq } from 'drizzle-orm';
import type { Question } from '$lib/content/quiz-schema';
import { describeResponse } from '$lib/quiz/describe-response';
import type { Response } from '$lib/quiz/types';
import { db } from '../db';
import {
	answers,
	attemptQuestions,
	attempts,
	essayMarks,
	questionVersions,
	quizzes
} from '../db/schema';
import { awaitsSubmission } from '../quiz/awaiting-submission';
import { publicResponse, type Layout } from '$lib/quiz/layout';
import { publicQuestion } from '../quiz/question-views';

/**
 * The learner's answers, each also in the words they saw. While an attempt's results wait for
 * its submission, only those words are given: the stored response names authored ids and the
 * score is the key, so both stay out (null) until then, or export and retry would beat the wait.
 */
export async function answersOf(userId: number) {
	const rows = await db()
		.select({
			answer: answers,
			status: attempts.status,
			feedback: quizzes.feedback,
			body: questionVersions.body,
			layout: attemptQuestions.layout,
			mark: { comment: essayMarks.comment, markedAt: essayMarks.markedAt }
		})
		.from(answers)
		.innerJoin(attempts, eq(attempts.id, answers.attemptId))
		.innerJoin(quizzes, eq(quizzes.id, attempts.quizId))
		.innerJoin(questionVersions, eq(questionVersions.id, answers.questionVersionId))
		.innerJoin(
			attemptQuestions,
			and(
				eq(attemptQuestions.attemptId, answers.attemptId),
				eq(attemptQuestions.questionVersionId, answers.questionVersionId)
			)
		)
		.leftJoin(
			essayMarks,
			and(
				eq(essayMarks.attemptId, answers.attemptId),
				eq(essayMarks.questionVersionId, answers.questionVersionId)
			)
		)
		.where(eq(attempts.userId, userId))
		.orderBy(asc(answers.attemptId), asc(attemptQuestions.position));
	return rows.map(({ answer, body, mark, ...row }) => {
		const question = body as Question;
		const layout = row.layout as Layout;
		const response = answer.response as Response;
		const withheld = awaitsSubmission(row, row);
		return {
			attemptId: answer.attemptId,
			questionVersionId: answer.questionVersionId,
			question: question.id,
			answer: describeResponse(
				publicQuestion(question, layout, 0),
				publicResponse(question, layout, response)
			).join(' | '),
			response: withheld ? null : response,
			score: withheld ? null : answer.score,
			answeredAt: answer.answeredAt,
			updatedAt: answer.updatedAt,
			// An essay's mark is its score; the instructor's comment and when they marked it are here.
			markComment: mark?.comment ?? null,
			markedAt: mark?.markedAt ?? null
		};
	});
}
