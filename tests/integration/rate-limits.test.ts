import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { execute, query } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

const WAIT = /Too many attempts\. Please wait \d+ (s|min) and try again\./;

async function signedUp(address?: string) {
	const account = newAccount();
	const visitor = new Visitor(server.url, address);
	expect((await visitor.post('/sign-up', account)).status).toBe(303);
	const [user] = query<{ id: number }>(
		server.databasePath,
		'select id from users where email = ?',
		account.email
	);
	return { account, visitor, id: user!.id };
}

/**
 * Sends attempts one at a time until one is refused. Tokens drip back meanwhile, so a limit
 * allows its capacity plus at most one attempt per refill interval that passed.
 */
async function allowedUntilRefused(send: () => Promise<Response>, most = 300) {
	const started = Date.now();
	for (let allowed = 0; allowed < most; allowed++) {
		const response = await send();
		if (response.status === 429) {
			return { allowed, seconds: (Date.now() - started) / 1000, refusal: await response.text() };
		}
		expect(response.status).toBeLessThan(429);
	}
	throw new Error(`Still not refused after ${most} attempts`);
}

function wrongSignIn(url: string, email: string, address: string) {
	return new Visitor(url, address).post('/sign-in', { email, password: 'a wrong guess' });
}

describe('sign-in limits', () => {
	it('stops guessing from one address without locking the owner out at theirs', async () => {
		const instructor = await signedUp('198.51.100.201');
		execute(
			server.databasePath,
			"update users set role = 'instructor' where id = ?",
			instructor.id
		);
		const attacker = '203.0.113.66';
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 10; attempt++) {
			statuses.push((await wrongSignIn(server.url, instructor.account.email, attacker)).status);
		}
		expect(statuses).toEqual([...Array(8).fill(400), 429, 429]);
		const refused = await new Visitor(server.url, attacker).post('/sign-in', instructor.account);
		// Even the right password waits at the attacker's address, so it cannot confirm a guess.
		expect(refused.status).toBe(429);
		expect(await refused.text()).toMatch(WAIT);

		// The owner, at their own address, signs in before class as usual.
		const owner = new Visitor(server.url, '198.51.100.201');
		const signIn = await owner.post('/sign-in', instructor.account);
		expect(signIn.status).toBe(303);
		expect(owner.cookies.has('session')).toBe(true);
	});

	it('has a ceiling per account across all addresses', async () => {
		const { account } = await signedUp();
		// Thirteen addresses at eight guesses each are 104 guesses; the ceiling is 100. Sent at
		// once, they are all counted within moments, long before a token drips back.
		const guesses = Array.from({ length: 13 * 8 }, (_, index) =>
			wrongSignIn(server.url, account.email, `192.0.2.${1 + (index % 13)}`)
		);
		const statuses = (await Promise.all(guesses)).map((response) => response.status);
		expect(statuses.filter((status) => status === 400)).toHaveLength(100);
		expect(statuses.filter((status) => status === 429)).toHaveLength(4);
		const fresh = await new Visitor(server.url, '192.0.2.99').post('/sign-in', account);
		expect(fresh.status).toBe(429);
	});

	it('lets the owner in from a browser they signed in on before, whatever strangers did', async () => {
		const { account, visitor: ownersBrowser } = await signedUp('192.0.2.150');
		const deviceCookie = ownersBrowser.cookies.get('device');
		expect(deviceCookie).toBeDefined();
		// Strangers empty the account's ceiling, and one shares the owner's address.
		const guesses = Array.from({ length: 13 * 8 }, (_, index) =>
			wrongSignIn(server.url, account.email, `192.0.2.${160 + (index % 13)}`)
		);
		await Promise.all(guesses);
		for (let guess = 0; guess < 8; guess++)
			await wrongSignIn(server.url, account.email, '192.0.2.150');
		expect((await wrongSignIn(server.url, account.email, '192.0.2.150')).status).toBe(429);

		// The right password alone no longer gets in: from a new browser, the limits hold...
		expect((await new Visitor(server.url, '192.0.2.150').post('/sign-in', account)).status).toBe(
			429
		);
		// ...and another account's device cookie does not count for this one.
		const { visitor: stranger } = await signedUp('192.0.2.151');
		const borrowed = new Visitor(server.url, '192.0.2.150');
		borrowed.cookies.set('device', stranger.cookies.get('device')!);
		expect((await borrowed.post('/sign-in', account)).status).toBe(429);

		// The owner's own browser, signed out, still signs in.
		const owner = new Visitor(server.url, '192.0.2.150');
		owner.cookies.set('device', deviceCookie!);
		const signIn = await owner.post('/sign-in', account);
		expect(signIn.status).toBe(303);
		expect(owner.cookies.get('session')).toBeDefined();
		// A tampered device cookie is a stranger's.
		const forged = new Visitor(server.url, '192.0.2.150');
		forged.cookies.set('device', `${deviceCookie!.split('.')[0]}.${'a'.repeat(24)}`);
		expect((await forged.post('/sign-in', account)).status).toBe(429);
	});

	it('limits each address, generously', async () => {
		const visitor = new Visitor(server.url, '203.0.113.9');
		const { allowed, seconds } = await allowedUntilRefused(() =>
			visitor.post('/sign-in', newAccount())
		);
		// 60 at once, then one every 2 s
		expect(allowed).toBeGreaterThanOrEqual(60);
		expect(allowed).toBeLessThanOrEqual(60 + Math.ceil(seconds / 2));
	});

	it('shares its limits between two server processes on one database file', async () => {
		const other = await startServer({ databasePath: server.databasePath });
		try {
			const { account } = await signedUp();
			const address = '203.0.113.120';
			// Twenty guesses at once, split over both processes: eight are checked, in all.
			const responses = await Promise.all(
				Array.from({ length: 20 }, (_, attempt) =>
					wrongSignIn(attempt % 2 ? other.url : server.url, account.email, address)
				)
			);
			const statuses = responses.map((response) => response.status);
			expect(statuses.filter((status) => status === 400)).toHaveLength(8);
			expect(statuses.filter((status) => status === 429)).toHaveLength(12);
			expect((await wrongSignIn(server.url, account.email, address)).status).toBe(429);
			expect((await wrongSignIn(other.url, account.email, address)).status).toBe(429);
		} finally {
			await other.stop();
		}
	});

	it('keeps no email or address readable in the limits table, even after the account is gone', async () => {
		const { account, visitor } = await signedUp('198.51.100.213');
		await wrongSignIn(server.url, account.email, '203.0.113.140');
		await visitor.post('/account?/delete', { password: account.password, confirm: 'DELETE' });
		expect(
			query(server.databasePath, 'select id from users where email = ?', account.email)
		).toEqual([]);
		const rows = query<{ key: string }>(server.databasePath, 'select key from rate_limits');
		expect(rows.length).toBeGreaterThan(0);
		for (const { key } of rows) expect(key).toMatch(/^[a-z-]+:[a-z-]+:[0-9a-f]{64}$/);
		const everything = JSON.stringify(rows);
		expect(everything).not.toContain(account.email);
		expect(everything).not.toContain('203.0.113.140');
	});
});

