import { setTimeout as sleep } from 'node:timers/promises';
import { sqliteErrorCode } from './errors';
import { db } from './index';

// SQLite waits for another process's write lock in its busy handler, which sleeps the whole
// process: while one server process syncs a commit to disk, another waiting for the lock parses,
// renders and answers nothing. Where the wait can be awaited instead, the lock is tried without
// waiting and tried again after a pause on the event loop, which serves other requests meanwhile.

/**
 * Runs `attempt`, whose first statement takes the write lock (BEGIN IMMEDIATE), once the lock is
 * free; after `waitMs` the lock's SQLITE_BUSY is thrown, as with busy_timeout.
 */
export async function onceWritable<T>(attempt: () => T, waitMs: number): Promise<T> {
	const deadline = performance.now() + waitMs;
	for (let pause = 1; ; pause = Math.min(2 * pause, 16)) {
		try {
			return withoutWaiting(attempt);
		} catch (error) {
			if (sqliteErrorCode(error) !== 'SQLITE_BUSY' || performance.now() >= deadline) throw error;
		}
		await sleep(pause);
	}
}

function withoutWaiting<T>(attempt: () => T): T {
	const sqlite = db().$client;
	const usualWait = sqlite.pragma('busy_timeout', { simple: true }) as number;
	// All synchronous: no other request runs while the lock is not waited for.
	sqlite.pragma('busy_timeout = 0');
	try {
		return attempt();
	} finally {
		sqlite.pragma(`busy_timeout = ${usualWait}`);
	}
}
