import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { answerUntilStopped, type Acknowledged } from '../helpers/answering';
import { newAccount, Visitor } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';

const STUDENTS = 8;
/** The crash comes after this many acknowledged answers, or after CRASH_AFTER_MS at the latest. */
const CRASH_AT_ANSWERS = 150;
const CRASH_AFTER_MS = 1500;
/** Bounds on the load whatever happens: no student sends more once either is reached. */
const ANSWER_LIMIT = 500;
const TIME_LIMIT_MS = 3000;

let crashed: TestServer | undefined;
let restarted: TestServer | undefined;
afterAll(async () => {
	await restarted?.stop();
	await crashed?.stop();
});

describe('a crash under load', () => {
	it('keeps every acknowledged answer exactly once, in a sound file that starts again', async () => {
		crashed = await startServer();
		const students = Array.from({ length: STUDENTS }, () => new Visitor(crashed!.url));
		for (const student of students)
			expect((await student.post('/sign-up', newAccount())).status).toBe(303);

		const acknowledged: Acknowledged[] = [];
		const started = Date.now();
		const stopped = () =>
			acknowledged.length >= ANSWER_LIMIT || Date.now() - started >= TIME_LIMIT_MS;
		const crash = new Promise<void>((done) => {
			const check = setInterval(() => {
				if (acknowledged.length < CRASH_AT_ANSWERS && Date.now() - started < CRASH_AFTER_MS) return;
				clearInterval(check);
				void crashed!.signal('SIGKILL').then(() => done());
			}, 5);
		});
		const outcomes = await Promise.allSettled(
			students.map((student) => answerUntilStopped(student, acknowledged, stopped))
		);
		await crash;

		// Every student was still sending when the server died; no answer was refused before that.
		// The connection was refused ("fetch failed") or cut in the middle of a page ("terminated").
		for (const outcome of outcomes) {
			expect(outcome.status).toBe('rejected');
			expect(['TypeError: fetch failed', 'TypeError: terminated']).toContain(
				String((outcome as PromiseRejectedResult).reason)
			);
		}
		expect(acknowledged.length).toBeGreaterThan(0);

		const db = new Database(crashed.databasePath);
		try {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			const stored = db.prepare(
				`SELECT count(*) AS n FROM answers a
				JOIN question_versions v ON v.id = a.question_version_id
				WHERE a.attempt_id = ? AND v.question_key = ?`
			);
			const lost = acknowledged.filter(
				({ attemptId, questionKey }) =>
					(stored.get(attemptId, questionKey) as { n: number }).n !== 1
			);
			expect(lost).toEqual([]);
		} finally {
			db.close();
		}

		restarted = await startServer({ databasePath: crashed.databasePath });
		expect((await fetch(new URL('/healthz', restarted.url))).status).toBe(200);
	});
});
