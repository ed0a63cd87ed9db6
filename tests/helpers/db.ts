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

/** Every table a person's requests can change, sessions, rate limits and known devices aside. */
export const PERSONAL_TABLES = [
	'users',
	'attempts',
	'attempt_questions',
	'answers',
	'essay_marks',
	'lesson_progress',
	'review_cards',
	'review_logs',
	'classes',
	'class_members',
	'sync_receipts',
	// Kept with the attempts and memberships they sum up, so a refused request changes none.
	'quiz_summaries',
	'quiz_stats',
	'grade_counts',
	'question_stats',
	'question_marks',
	'choice_counts'
];

/** The rows of these tables as JSON, to compare a database before and after some requests. */
export function snapshotTables(path: string, tables = PERSONAL_TABLES): string[][] {
	return tables.map((name) =>
		query(path, `select * from ${name} order by rowid`).map((row) => JSON.stringify(row))
	);
}
