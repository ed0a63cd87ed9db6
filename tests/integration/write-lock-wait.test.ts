import Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { query } from '../helpers/db';
import { postAnswer, QUIZ_PATH, sampleQuiz, startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

// One worker, and another process holding the database's write lock (as another worker does
// while its commit syncs to disk).
let server: TestServer;
beforeAll(async () => {
	server = await startServer({ env: { WORKERS: '1' } });
});
afterAll(() => server?.stop());

describe('an answer waiting for the write lock', () => {
	it('leaves the worker serving other requests, and is saved once the lock is free', async () => {
		const student = new Visitor(server.url);
		expect((await student.post('/sign-up', newAccount())).status).toBe(303);
		const attempt = await startAttempt(student);
		const question = sampleQuiz.questions[0]!;

		const blocker = new Database(server.databasePath);
		let answered: number | null = null;
		try {
			blocker.exec('BEGIN IMMEDIATE');
			const answer = postAnswer(student, attempt, question).then(
				(response) => (answered = response.status)
			);
			// Time for the answer to reach its commit (if it has not, this proves nothing, but
			// cannot fail either).
			await sleep(300);
			const page = await student.get(QUIZ_PATH);
			expect(page.status).toBe(200);
			expect(answered).toBeNull();
			blocker.exec('ROLLBACK');
			await answer;
		} finally {
			blocker.close();
		}
		expect(answered).toBe(303);
		const saved = query(
			server.databasePath,
			'select score from answers where attempt_id = ?',
			Number(attempt.split('/').at(-1))
		);
		expect(saved).toHaveLength(1);
	});
});
