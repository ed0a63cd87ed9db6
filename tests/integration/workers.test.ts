import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { postAnswer, sampleQuiz, startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

const servers: TestServer[] = [];
afterAll(async () => {
	for (const server of servers) await server.stop();
});

/** The pids the primary reported for its workers, in the order they came online. */
function workerPids(server: TestServer): number[] {
	return [...server.output().matchAll(/"event":"worker_online","pid":(\d+)/g)].map((m) =>
		Number(m[1])
	);
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Waits (at most `ms`) until `condition` holds. */
async function eventually(condition: () => boolean, ms = 15_000): Promise<void> {
	const until = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > until) throw new Error('timed out waiting');
		await sleep(50);
	}
}

describe('npm start with several workers', () => {
	it('serves from WORKERS processes, and replaces one that dies without losing the service', async () => {
		const server = await startServer({ env: { WORKERS: '2' } });
		servers.push(server);
		const [first, second] = workerPids(server);
		expect([first, second].every((pid) => pid !== undefined && isRunning(pid))).toBe(true);
		expect(server.output()).toContain('"event":"workers_ready","workers":2');

		process.kill(first!, 'SIGKILL');
		await eventually(() => workerPids(server).length === 3);
		expect(server.output()).toContain(`"event":"worker_replaced","pid":${first}`);
		const replacement = workerPids(server)[2]!;
		// Listening again: every request is answered, whichever worker takes it.
		await eventually(() => server.output().split('"event":"ready"').length - 1 === 3);
		const statuses = await Promise.all(
			Array.from({ length: 20 }, async () => (await fetch(`${server.url}/healthz`)).status)
		);
		expect(statuses.every((status) => status === 200)).toBe(true);

		// Signed in on one worker, answering on any: sessions and attempts live in the database.
		const student = new Visitor(server.url);
		expect((await student.post('/sign-up', newAccount())).status).toBe(303);
		const attempt = await startAttempt(student);
		for (const question of sampleQuiz.questions.slice(0, 4))
			expect((await postAnswer(student, attempt, question)).status).toBe(303);

		expect(await server.signal('SIGTERM')).toBe(0);
		for (const pid of [second!, replacement]) expect(isRunning(pid)).toBe(false);
		expect(server.output()).toContain('"event":"stopped","workers":2');
	});

	it('refuses a WORKERS that is not a whole number, saying so', async () => {
		await expect(startServer({ env: { WORKERS: 'many' } })).rejects.toThrow(
			'WORKERS must be a whole number of at least 1, not "many".'
		);
	});
});
