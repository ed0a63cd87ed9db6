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
	// Safe with WAL: a crash loses at most the last transactions, never corrupts the file.
	sqlite.pragma('synchronous = NORMAL');
	return drizzle(sqlite, { schema });
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
