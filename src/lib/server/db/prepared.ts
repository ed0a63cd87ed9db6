import type { Statement as SqlStatement } from 'better-sqlite3';
import { db, type AppDatabase } from './index';

// Statements prepared once per open database instead of on every use: building a query with
// drizzle, or preparing SQL, costs more than running it. Kept per instance, since closing the
// database (tests, shutdown) ends its statements.

/** A drizzle query built and prepared once; values go in as `sql.placeholder(name)`. */
export function prepared<Statement>(build: (database: AppDatabase) => Statement): () => Statement {
	let built: { database: AppDatabase; statement: Statement } | undefined;
	return () => {
		const database = db();
		if (built?.database !== database) built = { database, statement: build(database) };
		return built.statement;
	};
}

const bySql = new WeakMap<object, Map<string, SqlStatement>>();

/** A statement of plain SQL, prepared on its first use. */
export function statement(sql: string): SqlStatement {
	const client = db().$client;
	let cache = bySql.get(client);
	if (!cache) bySql.set(client, (cache = new Map()));
	let found = cache.get(sql);
	if (!found) cache.set(sql, (found = client.prepare(sql)));
	return found;
}
