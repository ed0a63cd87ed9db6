import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { query } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

/** One account signed in on two devices. */
async function signedInTwice() {
	const account = newAccount();
	const phone = new Visitor(server.url);
	expect((await phone.post('/sign-up', account)).status).toBe(303);
	const laptop = new Visitor(server.url);
	expect((await laptop.post('/sign-in', account)).status).toBe(303);
	return { account, phone, laptop };
}

async function isSignedIn(visitor: Visitor): Promise<boolean> {
	return (await (await visitor.get('/')).text()).includes('Signed in as');
}

function passwordHashOf(email: string): string {
	return query<{ password_hash: string }>(
		server.databasePath,
		'select password_hash from users where email = ?',
		email
	)[0]!.password_hash;
}

const NEW_PASSWORD = 'a brand new passphrase';

describe('changing your password', () => {
	it('is offered from your account page, to signed-in people only', async () => {
		const { phone } = await signedInTwice();
		expect(await (await phone.get('/account')).text()).toContain('href="/account/password"');
		const page = await (await phone.get('/account/password')).text();
		expect(page).toContain('Current password');
		expect(page).toContain('autocomplete="new-password"');

		const stranger = await new Visitor(server.url).get('/account/password');
		expect(stranger.status).toBe(303);
		expect(stranger.headers.get('location')).toBe('/sign-in?redirectTo=%2Faccount%2Fpassword');
	});

	it('refuses a wrong current password and changes nothing', async () => {
		const { account, phone, laptop } = await signedInTwice();
		const before = passwordHashOf(account.email);
		const refused = await phone.post('/account/password', {
			currentPassword: 'not my password',
			newPassword: NEW_PASSWORD,
			confirmPassword: NEW_PASSWORD
		});
		expect(refused.status).toBe(400);
		const body = await refused.text();
		expect(body).toContain('That is not your current password.');
		expect(body).not.toContain(NEW_PASSWORD);
		expect(passwordHashOf(account.email)).toBe(before);
		expect(await isSignedIn(laptop)).toBe(true);
		expect(await isSignedIn(phone)).toBe(true);
	});

	it('explains a new password that is too short or not confirmed', async () => {
		const { account, phone } = await signedInTwice();
		const before = passwordHashOf(account.email);
		const short = await phone.post('/account/password', {
			currentPassword: account.password,
			newPassword: 'short',
			confirmPassword: 'short'
		});
		expect(short.status).toBe(400);
		expect(await short.text()).toContain('Use at least 8 characters.');
		const mismatch = await phone.post('/account/password', {
			currentPassword: account.password,
			newPassword: NEW_PASSWORD,
			confirmPassword: `${NEW_PASSWORD}!`
		});
		expect(mismatch.status).toBe(400);
		expect(await mismatch.text()).toContain('do not match');
		expect(passwordHashOf(account.email)).toBe(before);
	});

	it('sets the new password and signs out every other device', async () => {
		const { account, phone, laptop } = await signedInTwice();
		const changed = await phone.post('/account/password', {
			currentPassword: account.password,
			newPassword: NEW_PASSWORD,
			confirmPassword: NEW_PASSWORD
		});
		expect(changed.status).toBe(303);
		expect(changed.headers.get('location')).toBe('/account/password?changed=1');
		expect(await (await phone.get('/account/password?changed=1')).text()).toContain(
			'Your password has been changed'
		);

		expect(await isSignedIn(phone)).toBe(true);
		expect(await isSignedIn(laptop)).toBe(false);
		const sessions = query<{ n: number }>(
			server.databasePath,
			'select count(*) as n from sessions join users on users.id = sessions.user_id where email = ?',
			account.email
		);
		expect(sessions).toEqual([{ n: 1 }]);

		const old = await new Visitor(server.url).post('/sign-in', account);
		expect(old.status).toBe(400);
		const fresh = await new Visitor(server.url).post('/sign-in', {
			email: account.email,
			password: NEW_PASSWORD
		});
		expect(fresh.status).toBe(303);
	});

	it('shares its limit on password checks with account deletion', async () => {
		const { account, phone } = await signedInTwice();
		for (let attempt = 0; attempt < 8; attempt++) {
			const response = await phone.post('/account?/delete', {
				password: 'a wrong guess',
				confirm: 'DELETE'
			});
			expect(response.status).toBe(400);
		}
		const limited = await phone.post('/account/password', {
			currentPassword: account.password,
			newPassword: NEW_PASSWORD,
			confirmPassword: NEW_PASSWORD
		});
		expect(limited.status).toBe(429);
		expect(await limited.text()).toMatch(/Too many attempts\. Please wait \d+ (s|min)/);
	});
});
