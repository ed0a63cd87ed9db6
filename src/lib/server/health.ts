import { committedWithin } from './db/group-commit';
import { sqliteErrorCode } from './db/errors';
import { onceWritable } from './db/lock-wait';
import { statement } from './db/prepared';
import { db } from './db';
import { log } from './log';

/** A probe answers within about this long even when the database is locked. */
const PROBE_WAIT_MS = 1000;

export type DatabaseHealth = 'ok' | 'unavailable';

/**
 * Whether the database would take a learner's answer now. It reads the migrations table (`SELECT
 * 1` alone touches no file), which in WAL mode takes no lock. A database another process keeps
 * locked for writing is as unavailable to learners as a missing one, so unless this process has
 * just committed (answers are going through), it also takes the write lock and lets go at once:
 * waiting for it on the event loop, never longer than PROBE_WAIT_MS.
 */
export async function databaseHealth(): Promise<DatabaseHealth> {
	try {
		statement('SELECT 1 FROM __drizzle_migrations LIMIT 1').get();
		if (!committedWithin(PROBE_WAIT_MS)) await onceWritable(takeWriteLock, PROBE_WAIT_MS);
		return 'ok';
	} catch (error) {
		log.warn('health_check_failed', { code: sqliteErrorCode(error) ?? 'unknown' });
		return 'unavailable';
	}
}

function takeWriteLock() {
	const sqlite = db().$client;
	sqlite.exec('BEGIN IMMEDIATE');
	sqlite.exec('ROLLBACK');
}
