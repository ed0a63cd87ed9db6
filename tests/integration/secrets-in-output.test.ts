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
		// the id half too: it is what a query would carry as a parameter
		secrets.push(token, ...token.split('.'));
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

		// Make the database fail under the running server: a trigger refuses the next sign-up's
		// insert (whose parameters include the new password hash), and a dropped table fails the
		// session lookup in the hook.
		db.exec(
			`create trigger refuse_users before insert on users begin select raise(abort, 'refused'); end;`
		);
		const failedSignUp = await keep(
			await new Visitor(server.url).post('/sign-up', newAccount({ password: 'fresh secret pass' }))
		);
		secrets.push('fresh secret pass');
		db.exec('drop table sessions');
		db.close();
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
		// any password hash at all, including the one computed for the failed sign-up
		expect(output).not.toMatch(/\$argon2id\$/);
		expect(output).not.toMatch(STACK_FRAME);
		for (const body of bodies) expect(body).not.toMatch(STACK_FRAME);
	});
});
