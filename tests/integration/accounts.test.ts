import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

const DAY = 24 * 60 * 60 * 1000;

async function signUp(visitor: Visitor, account = newAccount()) {
	const response = await visitor.post('/sign-up', account);
	return { response, account };
}

function sessionCookieOf(response: Response): string | undefined {
	return response.headers.getSetCookie().find((cookie) => cookie.startsWith('session='));
}

describe('accounts', () => {
	it('signs up, signs out and signs back in', async () => {
		const visitor = new Visitor(server.url);
		const { response, account } = await signUp(visitor);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
		const cookie = sessionCookieOf(response)!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);

		const home = await (await visitor.get('/')).text();
		expect(home).toContain(`Signed in as <strong>${account.displayName}</strong>`);

		const signOut = await visitor.post('/sign-out', {});
		expect(signOut.status).toBe(303);
		expect(visitor.cookies.has('session')).toBe(false);
		expect(await (await visitor.get('/')).text()).not.toContain('Signed in as');

		const signIn = await visitor.post('/sign-in', {
			email: account.email,
			password: account.password
		});
		expect(signIn.status).toBe(303);
		expect(await (await visitor.get('/')).text()).toContain('Signed in as');
	});

	it('makes new sign-ups students', async () => {
		const { account } = await signUp(new Visitor(server.url));
		const db = new Database(server.databasePath, { readonly: true });
		const row = db.prepare('select role from users where email = ?').get(account.email) as {
			role: string;
		};
		db.close();
		expect(row.role).toBe('student');
	});

	it('returns to the page that asked for sign-in, but never to another site', async () => {
		const { account } = await signUp(new Visitor(server.url));
		const back = await new Visitor(server.url).post('/sign-in?redirectTo=%2Flearn', account);
		expect(back.headers.get('location')).toBe('/learn');
		const away = await new Visitor(server.url).post(
			'/sign-in?redirectTo=%2F%2Fevil.example',
			account
		);
		expect(away.headers.get('location')).toBe('/');
	});

	it('answers a wrong password and an unknown email with the same message', async () => {
		const { account } = await signUp(new Visitor(server.url));
		const wrongPassword = await new Visitor(server.url).post('/sign-in', {
			...account,
			password: 'not the password'
		});
		const unknownEmail = await new Visitor(server.url).post('/sign-in', { ...newAccount() });
		expect(wrongPassword.status).toBe(400);
		expect(unknownEmail.status).toBe(400);
		const message = 'That email and password do not match an account.';
		const wrongBody = await wrongPassword.text();
		expect(wrongBody).toContain(message);
		expect(await unknownEmail.text()).toContain(message);
		// The typed email is kept; the password is never sent back.
		expect(wrongBody).toContain(`value="${account.email}"`);
		expect(wrongBody).not.toContain('not the password');
	});

	it('refuses a second account whose email differs only in case', async () => {
		const visitor = new Visitor(server.url);
		const { account } = await signUp(visitor);
		const again = await new Visitor(server.url).post('/sign-up', {
			...newAccount(),
			email: `  ${account.email.toUpperCase()} `
		});
		expect(again.status).toBe(409);
		expect(await again.text()).toContain('An account with this email already exists.');
		// and the original account signs in whatever the case typed
		const signIn = await new Visitor(server.url).post('/sign-in', {
			...account,
			email: account.email.toUpperCase()
		});
		expect(signIn.status).toBe(303);
	});

	it('explains what is wrong with a bad sign-up form', async () => {
		const short = await new Visitor(server.url).post('/sign-up', newAccount({ password: 'short' }));
		expect(short.status).toBe(400);
		expect(await short.text()).toContain('Use at least 8 characters.');
		const long = await new Visitor(server.url).post(
			'/sign-up',
			newAccount({ password: 'x'.repeat(257) })
		);
		expect(await long.text()).toContain('Use at most 256 characters.');
		const email = await new Visitor(server.url).post(
			'/sign-up',
			newAccount({ email: 'not-an-email' })
		);
		expect(await email.text()).toContain('Enter a valid email address');
		// no composition rules: eight lower-case letters are accepted
		const plain = await new Visitor(server.url).post(
			'/sign-up',
			newAccount({ password: 'abcdefgh' })
		);
		expect(plain.status).toBe(303);
	});

	it('refuses an expired session and clears its cookie', async () => {
		const visitor = new Visitor(server.url);
		await signUp(visitor);
		const [id] = visitor.cookies.get('session')!.split('.');
		const db = new Database(server.databasePath);
		db.prepare('update sessions set expires_at = ? where id = ?').run(Date.now() - 1000, id);

		const response = await visitor.get('/');
		expect(await response.text()).not.toContain('Signed in as');
		expect(visitor.cookies.has('session')).toBe(false);
		expect(db.prepare('select count(*) as n from sessions where id = ?').get(id)).toEqual({ n: 0 });
		db.close();
	});

	it('renews a session that is close to expiry', async () => {
		const visitor = new Visitor(server.url);
		await signUp(visitor);
		const [id] = visitor.cookies.get('session')!.split('.');
		const db = new Database(server.databasePath);
		db.prepare('update sessions set expires_at = ? where id = ?').run(Date.now() + 2 * DAY, id);

		const response = await visitor.get('/');
		expect(await response.text()).toContain('Signed in as');
		const cookie = sessionCookieOf(response);
		expect(cookie).toBeDefined();
		const { expires_at } = db.prepare('select expires_at from sessions where id = ?').get(id) as {
			expires_at: number;
		};
		db.close();
		expect(expires_at).toBeGreaterThan(Date.now() + 29 * DAY);
		const cookieExpiry = new Date(/Expires=([^;]+)/i.exec(cookie!)![1]!).getTime();
		expect(cookieExpiry).toBeGreaterThan(Date.now() + 29 * DAY);
	});

	it('refuses a token whose secret does not match', async () => {
		const visitor = new Visitor(server.url);
		await signUp(visitor);
		const [id] = visitor.cookies.get('session')!.split('.');
		visitor.cookies.set('session', `${id}.${'a'.repeat(24)}`);
		expect(await (await visitor.get('/')).text()).not.toContain('Signed in as');
	});

	it('stores only a hash of the session secret', async () => {
		const visitor = new Visitor(server.url);
		await signUp(visitor);
		const [id, secret] = visitor.cookies.get('session')!.split('.');
		const db = new Database(server.databasePath, { readonly: true });
		const row = db.prepare('select * from sessions where id = ?').get(id) as Record<
			string,
			unknown
		>;
		db.close();
		expect(JSON.stringify(row)).not.toContain(secret);
		expect((row.secret_hash as Buffer).length).toBe(32);
	});
});
