import type { Visitor } from './client';
import { postAnswer, sampleQuiz, startAttempt } from './quiz';

/** An answer the server acknowledged (answered 303), by attempt and question. */
export interface Acknowledged {
	attemptId: number;
	questionKey: string;
}

/**
 * One student answering the sample quiz, attempt after attempt, until `stopped()` or until a
 * request fails. Every answer the server acknowledges is pushed onto `acknowledged`.
 */
export async function answerUntilStopped(
	visitor: Visitor,
	acknowledged: Acknowledged[],
	stopped: () => boolean
): Promise<void> {
	while (!stopped()) {
		const attempt = await startAttempt(visitor);
		const attemptId = Number(attempt.split('/').at(-1));
		for (const [i, question] of sampleQuiz.questions.entries()) {
			if (stopped()) return;
			const response = await postAnswer(visitor, attempt, question, i % 2 === 0);
			if (response.status !== 303) throw new Error(`answer refused: ${response.status}`);
			acknowledged.push({ attemptId, questionKey: question.id });
		}
		await visitor.post(`${attempt}?/submit`, {});
	}
}
