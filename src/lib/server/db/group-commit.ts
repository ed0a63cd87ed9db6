import { log } from '../log';
import { db } from './index';

// With synchronous = FULL every commit waits for the disk (milliseconds), while an answer's own
// writes take microseconds: one commit per answer capped a whole class at a few hundred answers
// a second, and made each wait for all the syncs queued before it. Writes that arrive together
// are made in one transaction and reach the disk with one sync; each caller is still answered
// only once the commit that holds its writes is on disk.

interface Pending {
	work: () => unknown;
	done: (value: unknown) => void;
	fail: (error: unknown) => void;
}

let pending: Pending[] = [];
/** When this process last had a commit go through (performance.now()), or -Infinity. */
let lastCommitAt = -Infinity;

/** Whether this process has had a commit go through in the last `ms`: it could take writes then. */
export function committedWithin(ms: number): boolean {
	return performance.now() - lastCommitAt <= ms;
}

function commitPending(): void {
	const batch = pending;
	pending = [];
	const outcomes: ({ value: unknown } | { error: unknown })[] = [];
	try {
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
		lastCommitAt = performance.now();
	} catch (error) {
		// The commit itself failed (the disk, a lock held too long): nothing of the batch is saved.
		log.error('group_commit_failed', { writes: batch.length });
		for (const { fail } of batch) fail(error);
		return;
	}
	batch.forEach(({ done, fail }, i) => {
		const outcome = outcomes[i]!;
		if ('error' in outcome) fail(outcome.error);
		else done(outcome.value);
	});
}

/**
 * Runs `work` (synchronous writes, all or nothing) in the next shared commit, and settles once
 * that commit is durable.
 */
export function commitTogether<T>(work: () => T): Promise<T> {
	return new Promise<T>((done, fail) => {
		pending.push({ work, done: done as (value: unknown) => void, fail });
		if (pending.length === 1) setImmediate(commitPending);
	});
}
