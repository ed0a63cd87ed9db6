import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount } from '../helpers/client';
import { query } from '../helpers/db';
import { formPost, rawRequest, setCookies, type RawResponse } from '../helpers/raw-http';
import { startServer, type TestServer } from '../helpers/server';

const sessionCookie = (response: RawResponse) =>
	setCookies(response).find((cookie) => cookie.startsWith('session='));

const cookiePair = (cookie: string) => cookie.split(';')[0]!;

async function signUpAt(server: TestServer, host: string, address?: string) {
	const account = newAccount();
	const response = await formPost({ port: server.port, host, path: '/sign-up', address }, account);
	return { account, response };
}

async function homePageAs(server: TestServer, host: string, cookie: string, address?: string) {
	return rawRequest({ address, port: server.port, path: '/', headers: { host, cookie } });
}

describe('the README start: `npm start` with no configuration at all', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({ asReadme: true });
	});
	afterAll(() => server?.stop());

	for (const name of ['localhost', '127.0.0.1']) {
		it(`signs a new user up from http://${name}:PORT and keeps them signed in`, async () => {
			const host = `${name}:${server.port}`;
			const { account, response } = await signUpAt(server, host);
			expect(response.status, response.body).toBe(303);
			const cookie = sessionCookie(response);
			expect(cookie).toBeDefined();
			expect(cookie).not.toMatch(/;\s*Secure/i);

			const home = await homePageAs(server, host, cookiePair(cookie!));
			expect(home.body).toContain(`Signed in as <strong>${account.displayName}</strong>`);
		});
	}

	it('refuses a form from another site, saying why and what to set', async () => {
		const account = newAccount();
		const response = await formPost(
			{
				port: server.port,
				host: `localhost:${server.port}`,
				origin: 'http://elsewhere.example',
				path: '/sign-up'
			},
			account
		);
		expect(response.status).toBe(403);
		expect(response.body).toContain('http://elsewhere.example');
		expect(response.body).toContain('ORIGIN');
		const stored = query(
			server.databasePath,
			'select id from users where email = ?',
			account.email
		);
		expect(stored).toEqual([]);
	});

	it('answers a refused use:enhance post as an action error the page can show', async () => {
		const response = await rawRequest({
			port: server.port,
			path: '/sign-up',
			method: 'POST',
			headers: {
				host: `localhost:${server.port}`,
				origin: 'http://elsewhere.example',
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(newAccount()).toString()
		});
		expect(response.status).toBe(403);
		const result = JSON.parse(response.body);
		expect(result.type).toBe('error');
		expect(result.error.message).toContain('ORIGIN');
	});

	it('sends no HSTS over plain http, and nosniff and DENY framing on pages and static files', async () => {
		const page = await rawRequest({ port: server.port, path: '/sign-in' });
		const asset = page.body.match(/\/_app\/immutable\/[^"']+\.js/)?.[0];
		expect(asset).toBeDefined();
		const file = await rawRequest({ port: server.port, path: asset! });
		expect(file.status).toBe(200);
		for (const response of [page, file]) {
			expect(response.headers['x-content-type-options']).toBe('nosniff');
			expect(response.headers['x-frame-options']).toBe('DENY');
			expect(response.headers['strict-transport-security']).toBeUndefined();
		}
		expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
	});
});

describe('another device on the network (HOST=0.0.0.0), tested on loopback only', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({ asReadme: true, env: { HOST: '0.0.0.0' } });
	});
	afterAll(() => server?.stop());

	it('signs up over plain http at another loopback address, with a cookie a phone keeps', async () => {
		const host = `127.0.0.2:${server.port}`;
		const { account, response } = await signUpAt(server, host, '127.0.0.2');
		expect(response.status, response.body).toBe(303);
		const cookie = sessionCookie(response)!;
		expect(cookie).not.toMatch(/;\s*Secure/i);
		const home = await homePageAs(server, host, cookiePair(cookie), '127.0.0.2');
		expect(home.body).toContain(`Signed in as <strong>${account.displayName}</strong>`);
	});

	it('accepts a form addressed to a LAN name (sent to 127.0.0.1 with that Host)', async () => {
		const host = `192.168.1.20:${server.port}`;
		const { response } = await signUpAt(server, host);
		expect(response.status, response.body).toBe(303);
		expect(sessionCookie(response)).not.toMatch(/;\s*Secure/i);
		expect(response.headers.location).toBe('/');
	});
});

describe('behind an https proxy (ORIGIN=https://…)', () => {
	const origin = 'https://course.example';
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({ asReadme: true, env: { ORIGIN: origin } });
	});
	afterAll(() => server?.stop());

	it('marks the session cookie Secure and sends HSTS', async () => {
		const response = await formPost(
			{ port: server.port, host: 'course.example', origin, path: '/sign-up' },
			newAccount()
		);
		expect(response.status, response.body).toBe(303);
		expect(sessionCookie(response)).toMatch(/;\s*Secure/i);
		expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
	});

	it('explains a refusal when the course is opened at another address than ORIGIN', async () => {
		const response = await signUpAt(server, `127.0.0.1:${server.port}`);
		expect(response.response.status).toBe(403);
		expect(response.response.body).toContain(`set to ${origin} (ORIGIN)`);
	});
});
