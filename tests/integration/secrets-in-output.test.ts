import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

const STACK_FRAME = /\n\s+at .+\(.+:\d+:\d+\)|node_modules\//;

describe('secrets never reach a response or the log', () => {
	it('keeps passwords, hashes, tokens and stack traces out of responses and server output', async () => {
		const secrets: string[] = [];
		const bodies: string[] = [];
		const keep = async (response: Response) => {
			bodies.push(await response.text());
			return response;
		};

		const account = newAccount();
		secrets.push(account.password);
		const visitor = new Visitor(server.url);
		await keep(await visitor.post('/sign-up', account));
		await keep(
			await new Visitor(server.url).post('/sign-in', { ...account, password: 'a wrong password' })
		);
		secrets.push('a wrong password');
		await keep(await visitor.post('/sign-in', account));
		const token = visitor.cookies.get('session')!;
		secrets.push(token, token.split('.')[1]!);
		await keep(await visitor.get('/'));
		await keep(await visitor.get('/teach'));
		await keep(await visitor.get('/learn/missing'));

		const db = new Database(server.databasePath);
		const { password_hash } = db.prepare('select password_hash from users').get() as {
			password_hash: string;
		};
		const { secret_hash } = db.prepare('select secret_hash from sessions').get() as {
			secret_hash: Buffer;
		};
		secrets.push(password_hash, secret_hash.toString('hex'), secret_hash.toString('base64'));

		// Break the database under the running server: queries now fail with driver errors
		// whose wrapped form lists the query parameters (emails, hashes, session ids).
		db.exec('drop table sessions; drop table users;');
		db.close();
		const failedSignUp = await keep(
			await new Visitor(server.url).post('/sign-up', newAccount({ password: 'fresh secret pass' }))
		);
		secrets.push('fresh secret pass');
		const failedSession = await keep(await visitor.get('/'));
		expect(failedSignUp.status).toBe(500);
		expect(failedSession.status).toBe(500);
		expect(bodies.at(-2)).toContain('Something went wrong');

		const output = server.output();
		expect(output).toContain('unexpected_error');
		for (const secret of secrets) {
			expect(output, 'server output').not.toContain(secret);
			for (const body of bodies) expect(body, 'a response').not.toContain(secret);
		}
		expect(output).not.toMatch(STACK_FRAME);
		for (const body of bodies) expect(body).not.toMatch(STACK_FRAME);
	});
});
