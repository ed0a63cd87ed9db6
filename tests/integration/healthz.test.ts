import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

const health = () => fetch(new URL('/healthz', server.url));

describe('GET /healthz', () => {
	it('answers 200 with JSON, never cached, when the database answers', async () => {
		const response = await health();
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
	});

	it('answers 503 while another process holds the database locked, and 200 once it lets go', async () => {
		// A stuck maintenance job: it holds the write lock, so no learner's answer could be saved.
		const blocker = new Database(server.databasePath);
		try {
			blocker.exec('BEGIN IMMEDIATE');
			const response = await health();
			expect(response.status).toBe(503);
			expect(response.headers.get('cache-control')).toBe('no-store');
			expect(await response.json()).toEqual({ status: 'unavailable', database: 'unavailable' });
			await vi.waitFor(() =>
				expect(server.output()).toContain('"event":"health_check_failed","code":"SQLITE_BUSY"')
			);
		} finally {
			blocker.close();
		}
		expect((await health()).status).toBe(200);
	});
});
