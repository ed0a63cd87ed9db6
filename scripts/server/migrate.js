// Applies the migrations in drizzle/ once, in the primary, before any worker opens the database.
// Paths follow the app's own configuration (src/lib/server/config.ts): relative to the project.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const fromRoot = (/** @type {string} */ path) =>
	isAbsolute(path) ? path : resolve(projectRoot, path);

/** @param {NodeJS.ProcessEnv} env */
export function migrateDatabase(env) {
	const path = fromRoot(env.DATABASE_PATH || 'data/course.db');
	mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	try {
		// Set once for the file: every worker's connection then shares its write-ahead log.
		sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('busy_timeout = 5000');
		migrate(drizzle(sqlite), { migrationsFolder: fromRoot(env.MIGRATIONS_DIR || 'drizzle') });
	} finally {
		sqlite.close();
	}
}
