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

async function person(role: 'student' | 'instructor' | 'admin' = 'student') {
	const account = newAccount();
	const visitor = new Visitor(server.url);
	expect((await visitor.post('/sign-up', account)).status).toBe(303);
	if (role !== 'student')
		execute(server.databasePath, 'update users set role = ? where email = ?', role, account.email);
	const [user] = query<{ id: number }>(
		server.databasePath,
		'select id from users where email = ?',
		account.email
	);
	return { visitor, account, id: user!.id };
}

/** The reset link an admin's page shows for the user, as a path on the test server. */
async function makeLink(admin: Visitor, userId: number): Promise<string> {
	const response = await admin.post('/admin/users?/resetLink', { userId: String(userId) });
	expect(response.status).toBe(200);
	const page = await response.text();
	const link = new RegExp(`value="(${server.url}/reset/[a-z0-9]+\\.[a-z0-9]+)"`).exec(page);
	expect(link, 'the page shows the link').not.toBeNull();
	return new URL(link![1]!).pathname;
}

async function signsIn(email: string, password: string): Promise<boolean> {
	const response = await new Visitor(server.url).post('/sign-in', { email, password });
	return response.status === 303;
}

const sessionsOf = (userId: number) =>
	query<{ n: number }>(
		server.databasePath,
		'select count(*) as n from sessions where user_id = ?',
		userId
	)[0]!.n;

