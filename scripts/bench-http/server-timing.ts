// The server's own timing of requests (scripts/server/request-timing.js): each worker, sent
// SIGUSR2, logs its figures since the last signal and starts afresh. Comparing them with the load
// generator's tells the server's time from waiting for a CPU the generator shares with it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestServer } from '../../tests/helpers/server';
import { processTree } from './process-stats';

export interface ServerTiming {
	requests: number;
	/** The slowest worker's figures, in ms. */
	p50: number;
	p99: number;
}

/** Whether the server at `root` times its requests (an older copy may not, and would die of the signal). */
export function timesRequests(root: string): boolean {
	return existsSync(join(root, 'scripts/server/request-timing.js'));
}

/** The figures since the last call (null from a server that does not time requests). */
export async function takeServerTiming(
	server: TestServer,
	timed: boolean
): Promise<ServerTiming | null> {
	if (!timed) return null;
	const workers = processTree(server.pid).filter((stat) => stat.pid !== server.pid);
	const from = server.output().length;
	for (const worker of workers) process.kill(worker.pid, 'SIGUSR2');
	let lines: string[] = [];
	for (let tries = 0; tries < 100 && lines.length < workers.length; tries++) {
		await sleep(20);
		lines =
			server
				.output()
				.slice(from)
				.match(/^.*"event":"request_timing".*$/gm) ?? [];
	}
	const figures = lines.map((line) => JSON.parse(line) as ServerTiming);
	return {
		requests: figures.reduce((sum, figure) => sum + figure.requests, 0),
		p50: Math.max(0, ...figures.map((figure) => figure.p50)),
		p99: Math.max(0, ...figures.map((figure) => figure.p99))
	};
}
