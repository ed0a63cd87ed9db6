import Database from 'better-sqlite3';

/** Reads or writes the test server's database file directly, as a check from outside the app. */
export function query<T>(path: string, sql: string, ...params: unknown[]): T[] {
	const db = new Database(path);
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

export function execute(path: string, sql: string, ...params: unknown[]): void {
	const db = new Database(path);
	try {
		db.prepare(sql).run(...params);
	} finally {
		db.close();
	}
}
