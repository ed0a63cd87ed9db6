import { log } from '../log';
import { db } from './index';
import { onceWritable } from './lock-wait';

// With synchronous = FULL every commit waits for the disk (milliseconds), while an answer's own
// writes take microseconds: one commit per answer capped a whole class at a few hundred answers
// a second, and made each wait for all the syncs queued before it. Writes that arrive together
// are made in one transaction and reach the disk with one sync; each caller is still answered
// only once the commit that holds its writes is on disk. While another server process holds the
// write lock (its own commit syncing), this one goes on taking requests, whose writes join the
// batch, instead of sleeping in SQLite's busy handler.

/** How long a batch waits for the write lock before it fails, as the connection's busy_timeout. */
const LOCK_WAIT_MS = 5000;

interface Pending {
	work: () => unknown;
	done: (value: unknown) => void;
	fail: (error: unknown) => void;
}

let pending: Pending[] = [];
let flushing = false;
/** When this process last had a commit go through (performance.now()), or -Infinity. */
let lastCommitAt = -Infinity;

/** Whether this process has had a commit go through in the last `ms`: it could take writes then. */
export function committedWithin(ms: number): boolean {
	return performance.now() - lastCommitAt <= ms;
}

/**
 * Commits everything pending in one transaction, or throws before running any of it if the write
 * lock is taken (the batch stays pending, and grows, until it is free).
 */
function commitPending(): void {
	const batch = pending;
	const outcomes: ({ value: unknown } | { error: unknown })[] = [];
	db()
		.$client.transaction(() => {
			for (const { work } of batch) {
				// A failed piece of work undoes only its own writes (its savepoint), not the others'.
				try {
					outcomes.push({ value: db().$client.transaction(work)() });
				} catch (error) {
					outcomes.push({ error });
				}
			}
		})
		.immediate();
	pending = [];
	lastCommitAt = performance.now();
	batch.forEach(({ done, fail }, i) => {
		const outcome = outcomes[i]!;
		if ('error' in outcome) fail(outcome.error);
		else done(outcome.value);
	});
}

async function flush(): Promise<void> {
	try {
		await onceWritable(commitPending, LOCK_WAIT_MS);
	} catch (error) {
		// The commit itself failed (the disk, a lock held too long): nothing of the batch is saved.
		const batch = pending;
		pending = [];
		log.error('group_commit_failed', { writes: batch.length });
		for (const { fail } of batch) fail(error);
	} finally {
		flushing = false;
		// Work that came in as the callers of this batch went on is the next batch.
		if (pending.length) schedule();
	}
}

function schedule() {
	flushing = true;
	setImmediate(flush);
}

/**
 * Runs `work` (synchronous writes, all or nothing) in the next shared commit, and settles once
 * that commit is durable.
 */
export function commitTogether<T>(work: () => T): Promise<T> {
	return new Promise<T>((done, fail) => {
		pending.push({ work, done: done as (value: unknown) => void, fail });
		if (!flushing) schedule();
	});
}
