import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { postAnswer, QUIZ_PATH, sampleQuiz, startAttempt } from '../helpers/quiz';
import { contains, everythingDelivered, leaksIn } from '../helpers/quiz-secrets';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

describe('answer keys', () => {
	it('never reach the browser before the question is answered', async () => {
		const visitor = new Visitor(server.url);
		await visitor.post('/sign-up', newAccount());
		const attempt = await startAttempt(visitor);
		const delivered = new Map([
			...(await everythingDelivered(visitor, QUIZ_PATH)),
			...(await everythingDelivered(visitor, attempt))
		]);
		expect(
			[...delivered.keys()].filter((key) => key.includes('/nodes/')).length
		).toBeGreaterThanOrEqual(3);
		expect([...delivered.keys()].some((key) => key.endsWith('__data.json'))).toBe(true);

		expect(leaksIn(delivered)).toEqual([]);
		const data = delivered.get(`${attempt}/__data.json`)!;
		for (const field of [
			'"explanation"',
			'"citations"',
			'"correctAnswer"',
			'"answer"',
			'"answers"',
			'"claimType"'
		]) {
			expect(data).not.toContain(field);
		}

		// The same check sees the key once the learner has answered: it is not blind.
		const [first] = sampleQuiz.questions;
		await postAnswer(visitor, attempt, first!);
		const after = await (await visitor.get(`${attempt}/__data.json`)).text();
		expect(contains(after, first!.explanation)).toBe(true);
		expect(after).toContain('"citations"');
	});
});
