import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdRequests, untilBusy } from '../helpers/busy-server';
import { newAccount, Visitor } from '../helpers/client';
import { query } from '../helpers/db';
import {
	actionResult,
	answerFields,
	postEnhanced,
	questionPath,
	sampleQuiz,
	startAttempt
} from '../helpers/quiz';
import { projectRoot, startServer, type TestServer } from '../helpers/server';

// One worker that takes two requests at a time: two held posts make it busy.
const LIMIT = 2;

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ env: { WORKERS: '1', MAX_IN_FLIGHT: String(LIMIT) } });
});
afterAll(() => server?.stop());

describe('a worker with more requests in hand than it takes at once', () => {
	it('answers at once with 503 and Retry-After, takes the same answer once it has room, and records it once', async () => {
		const student = new Visitor(server.url);
		expect((await student.post('/sign-up', newAccount())).status).toBe(303);
		const attempt = await startAttempt(student);
		const question = sampleQuiz.questions[0]!;
		const html = await (await student.get(questionPath(attempt, question))).text();
		const fields = { ...answerFields(question, html), clientId: crypto.randomUUID() };

		const held = holdRequests(server.port, LIMIT);
		await held.sent;
		await untilBusy(server.url);
		// Without JavaScript: a short page saying to try again, and when.
		const plain = await student.post(`${attempt}?/answer`, fields);
		expect(plain.status).toBe(503);
		expect(plain.headers.get('retry-after')).toBe('1');
		expect(await plain.text()).toContain('busy');
		// With use:enhance: an error result the quiz page reads as "busy, retrying".
		const enhanced = await postEnhanced(student, `${attempt}?/answer`, fields);
		expect(enhanced.status).toBe(503);
		expect(enhanced.headers.get('retry-after')).toBe('1');
		expect(await enhanced.json()).toMatchObject({
			type: 'error',
			error: { retryAfter: 1 }
		});
		// Built files still load, or a page would come without its scripts.
		const script = readdirSync(join(projectRoot, 'build/client/_app/immutable/entry'))[0]!;
		expect((await student.get(`/_app/immutable/entry/${script}`)).status).toBe(200);
		const stored = () =>
			query(
				server.databasePath,
				'select score from answers where attempt_id = ?',
				attempt.split('/').at(-1)
			);
		expect(stored()).toHaveLength(0);

		// The held posts finish as usual (a form refused for its content, not for the load).
		expect(await held.release()).toEqual(Array(LIMIT).fill(400));
		const retried = await postEnhanced(student, `${attempt}?/answer`, fields);
		expect(retried.status).toBe(200);
		expect((await actionResult(retried)).data.answered.question.key).toBe(question.id);
		// Sent again with the same id, it changes nothing.
		expect((await postEnhanced(student, `${attempt}?/answer`, fields)).status).toBe(200);
		expect(stored()).toHaveLength(1);
	});
});
