import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userCommand } from '../helpers/cli';
import { newAccount, Visitor } from '../helpers/client';
import { execute, query } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

async function admin() {
	const account = newAccount();
	const visitor = new Visitor(server.url);
	await visitor.post('/sign-up', account);
	execute(server.databasePath, "update users set role = 'admin' where email = ?", account.email);
	return { visitor, account };
}

const roleOf = (email: string) =>
	query<{ role: string }>(server.databasePath, 'select role from users where email = ?', email)[0]!
		.role;
const DAY = 24 * 60 * 60 * 1000;

/** A form post whose headers go now and whose body goes only when `send` is called. */
function heldPost(visitor: Visitor, path: string, fields: Record<string, string>) {
	const body = new URLSearchParams(fields).toString();
	const cookie = [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	const sent = request(new URL(path, server.url), {
		method: 'POST',
		headers: {
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': Buffer.byteLength(body),
			'x-forwarded-for': visitor.address,
			cookie
		}
	});
	const answer = new Promise<{ status: number; body: string }>((done, fail) => {
		sent.on('error', fail);
		sent.on('response', (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (text += chunk));
			response.on('end', () => done({ status: response.statusCode!, body: text }));
		});
	});
	sent.flushHeaders();
	return { send: () => (sent.end(body), answer) };
}

/**
 * Waits until the server has checked this session on a request: a session near its end is
 * renewed in the database when it is checked, which a test can see.
 */
async function sessionRenewed(sessionId: string) {
	for (let tries = 0; tries < 200; tries++) {
		const [row] = query<{ expires_at: number }>(
			server.databasePath,
			'select expires_at from sessions where id = ?',
			sessionId
		);
		if (row!.expires_at > Date.now() + 2 * DAY) return;
		await new Promise((wait) => setTimeout(wait, 25));
	}
	throw new Error('The server never checked the held request.');
}

const adminCount = () =>
	query<{ n: number }>(
		server.databasePath,
		"select count(*) as n from users where role = 'admin'"
	)[0]!.n;

describe('changing roles on the admin page', () => {
	it('refuses an admin demoting themselves, whatever the case of the email', async () => {
		const me = await admin();
		await admin();
		for (const email of [me.account.email, me.account.email.toUpperCase()]) {
			const response = await me.visitor.post('/admin/users?/role', { email, role: 'student' });
			expect(response.status).toBe(400);
			expect(await response.text()).toContain('You cannot remove your own admin role here');
		}
		expect(roleOf(me.account.email)).toBe('admin');
	});

	it('never leaves zero admins when two admins demote each other at once', async () => {
		const first = await admin();
		const second = await admin();
		execute(
			server.databasePath,
			"update users set role = 'student' where role = 'admin' and email not in (?, ?)",
			first.account.email,
			second.account.email
		);
		// The first admin's request is checked as an admin's, then waits for its body while the
		// second admin demotes the first; only then does the first ask to demote the second.
		const [sessionId] = first.visitor.cookies.get('session')!.split('.');
		execute(
			server.databasePath,
			'update sessions set expires_at = ? where id = ?',
			Date.now() + DAY,
			sessionId
		);
		const held = heldPost(first.visitor, '/admin/users?/role', {
			email: second.account.email,
			role: 'student'
		});
		await sessionRenewed(sessionId!);
		const meanwhile = await second.visitor.post('/admin/users?/role', {
			email: first.account.email,
			role: 'student'
		});
		expect(await meanwhile.text()).toContain('is now student.');

		const late = await held.send();
		expect(late.status).toBe(409);
		expect(late.body).toContain('That would leave no admin. Make someone else an admin first.');
		expect(adminCount()).toBe(1);
		expect(roleOf(second.account.email)).toBe('admin');
	});
});

describe('npm run user -- promote', () => {
	const dir = mkdtempSync(join(tmpdir(), 'course-roles-'));
	const databasePath = join(dir, 'course.db');
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const create = (email: string, role: string) =>
		userCommand(
			databasePath,
			['create', '--email', email, '--name', 'Someone', '--role', role],
			'a long enough password\n'
		);

	it('never demotes the last admin, and finds the account whatever the case', () => {
		expect(create('first.admin@example.org', 'admin').status).toBe(0);
		const alone = userCommand(databasePath, [
			'promote',
			'--email',
			'First.Admin@Example.org',
			'--role',
			'instructor'
		]);
		expect(alone.status).toBe(1);
		expect(alone.stderr).toContain('That would leave no admin. Make someone else an admin first.');
		expect(
			query(databasePath, 'select role from users where email = ?', 'first.admin@example.org')
		).toEqual([{ role: 'admin' }]);

		expect(create('second.admin@example.org', 'admin').status).toBe(0);
		const demoted = userCommand(databasePath, [
			'promote',
			'--email',
			'FIRST.ADMIN@example.org',
			'--role',
			'instructor'
		]);
		expect(demoted.stderr).toBe('');
		expect(demoted.stdout).toContain('first.admin@example.org is now instructor.');
		const last = userCommand(databasePath, [
			'promote',
			'--email',
			'second.admin@example.org',
			'--role',
			'student'
		]);
		expect(last.status).toBe(1);
		expect(query(databasePath, "select email from users where role = 'admin'")).toEqual([
			{ email: 'second.admin@example.org' }
		]);
	});
});
