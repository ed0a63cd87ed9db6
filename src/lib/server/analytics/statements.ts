// Statements the statistics' upkeep runs on every submission, prepared once per connection.
import type { Statement } from 'better-sqlite3';
import { db } from '../db';

const prepared = new WeakMap<object, Map<string, Statement>>();

export function statement(sql: string): Statement {
	const client = db().$client;
	let cache = prepared.get(client);
	if (!cache) prepared.set(client, (cache = new Map()));
	let found = cache.get(sql);
	if (!found) cache.set(sql, (found = client.prepare(sql)));
	return found;
}
