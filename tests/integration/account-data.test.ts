import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { execute, query } from '../helpers/db';
import { postAnswer, reviewFields, sampleQuiz, startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	// Far from UTC on purpose: due counts must not depend on the server's time zone.
	server = await startServer({ env: { TZ: 'Pacific/Kiritimati' } });
});
afterAll(() => server?.stop());

async function activeLearner() {
	const account = newAccount();
	const visitor = new Visitor(server.url);
	await visitor.post('/sign-up', account);
	const attempt = await startAttempt(visitor);
	for (const question of sampleQuiz.questions.slice(0, 3))
		await postAnswer(visitor, attempt, question, true);
	await visitor.post(`${attempt}?/submit`, {});
	await visitor.postJson('/api/progress', {
		lesson: 'franchise-model/local-allies',
		section: 'end',
		visitId: 'visit-0001',
		activeSeconds: 42
	});
	const [user] = query<{ id: number }>(
		server.databasePath,
		'select id from users where email = ?',
		account.email
	);
	return { visitor, account, userId: user!.id };
}

/** A review answered, and a class joined: the rest of what the app can hold about a learner. */
async function reviewsAndJoins(visitor: Visitor, userId: number) {
	const single = sampleQuiz.questions.slice(0, 3).find((question) => question.type === 'single')!;
	const [card] = query<{ id: number }>(
		server.databasePath,
		'select id from review_cards where user_id = ? and question_key = ?',
		userId,
		single.id
	);
	execute(server.databasePath, 'update review_cards set due = ? where id = ?', 0, card!.id);
	const reviewed = await visitor.post('/review?/answer', {
		card: String(card!.id),
		...(await reviewFields(visitor, single.id))
	});
	expect(reviewed.status).toBe(303);

	const teacherAccount = newAccount();
	const teacher = new Visitor(server.url);
	await teacher.post('/sign-up', teacherAccount);
	execute(
		server.databasePath,
		"update users set role = 'instructor' where email = ?",
		teacherAccount.email
	);
	const created = await teacher.post('/teach?/create', { name: 'Reading group' });
	const classId = Number(created.headers.get('location')!.split('/').at(-1));
	const [klass] = query<{ join_code: string }>(
		server.databasePath,
		'select join_code from classes where id = ?',
		classId
	);
	expect((await visitor.post(`/join/${klass!.join_code}`, {})).status).toBe(303);
	return classId;
}

const TABLES = [
	'sessions',
	'attempts',
	'lesson_progress',
	'review_cards',
	'review_logs',
	'class_members'
] as const;
const rowsOf = (table: string, userId: number) =>
	query<Record<string, unknown>>(
		server.databasePath,
		`select * from ${table} where user_id = ?`,
		userId
	);

