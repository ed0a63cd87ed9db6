import type Database from 'better-sqlite3';
import { db } from './db';
import { sqliteErrorCode } from './db/errors';
import { log } from './log';

/** A probe answers within about this long even when the database is locked. */
const PROBE_WAIT_MS = 1000;

export type DatabaseHealth = 'ok' | 'unavailable';

/**
 * Whether the database would take a learner's answer now: it reads the migrations table under the
 * write lock, then rolls back. `SELECT 1` alone touches no file, and a database another process
 * keeps locked for writing is as unavailable to learners as a missing one.
 */
export async function databaseHealth(): Promise<DatabaseHealth> {
	try {
		probe(db().$client);
		return 'ok';
	} catch (error) {
		log.warn('health_check_failed', { code: sqliteErrorCode(error) ?? 'unknown' });
		return 'unavailable';
	}
}

function probe(sqlite: Database.Database) {
	const usualWait = sqlite.pragma('busy_timeout', { simple: true }) as number;
	// All synchronous: no other request runs while the shorter wait is in force.
	sqlite.pragma(`busy_timeout = ${PROBE_WAIT_MS}`);
	let began = false;
	try {
		sqlite.exec('BEGIN IMMEDIATE');
		began = true;
		sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').get();
	} finally {
		if (began) sqlite.exec('ROLLBACK');
		sqlite.pragma(`busy_timeout = ${usualWait}`);
	}
}
