import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdRequests } from '../helpers/busy-server';
import { startServer, type TestServer } from '../helpers/server';

// One worker whose event loop is sampled once a second and counts as late after a single sample
// 100 ms behind; it then refuses requests once it holds two. Stopping the worker (SIGSTOP) for
// longer than a sample's interval and the lag allowed makes its next sample late, however busy
// the machine: what a worker stuck in work of its own looks like from inside.
const SAMPLE_MS = 1000;
const HELD = 2;

let server: TestServer;
beforeAll(async () => {
	server = await startServer({
		env: {
			WORKERS: '1',
			BACK_PRESSURE_SAMPLE_MS: String(SAMPLE_MS),
			BACK_PRESSURE_MAX_LAG_MS: '100',
			BACK_PRESSURE_LATE_SAMPLES: '1',
			BACK_PRESSURE_REFUSES_FROM: String(HELD)
		}
	});
});
afterAll(() => server?.stop());

const workerPid = () =>
	Number(readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim());

/**
 * Requests sent one after another, `pauseMs` apart, until one is answered `until`, at most
 * `count`.
 */
async function probeUntil(until: number, count: number, pauseMs = 0): Promise<Response[]> {
	const answers: Response[] = [];
	while (answers.length < count) {
		const response = await fetch(new URL('/healthz', server.url));
		await response.arrayBuffer();
		answers.push(response);
		if (response.status === until) break;
		await sleep(pauseMs);
	}
	return answers;
}

async function whileStopped(pid: number, ms: number) {
	process.kill(pid, 'SIGSTOP');
	try {
		await sleep(ms);
	} finally {
		process.kill(pid, 'SIGCONT');
	}
}

describe('a worker whose event loop runs late', () => {
	it('answers 503 at once while it holds enough requests, and takes them again once on time', async () => {
		const worker = workerPid();
		expect(worker).toBeGreaterThan(0);

		// Late with fewer requests in hand than the rule asks: the machine is slow, nothing refused.
		const alone = holdRequests(server.port, HELD - 1);
		await alone.sent;
		await whileStopped(worker, SAMPLE_MS + 500);
		const unrefused = await probeUntil(503, 5);
		expect(unrefused.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
		expect(await alone.release()).toEqual([400]);

		const held = holdRequests(server.port, HELD);
		await held.sent;
		await whileStopped(worker, SAMPLE_MS + 500);
		// The first request after the stop may come in before the late sample is taken.
		const refused = (await probeUntil(503, 5)).at(-1)!;
		expect(refused.status).toBe(503);
		expect(refused.headers.get('retry-after')).toBe('1');
		expect(server.output()).toMatch(/"event":"overloaded".*"late":true/);
		// The next sample is on time (within a second or two): requests go through again.
		expect((await probeUntil(200, 30, SAMPLE_MS / 10)).at(-1)!.status).toBe(200);
		expect(await held.release()).toEqual(Array(HELD).fill(400));
	});
});