describe('sign-up limits', () => {
	it('limits sign-ups per email and per address, and says so', async () => {
		const account = newAccount();
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 6; attempt++) {
			// a new address each time, so only the per-email bucket can stop it
			statuses.push((await new Visitor(server.url).post('/sign-up', account)).status);
		}
		expect(statuses).toEqual([303, 409, 409, 409, 409, 429]);

		const visitor = new Visitor(server.url, '203.0.113.77');
		const fromOne: number[] = [];
		for (let attempt = 0; attempt < 31; attempt++) {
			fromOne.push((await visitor.post('/sign-up', newAccount({ password: 'short' }))).status);
		}
		expect(fromOne.filter((status) => status === 400)).toHaveLength(30);
		expect(fromOne.at(-1)).toBe(429);
		expect(await (await visitor.post('/sign-up', newAccount())).text()).toMatch(WAIT);
	});
});

describe('password checks of a signed-in user', () => {
	it('limits the password check on account deletion', async () => {
		const { account, visitor, id } = await signedUp();
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 10; attempt++) {
			const response = await visitor.post('/account?/delete', {
				password: 'a wrong guess',
				confirm: 'DELETE'
			});
			statuses.push(response.status);
		}
		expect(statuses).toEqual([...Array(8).fill(400), 429, 429]);
		const right = await visitor.post('/account?/delete', {
			password: account.password,
			confirm: 'DELETE'
		});
		expect(right.status).toBe(429);
		expect(await right.text()).toMatch(WAIT);
		expect(query(server.databasePath, 'select id from users where id = ?', id)).toHaveLength(1);
	});
});

describe('join codes', () => {
	async function classCode() {
		const teacher = await signedUp();
		execute(server.databasePath, "update users set role = 'instructor' where id = ?", teacher.id);
		const created = await teacher.visitor.post('/teach?/create', { name: 'Seminar' });
		const [klass] = query<{ join_code: string }>(
			server.databasePath,
			'select join_code from classes where id = ?',
			Number(created.headers.get('location')!.split('/').at(-1))
		);
		return klass!.join_code;
	}

	it('limits wrong codes per user, counting right ones not at all', async () => {
		const code = await classCode();
		const { visitor } = await signedUp();
		for (let attempt = 0; attempt < 15; attempt++) {
			expect((await visitor.post('/join', { code })).status).toBe(303);
			expect((await visitor.get(`/join/${code}`)).status).toBe(200);
		}
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 6; attempt++) {
			statuses.push((await visitor.post('/join', { code: `ZZZZ-ZZ${attempt}A` })).status);
			statuses.push((await visitor.get(`/join/ZZZZZZ${attempt}B`)).status);
		}
		expect(statuses).toEqual([...Array(10).fill(expect.any(Number)), 429, 429]);
		expect(statuses.slice(0, 10).every((status) => status === 400 || status === 404)).toBe(true);
		const refused = await visitor.post('/join', { code });
		expect(refused.status).toBe(429);
		expect(await refused.text()).toMatch(WAIT);
		expect((await visitor.post(`/join/${code}`, {})).status).toBe(429);
	});

	it('limits wrong codes per address for visitors not signed in', async () => {
		const visitor = new Visitor(server.url, '203.0.113.88');
		let guess = 1000;
		const { allowed, seconds, refusal } = await allowedUntilRefused(() =>
			visitor.post('/join', { code: `QQQQ-${guess++}` })
		);
		// 60 at once, then one every 5 s
		expect(allowed).toBeGreaterThanOrEqual(60);
		expect(allowed).toBeLessThanOrEqual(60 + Math.ceil(seconds / 5));
		expect(refusal).toMatch(WAIT);
	});
});
