import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let account: ReturnType<typeof newAccount>;
beforeAll(async () => {
	server = await startServer();
	account = newAccount();
	await new Visitor(server.url).post('/sign-up', account);
});
afterAll(() => server?.stop());

// Sent as the browser would put them in the query string: tab, CR, LF and NUL included.
const bypasses = [
	'/\t/evil.example',
	'/\r\n/evil.example',
	'/\u0000/evil.example',
	'/learn\r\nSet-Cookie: stolen=1',
	'//evil.example',
	'/\\evil.example',
	'\\\\evil.example',
	'/.//evil.example',
	'https://evil.example',
	'javascript:alert(document.cookie)',
	'java\tscript:alert(1)',
	'/l\u00e9\u00e7on'
];

/** Where a browser goes with this Location header, read as it reads it. */
function destination(location: string | null): URL {
	expect(location).not.toBeNull();
	return new URL(location!, `${server.url}/sign-in`);
}

describe('the page to return to after signing in', () => {
	it('comes back to a path on this site', async () => {
		const back = await new Visitor(server.url).post(
			`/sign-in?redirectTo=${encodeURIComponent('/learn?from=home#top')}`,
			account
		);
		expect(back.status).toBe(303);
		expect(back.headers.get('location')).toBe('/learn?from=home#top');
	});

	it.each(bypasses)('never leaves the site nor fails for %j', async (target) => {
		const visitor = new Visitor(server.url);
		const signIn = await visitor.post(`/sign-in?redirectTo=${encodeURIComponent(target)}`, account);
		expect(signIn.status).toBe(303);
		expect(visitor.cookies.has('session')).toBe(true);
		expect(destination(signIn.headers.get('location')).origin).toBe(server.url);
		expect(signIn.headers.get('location')).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);

		// Already signed in, the sign-in and sign-up pages send people on the same way.
		for (const page of ['/sign-in', '/sign-up']) {
			const again = await visitor.get(`${page}?redirectTo=${encodeURIComponent(target)}`);
			expect(again.status).toBe(303);
			expect(destination(again.headers.get('location')).origin).toBe(server.url);
		}
	});

	it('sends a new account on safely too', async () => {
		const signUp = await new Visitor(server.url).post(
			`/sign-up?redirectTo=${encodeURIComponent('/\t/evil.example')}`,
			newAccount()
		);
		expect(signUp.status).toBe(303);
		expect(signUp.headers.get('location')).toBe('/');
	});
});
