import { readdirSync, rmSync, unlinkSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount } from '../helpers/client';
import { query } from '../helpers/db';
import { rawRequest } from '../helpers/raw-http';
import { copyOfProject } from '../helpers/project-copy';
import { startServer, type TestServer } from '../helpers/server';

describe('a built file removed under a running server (a rebuild in place)', () => {
	let root: string;
	let server: TestServer;
	beforeAll(async () => {
		root = copyOfProject();
		server = await startServer({ root });
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(root, { recursive: true, force: true });
	});

	it('answers 404 for the missing file and keeps serving', async () => {
		const dir = join(root, 'build/client/_app/immutable/chunks');
		const files = readdirSync(dir).filter((name) => name.endsWith('.js'));
		expect(files.length).toBeGreaterThan(3);
		const [gone, ...others] = files;
		for (const suffix of ['', '.br', '.gz']) rmSync(join(dir, gone + suffix), { force: true });

		for (const encoding of ['identity', 'gzip', 'br']) {
			const response = await rawRequest({
				port: server.port,
				path: `/_app/immutable/chunks/${gone}`,
				headers: { 'accept-encoding': encoding }
			});
			expect(response.status).toBe(404);
		}
		// Files vanishing while they are being asked for: each answer is whole or cut, never a crash.
		const requests = others
			.slice(0, 20)
			.map((name) =>
				rawRequest({ port: server.port, path: `/_app/immutable/chunks/${name}` }).catch(
					() => 'cut off'
				)
			);
		for (const name of others.slice(0, 20)) unlinkSync(join(dir, name));
		await Promise.all(requests);

		const page = await rawRequest({ port: server.port, path: '/' });
		expect(page.status).toBe(200);
		expect(server.output()).toContain('static_file_missing');
	});
});

describe('graceful shutdown', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(() => server?.stop());

	it('finishes a form post that is still arriving when SIGTERM comes, then exits cleanly', async () => {
		const account = newAccount();
		const body = new URLSearchParams(account).toString();
		const half = Math.floor(body.length / 2);
		const answered = new Promise<number>((done, fail) => {
			const req = request(
				{
					host: '127.0.0.1',
					port: server.port,
					path: '/sign-up',
					method: 'POST',
					headers: {
						origin: server.url,
						'x-forwarded-for': '198.51.100.7',
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded',
						'content-length': Buffer.byteLength(body)
					}
				},
				(res) => {
					res.resume();
					res.on('end', () => done(res.statusCode ?? 0));
				}
			);
			req.on('error', fail);
			req.write(body.slice(0, half));
			// The rest arrives after the signal, as from a phone on a slow network.
			void sleep(300).then(() => req.end(body.slice(half)));
		});
		await sleep(100);
		const exited = server.signal('SIGTERM');
		expect(await answered).toBe(303);
		expect(await exited).toBe(0);
		expect(server.output()).toContain('"event":"stopped"');
		const stored = query(
			server.databasePath,
			'select id from users where email = ?',
			account.email
		);
		expect(stored).toHaveLength(1);
		// Closed cleanly: the database checkpointed its write-ahead log on the way out.
		expect(query(server.databasePath, 'pragma integrity_check')).toEqual([
			{ integrity_check: 'ok' }
		]);
	});
});