describe('your data', () => {
	it('exports exactly what the database holds, without secrets', async () => {
		const { visitor, account, userId } = await activeLearner();
		const classId = await reviewsAndJoins(visitor, userId);
		const response = await visitor.get('/account/export.json');
		expect(response.headers.get('content-disposition')).toContain('attachment');
		const body = await response.text();
		const data = JSON.parse(body);

		expect(data.profile).toMatchObject({
			id: userId,
			email: account.email,
			displayName: account.displayName
		});
		const attempts = rowsOf('attempts', userId);
		expect(data.attempts.map((a: { id: number }) => a.id)).toEqual(attempts.map((a) => a.id));
		const answers = query<{ score: number }>(
			server.databasePath,
			'select a.score from answers a join attempts t on t.id = a.attempt_id where t.user_id = ? order by a.answered_at',
			userId
		);
		expect(data.answers.map((a: { score: number }) => a.score)).toEqual(
			answers.map((a) => a.score)
		);
		expect(data.lessonProgress).toHaveLength(1);
		expect(data.lessonProgress[0].activeSeconds).toBe(42);
		expect(data.reviewCards).toHaveLength(rowsOf('review_cards', userId).length);
		const logs = rowsOf('review_logs', userId);
		expect(logs).toHaveLength(1);
		expect(
			data.reviewLogs.map((log: { id: number; score: number }) => [log.id, log.score])
		).toEqual(logs.map((log) => [log.id, log.score]));
		expect(data.sessions).toHaveLength(rowsOf('sessions', userId).length);
		expect(data.classes).toEqual([
			{
				classId,
				className: 'Reading group',
				joinedAt: new Date(rowsOf('class_members', userId)[0]!.joined_at as number).toISOString()
			}
		]);

		const [user] = query<{ password_hash: string }>(
			server.databasePath,
			'select password_hash from users where id = ?',
			userId
		);
		const password_hash = user!.password_hash;
		expect(body).not.toContain(password_hash);
		expect(body).not.toContain(visitor.cookies.get('session')!.split('.')[0]);
		expect(body).not.toMatch(/secretHash|passwordHash/);
	});

	it('exports each table as CSV that a CSV parser reads back', async () => {
		const { visitor, userId } = await activeLearner();
		const bytes = new Uint8Array(
			await (await visitor.get('/account/export/answers.csv')).arrayBuffer()
		);
		// A byte-order mark, so spreadsheets read the file as UTF-8.
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), {
			header: true,
			skipEmptyLines: true
		});
		expect(parsed.errors).toEqual([]);
		const answers = query<{ score: number }>(
			server.databasePath,
			'select a.score from answers a join attempts t on t.id = a.attempt_id where t.user_id = ?',
			userId
		);
		expect(parsed.data).toHaveLength(answers.length);
		expect(parsed.data.map((row) => Number(row.score)).sort()).toEqual(
			answers.map((a) => a.score).sort()
		);
		expect((await visitor.get('/account/export/passwords.csv')).status).toBe(404);
		expect((await new Visitor(server.url).get('/account/export.json')).status).toBe(401);
	});

	it('deletes the account and every personal row, but only with the password and DELETE', async () => {
		const { visitor, account, userId } = await activeLearner();
		await reviewsAndJoins(visitor, userId);
		for (const table of TABLES) expect(rowsOf(table, userId), table).not.toEqual([]);
		const wrong = await visitor.post('/account?/delete', { password: 'not it', confirm: 'DELETE' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('That password is not right.');
		const unconfirmed = await visitor.post('/account?/delete', {
			password: account.password,
			confirm: 'delete?'
		});
		expect(await unconfirmed.text()).toContain('Type DELETE to confirm.');
		expect(query(server.databasePath, 'select id from users where id = ?', userId)).toHaveLength(1);

		const deleted = await visitor.post('/account?/delete', {
			password: account.password,
			confirm: 'DELETE'
		});
		expect(deleted.status).toBe(303);
		expect(deleted.headers.get('location')).toBe('/?account=deleted');
		expect(visitor.cookies.has('session')).toBe(false);
		expect(query(server.databasePath, 'select id from users where id = ?', userId)).toEqual([]);
		for (const table of TABLES) expect(rowsOf(table, userId), table).toEqual([]);
		expect(
			query(
				server.databasePath,
				'select * from answers where attempt_id not in (select id from attempts)'
			)
		).toEqual([]);
	});

	it('keeps the same cards due when the server moves 24 hours of time zones', async () => {
		const { visitor, userId } = await activeLearner();
		const hour = 60 * 60 * 1000;
		const cards = rowsOf('review_cards', userId).map((card) => card.id as number);
		expect(cards.length).toBeGreaterThanOrEqual(3);
		// Due a minute ago, in 23 hours (still "today" on the far side of the date line), in 25 hours.
		const dues = [Date.now() - 60_000, Date.now() + 23 * hour, Date.now() + 25 * hour];
		cards.forEach((id, i) =>
			execute(
				server.databasePath,
				'update review_cards set due = ? where id = ?',
				dues[i] ?? dues[2]!,
				id
			)
		);
		const dueOn = async (url: string) => {
			const same = new Visitor(url, visitor.address);
			for (const [name, value] of visitor.cookies) same.cookies.set(name, value);
			return (await (await same.get('/review')).text()).match(
				/(\d+) cards? (?:is|are) due now/
			)?.[1];
		};
		expect(await dueOn(server.url)).toBe('1');
		// The same database, served from UTC−10 instead of UTC+14.
		const west = await startServer({
			databasePath: server.databasePath,
			env: { TZ: 'America/Adak' }
		});
		try {
			expect(await dueOn(west.url)).toBe('1');
		} finally {
			await west.stop();
		}
	});

	it('counts reviews due by the clock, whatever the server time zone', async () => {
		const { visitor, userId } = await activeLearner();
		execute(
			server.databasePath,
			'update review_cards set due = ? where user_id = ?',
			Date.now() + 60 * 60 * 1000,
			userId
		);
		execute(
			server.databasePath,
			'update review_cards set due = ? where id = (select min(id) from review_cards where user_id = ?)',
			Date.now() - 60 * 1000,
			userId
		);
		const html = await (await visitor.get('/review')).text();
		expect(html).toContain('1 card is due now.');
		expect(await (await visitor.get('/')).text()).toMatch(
			/class="badge[^"]*">1<span class="visually-hidden[^"]*">\sdue</
		);
	});
});
