import { db, type AppDatabase } from './index';

/**
 * A statement built and prepared once per open database instead of on every request: building a
 * query with drizzle costs more than running it. Values go in as `sql.placeholder(name)`.
 * Kept per instance, since closing the database (tests, shutdown) ends its statements.
 */
export function prepared<Statement>(build: (database: AppDatabase) => Statement): () => Statement {
	let built: { database: AppDatabase; statement: Statement } | undefined;
	return () => {
		const database = db();
		if (built?.database !== database) built = { database, statement: build(database) };
		return built.statement;
	};
}
