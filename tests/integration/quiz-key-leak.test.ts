import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { postAnswer, questionPath, QUIZ_PATH, sampleQuiz, startAttempt } from '../helpers/quiz';
import { contains, everythingDelivered, leaksIn } from '../helpers/quiz-secrets';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

async function student() {
	const visitor = new Visitor(server.url);
	await visitor.post('/sign-up', newAccount());
	return visitor;
}

/** Every question's screen of the attempt, with its data and code. */
async function everyScreen(visitor: Visitor, attempt: string) {
	const delivered = new Map<string, string>();
	for (const question of sampleQuiz.questions)
		for (const [where, body] of await everythingDelivered(visitor, questionPath(attempt, question)))
			delivered.set(where, body);
	return delivered;
}

describe('answer keys', () => {
	it('never reach the browser before the question is answered', async () => {
		const visitor = await student();
		const attempt = await startAttempt(visitor);
		const delivered = new Map([
			...(await everythingDelivered(visitor, QUIZ_PATH)),
			...(await everythingDelivered(visitor, attempt)),
			...(await everyScreen(visitor, attempt))
		]);
		expect(
			[...delivered.keys()].filter((key) => key.includes('/nodes/')).length
		).toBeGreaterThanOrEqual(3);
		expect([...delivered.keys()].filter((key) => key.includes('__data.json?q='))).toHaveLength(
			sampleQuiz.questions.length
		);

		expect(leaksIn(delivered)).toEqual([]);
		for (const [where, body] of delivered) {
			if (!where.includes('__data.json')) continue;
			for (const field of [
				'"explanation"',
				'"citations"',
				'"correctAnswer"',
				'"rightChoices"',
				'"rightMatches"',
				'"answer"',
				'"answers"',
				'"claimType"'
			]) {
				expect(body, where).not.toContain(field);
			}
		}

		// The same check sees the key once the learner has answered: it is not blind.
		const [first] = sampleQuiz.questions;
		await postAnswer(visitor, attempt, first!);
		const after = await (await visitor.get(`${attempt}/__data.json?q=1`)).text();
		expect(contains(after, first!.explanation)).toBe(true);
		expect(after).toContain('"citations"');
	});

	it('stay back for the questions not yet answered while others of the attempt are', async () => {
		const visitor = await student();
		const attempt = await startAttempt(visitor);
		const answered = sampleQuiz.questions.filter((_, index) => index % 3 === 0);
		for (const question of answered) await postAnswer(visitor, attempt, question, false);
		const unanswered = sampleQuiz.questions.filter((question) => !answered.includes(question));

		const delivered = new Map([
			...(await everythingDelivered(visitor, attempt)),
			...(await everyScreen(visitor, attempt))
		]);
		// An answered question's own screen shows its key, which may quote what another cites too.
		const screenOf = (where: string) =>
			answered.find((question) => where.endsWith(questionPath('', question)));
		const elsewhere = new Map([...delivered].filter(([where]) => !screenOf(where)));
		expect(elsewhere.size).toBeGreaterThan(2 * unanswered.length);
		expect(leaksIn(elsewhere, sampleQuiz.questions)).toEqual([]);
		for (const question of answered) {
			const own = new Map([...delivered].filter(([where]) => screenOf(where) === question));
			expect(own.size, question.id).toBe(2);
			expect(leaksIn(own, [question]), question.id).not.toEqual([]);
		}
	});
});