describe('password-reset links', () => {
	it('are made by admins only, shown once with instructions, and stored as a hash', async () => {
		const admin = await person('admin');
		const instructor = await person('instructor');
		const student = await person();
		const target = await person();
		for (const outsider of [instructor.visitor, student.visitor]) {
			const response = await outsider.post('/admin/users?/resetLink', {
				userId: String(target.id)
			});
			expect(response.status).toBe(403);
		}
		const signedOut = await new Visitor(server.url).post('/admin/users?/resetLink', {
			userId: String(target.id)
		});
		expect(signedOut.status).toBe(303);
		expect(
			query(server.databasePath, 'select id from password_resets where user_id = ?', target.id)
		).toEqual([]);

		const response = await admin.visitor.post('/admin/users?/resetLink', {
			userId: String(target.id)
		});
		const page = await response.text();
		expect(page).toContain(`Reset link for ${target.account.displayName}`);
		expect(page).toContain('within 24 hours');
		expect(page).toContain('Anyone who has it can take over the account');
		const token = /\/reset\/([a-z0-9]+\.[a-z0-9]+)"/.exec(page)![1]!;
		const [id, secret] = token.split('.');
		const rows = query<Record<string, unknown>>(
			server.databasePath,
			'select * from password_resets where user_id = ?',
			target.id
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(id);
		expect(rows[0]!.created_by).toBe(admin.id);
		expect((rows[0]!.secret_hash as Buffer).length).toBe(32);
		expect(JSON.stringify(rows[0])).not.toContain(secret);
		expect(rows[0]!.expires_at as number).toBeGreaterThan(Date.now() + 23.9 * 60 * 60 * 1000);

		// The link is not in the page a second time.
		expect(await (await admin.visitor.get('/admin/users')).text()).not.toContain(token);
	});

	it('set a new password once, ending every session of the account', async () => {
		const admin = await person('admin');
		const target = await person();
		const otherDevice = new Visitor(server.url);
		expect((await otherDevice.post('/sign-in', target.account)).status).toBe(303);
		expect(sessionsOf(target.id)).toBe(2);
		const path = await makeLink(admin.visitor, target.id);

		const holder = new Visitor(server.url);
		const form = await holder.get(path);
		expect(form.status).toBe(200);
		expect(form.headers.get('cache-control')).toBe('no-store');
		const html = await form.text();
		expect(html).toContain('<meta name="referrer" content="same-origin"');
		expect(html).toContain(target.account.email);

		const short = await holder.post(path, { password: 'short' });
		expect(short.status).toBe(400);
		expect(await short.text()).toContain('Use at least 8 characters.');

		const newPassword = 'a brand new passphrase';
		const done = await holder.post(path, { password: newPassword });
		expect(done.status).toBe(303);
		expect(done.headers.get('location')).toBe('/sign-in?reset=done');
		expect(await (await holder.get('/sign-in?reset=done')).text()).toContain(
			'Your password is changed. Sign in with the new one.'
		);

		expect(sessionsOf(target.id)).toBe(0);
		for (const device of [target.visitor, otherDevice])
			expect(await (await device.get('/')).text()).not.toContain('Signed in as');
		expect(await signsIn(target.account.email, target.account.password)).toBe(false);
		expect(await signsIn(target.account.email, newPassword)).toBe(true);

		const again = await new Visitor(server.url).get(path);
		expect(again.status).toBe(410);
		const refusal = await again.text();
		expect(refusal).toContain('This reset link has already been used.');
		expect(refusal).toContain('<meta name="referrer" content="same-origin"');
		const reuse = await new Visitor(server.url).post(path, { password: 'someone else again' });
		expect(reuse.status).toBe(410);
		expect(await signsIn(target.account.email, 'someone else again')).toBe(false);
	});

	it('count a double submit once', async () => {
		const admin = await person('admin');
		const target = await person();
		const path = await makeLink(admin.visitor, target.id);
		const passwords = ['first of two passwords', 'second of two passwords'];
		const responses = await Promise.all(
			passwords.map((password) => new Visitor(server.url).post(path, { password }))
		);
		expect(responses.map((response) => response.status).sort()).toEqual([303, 410]);
		const winner = passwords[responses.findIndex((response) => response.status === 303)]!;
		const loser = passwords.find((password) => password !== winner)!;
		expect(await signsIn(target.account.email, winner)).toBe(true);
		expect(await signsIn(target.account.email, loser)).toBe(false);
	});

	it('refuse an expired link and change nothing', async () => {
		const admin = await person('admin');
		const target = await person();
		const path = await makeLink(admin.visitor, target.id);
		const id = path.split('/').at(-1)!.split('.')[0];
		execute(
			server.databasePath,
			'update password_resets set expires_at = ? where id = ?',
			Date.now() - 1000,
			id
		);
		const page = await new Visitor(server.url).get(path);
		expect(page.status).toBe(410);
		expect(await page.text()).toContain('This reset link has expired');
		const post = await new Visitor(server.url).post(path, { password: 'too late for this' });
		expect(post.status).toBe(410);
		expect(await signsIn(target.account.email, target.account.password)).toBe(true);
		expect(sessionsOf(target.id)).toBeGreaterThan(0);
	});

	it('refuse a tampered secret, an unknown id and a malformed token', async () => {
		const admin = await person('admin');
		const target = await person();
		const path = await makeLink(admin.visitor, target.id);
		const [id, secret] = path.split('/').at(-1)!.split('.') as [string, string];
		const flipped = `${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
		for (const token of [`${id}.${flipped}`, `${id}.`, `${'a'.repeat(24)}.${secret}`, id]) {
			const page = await new Visitor(server.url).get(`/reset/${token}`);
			expect(page.status, token).toBe(404);
			expect(await page.text()).toContain('This reset link does not work');
			const post = await new Visitor(server.url).post(`/reset/${token}`, {
				password: 'an attacker password'
			});
			expect(post.status, token).toBe(404);
		}
		expect(await signsIn(target.account.email, 'an attacker password')).toBe(false);
		expect((await new Visitor(server.url).get(path)).status).toBe(200);
	});

	it('stop working when a newer link is made for the same account', async () => {
		const admin = await person('admin');
		const target = await person();
		const first = await makeLink(admin.visitor, target.id);
		const second = await makeLink(admin.visitor, target.id);
		expect((await new Visitor(server.url).get(first)).status).toBe(404);
		expect((await new Visitor(server.url).get(second)).status).toBe(200);
	});
});

describe('npm run user -- reset-link', () => {
	it('prints a working link, on ORIGIN when set and on localhost otherwise', async () => {
		const target = await person();
		const local = userCommand(
			server.databasePath,
			['reset-link', '--email', target.account.email.toUpperCase()],
			'',
			{ ORIGIN: '', PORT: '4321' }
		);
		expect(local.stderr).toBe('');
		expect(local.status).toBe(0);
		const localLink = /http:\/\/localhost:4321(\/reset\/[a-z0-9]+\.[a-z0-9]+)/.exec(local.stdout);
		expect(localLink).not.toBeNull();

		const public_ = userCommand(
			server.databasePath,
			['reset-link', '--email', target.account.email],
			'',
			{
				ORIGIN: 'https://course.example.org'
			}
		);
		const publicLink = /https:\/\/course\.example\.org(\/reset\/[a-z0-9]+\.[a-z0-9]+)/.exec(
			public_.stdout
		);
		expect(publicLink).not.toBeNull();
		// the newer link replaced the first
		expect((await new Visitor(server.url).get(localLink![1]!)).status).toBe(404);
		const done = await new Visitor(server.url).post(publicLink![1]!, {
			password: 'set from the shell link'
		});
		expect(done.status).toBe(303);
		expect(await signsIn(target.account.email, 'set from the shell link')).toBe(true);
		expect(
			query(
				server.databasePath,
				'select created_by from password_resets where user_id = ?',
				target.id
			)
		).toEqual([{ created_by: null }]);
	});

	it('explains a missing or unknown email', () => {
		const unknown = userCommand(server.databasePath, [
			'reset-link',
			'--email',
			'nobody@example.org'
		]);
		expect(unknown.status).toBe(1);
		expect(unknown.stderr).toContain('No account with the email nobody@example.org.');
		const missing = userCommand(server.databasePath, ['reset-link']);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain('--email is required.');
		expect(userCommand(server.databasePath, []).stderr).toContain(
			'link starts with ORIGIN when it is set'
		);
	});
});
