import { and, asc, eq } from 'drizzle-orm';
import type { Question } from '$lib/content/quiz-schema';
import { describeResponse } from '$lib/quiz/describe-response';
import type { Response } from '$lib/quiz/types';
import { db } from './db';
import {
	answers,
	attemptQuestions,
	attempts,
	classMembers,
	questionVersions,
	users
} from './db/schema';
import { displaySafe } from './names';
import { publicResponse, type Layout } from '$lib/quiz/layout';
import { publicQuestion } from './quiz/question-views';

/** One row per answer by a class member, with the answer in words, for a spreadsheet. */
export async function classResponses(classId: number) {
	const rows = await db()
		.select({
			student: users.displayName,
			email: users.email,
			quiz: attempts.quizId,
			attempt: attempts.id,
			status: attempts.status,
			body: questionVersions.body,
			layout: attemptQuestions.layout,
			response: answers.response,
			score: answers.score,
			answeredAt: answers.answeredAt
		})
		.from(answers)
		.innerJoin(attempts, eq(attempts.id, answers.attemptId))
		.innerJoin(
			classMembers,
			and(eq(classMembers.userId, attempts.userId), eq(classMembers.classId, classId))
		)
		.innerJoin(users, eq(users.id, attempts.userId))
		.innerJoin(questionVersions, eq(questionVersions.id, answers.questionVersionId))
		.innerJoin(
			attemptQuestions,
			and(
				eq(attemptQuestions.attemptId, answers.attemptId),
				eq(attemptQuestions.questionVersionId, answers.questionVersionId)
			)
		)
		.orderBy(asc(users.displayName), asc(attempts.id), asc(attemptQuestions.position));
	return rows.map(({ body, layout, response, ...row }) => {
		const question = body as Question;
		const shown = publicQuestion(question, layout as Layout, 0);
		return {
			student: displaySafe(row.student),
			email: row.email,
			quiz: row.quiz,
			attempt: row.attempt,
			attemptStatus: row.status,
			question: question.id,
			prompt: question.prompt,
			answer: describeResponse(
				shown,
				publicResponse(question, layout as Layout, response as Response)
			).join(' | '),
			score: row.score,
			answeredAt: row.answeredAt
		};
	});
}
