import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { config } from '../config';
import * as schema from './schema';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

let instance: AppDatabase | undefined;

function open(path: string): AppDatabase {
	mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// An answer the server has acknowledged must survive a power cut, not only a crash. Under WAL,
	// NORMAL syncs only at checkpoints, so a power cut can take back the last commits; FULL syncs
	// the WAL at every commit, before the response goes out. `npm run bench` prints what it costs.
	sqlite.pragma('synchronous = FULL');
	// Deleted rows (and their index entries) are overwritten with zeros instead of lingering in free
	// space: a deleted account's email, name and answers leave the file (see deleteAccount).
	sqlite.pragma('secure_delete = ON');
	return takingTurns(drizzle(sqlite, { schema }));
}

/**
 * `npm start` runs several processes on this file. A transaction that reads and then writes
 * would fail at once (SQLITE_BUSY) if another process wrote in between, since a read lock cannot
 * wait to become a write lock; taking the write lock at BEGIN instead makes it wait its turn
 * (busy_timeout). So transactions start IMMEDIATE unless they ask otherwise.
 */
function takingTurns(database: AppDatabase): AppDatabase {
	const transaction = database.transaction.bind(database);
	database.transaction = (work, config) => transaction(work, { behavior: 'immediate', ...config });
	return database;
}

/** The app's database, opened on first use (never at import, so `vite build` creates no file). */
export function db(): AppDatabase {
	instance ??= open(config.databasePath);
	return instance;
}

export function migrateDatabase(): void {
	migrate(db(), { migrationsFolder: config.migrationsFolder });
}

export function closeDatabase(): void {
	instance?.$client.close();
	instance = undefined;
}
