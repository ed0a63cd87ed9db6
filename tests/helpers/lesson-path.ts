import { expect } from 'vitest';
import type { Person } from './people';
import { answerFields, questionPath, quizOf } from './quiz';

/**
 * Reports sections of a lesson as reached, as the lesson page does. No active time is claimed:
 * a burst of claims would be credited a little ahead of the clock, making the lesson look the
 * most recent one read for the next half minute.
 */
export async function reachSections(person: Person, lessonKey: string, sections: string[]) {
	for (const section of sections) {
		const reached = await person.visitor.postJson('/api/progress', {
			lesson: lessonKey,
			section,
			visitId: 'visit-0001',
			activeSeconds: 0
		});
		expect(reached.status).toBe(200);
	}
}

/**
 * Answers a lesson's quiz (`folder` like '01-franchise-model/02-claims-and-propaganda'), the
 * first `right` questions right and the rest wrong, and returns the attempt's path, not submitted.
 */
export async function answerQuiz(
	person: Person,
	folder: string,
	lessonHref: string,
	right: number
) {
	const started = await person.visitor.post(`${lessonHref}/quiz?/start`, {});
	expect(started.status).toBe(303);
	const attempt = started.headers.get('location')!;
	const quiz = quizOf(folder);
	for (const [i, question] of quiz.questions.entries()) {
		// One question per screen: each is answered from its own page, as a learner would.
		const html = await (await person.visitor.get(questionPath(attempt, question, quiz))).text();
		const answered = await person.visitor.post(
			`${attempt}?/answer`,
			answerFields(question, html, i < right)
		);
		expect(answered.status).toBe(303);
	}
	return attempt;
}
