import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLessonText } from '../../src/lib/content/lesson-text';
import { newAccount, Visitor } from '../helpers/client';
import { execute, query } from '../helpers/db';
import { postAnswer, reviewFields, sampleQuiz, startAttempt } from '../helpers/quiz';
import { projectRoot, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

const LESSON = 'franchise-model/local-allies';
const HREF = `/learn/${LESSON}`;
const sections = readLessonText(
	readFileSync(join(projectRoot, 'lessons/01-franchise-model/01-local-allies/index.md'), 'utf8')
).sections.map((s) => s.id);

async function learner() {
	const account = newAccount();
	const visitor = new Visitor(server.url);
	await visitor.post('/sign-up', account);
	return { visitor, account };
}

const ping = (visitor: Visitor, section: string, activeSeconds = 10, visitId = 'visit-0001') =>
	visitor.postJson('/api/progress', { lesson: LESSON, section, visitId, activeSeconds });

function row(email: string) {
	return query<{
		percent: number;
		last_section: string;
		completed_at: number | null;
		active_seconds: number;
		n: number;
	}>(
		server.databasePath,
		`select p.*, (select count(*) from lesson_progress q where q.user_id = p.user_id) as n
		 from lesson_progress p join users u on u.id = p.user_id where u.email = ?`,
		email
	)[0];
}

/** Moves the lesson's last credited checkpoint back, as if that much time had passed since. */
function letTimePass(email: string, seconds: number) {
	execute(
		server.databasePath,
		`update lesson_progress set updated_at = updated_at - ?
		 where user_id = (select id from users where email = ?)`,
		seconds * 1000,
		email
	);
}

describe('lesson progress', () => {
	it('counts sections reached, never lowers the share on re-reading, and moves where you left off', async () => {
		const { visitor, account } = await learner();
		await ping(visitor, sections[0]!);
		const second = await ping(visitor, sections[1]!);
		const expected = Math.round(200 / sections.length);
		expect(await second.json()).toEqual({ percent: expected, completed: false });

		await ping(visitor, sections[0]!);
		expect(row(account.email)).toMatchObject({
			percent: expected,
			last_section: sections[0],
			completed_at: null
		});
	});

	it('takes a returning learner, on another device, back to the same section', async () => {
		const { visitor, account } = await learner();
		await ping(visitor, sections[2]!);
		const phone = new Visitor(server.url);
		await phone.post('/sign-in', account);
		const home = await (await phone.get('/')).text();
		expect(home).toContain('Continue where you left off');
		expect(home).toContain(`href="${HREF}#${sections[2]}"`);
	});

	it('completes a lesson read to its end once its quiz is submitted', async () => {
		const { visitor, account } = await learner();
		await ping(visitor, 'end');
		expect(row(account.email)!.completed_at).toBeNull();
		const attempt = await startAttempt(visitor);
		await visitor.post(`${attempt}?/submit`, {});
		expect(row(account.email)!.completed_at).not.toBeNull();
	});

	it('completes on request without JavaScript, once however many tabs ask', async () => {
		const { visitor, account } = await learner();
		const results = await Promise.all([
			visitor.post(`${HREF}?/complete`, {}),
			visitor.post(`${HREF}?/complete`, {}),
			ping(visitor, sections[1]!),
			visitor.post(`${HREF}?/complete`, {})
		]);
		// Back to the lesson's foot by GET, so reloading the page sends nothing again.
		expect(results.map((r) => r.status)).toEqual([303, 303, 200, 303]);
		expect(results[0]!.headers.get('location')).toBe(`${HREF}#end`);
		const progress = row(account.email)!;
		expect(progress.n).toBe(1);
		expect(progress.completed_at).not.toBeNull();
		const page = await (await visitor.get(HREF)).text();
		expect(page).toContain('You have completed this lesson.');
		expect(page).not.toContain('Mark lesson complete');
	});

	it('caps active time per checkpoint and per visit', async () => {
		const { visitor, account } = await learner();
		await ping(visitor, sections[0]!, 1000);
		expect(row(account.email)!.active_seconds).toBe(120);
		for (let i = 0; i < 20; i++) {
			letTimePass(account.email, 120);
			await ping(visitor, sections[0]!, 120);
		}
		expect(row(account.email)!.active_seconds).toBe(30 * 60);
		letTimePass(account.email, 60);
		await ping(visitor, sections[0]!, 60, 'visit-0002');
		expect(row(account.email)!.active_seconds).toBe(30 * 60 + 60);
	});

	it('credits honest checkpoints spread over time in full, whatever visit sends them', async () => {
		const { visitor, account } = await learner();
		await ping(visitor, sections[0]!, 0);
		let expected = 0;
		// A checkpoint every 30 s of reading, some arriving a few seconds early or late, two tabs.
		for (const [i, elapsed] of [30, 27, 33, 30, 25, 35, 30, 30, 29, 31].entries()) {
			letTimePass(account.email, elapsed);
			await ping(visitor, sections[i % 3]!, 30, i % 2 ? 'visit-tab-a' : 'visit-tab-b');
			expected += 30;
		}
		expect(row(account.email)!.active_seconds).toBe(expected);
	});

	it('never credits reading faster than the clock: 50 fresh visits at once add at most 30 s', async () => {
		const { visitor, account } = await learner();
		await ping(visitor, sections[0]!, 20);
		const before = row(account.email)!.active_seconds;
		const started = Date.now();
		const burst = await Promise.all(
			Array.from({ length: 50 }, (_, i) => ping(visitor, sections[1]!, 120, `burst-visit-${i}`))
		);
		const realSeconds = Math.ceil((Date.now() - started) / 1000);
		expect(burst.map((response) => response.status)).toEqual(Array(50).fill(200));
		expect(row(account.email)!.active_seconds - before).toBeLessThanOrEqual(30 + realSeconds);

		// Once ten minutes have really passed, a new visit's reading counts again.
		letTimePass(account.email, 10 * 60);
		const credited = row(account.email)!.active_seconds;
		await ping(visitor, sections[2]!, 120, 'visit-next-day');
		expect(row(account.email)!.active_seconds).toBe(credited + 120);
	});

	it('refuses bad checkpoints with a clear answer and records nothing', async () => {
		const { visitor, account } = await learner();
		expect(
			(
				await new Visitor(server.url).postJson('/api/progress', {
					lesson: LESSON,
					section: 'end',
					visitId: 'visit-0001',
					activeSeconds: 1
				})
			).status
		).toBe(401);
		const unknownSection = await ping(visitor, 'no-such-section');
		expect(unknownSection.status).toBe(400);
		expect(await unknownSection.text()).toContain('That section is not part of this lesson.');
		expect(
			(
				await visitor.postJson('/api/progress', {
					lesson: 'x/y',
					section: 'end',
					visitId: 'visit-0001',
					activeSeconds: 1
				})
			).status
		).toBe(404);
		expect((await visitor.postJson('/api/progress', '{not json')).status).toBe(400);
		expect(
			(
				await visitor.postJson('/api/progress', {
					lesson: LESSON,
					section: 'end',
					visitId: 'v',
					activeSeconds: -5
				})
			).status
		).toBe(400);
		expect(row(account.email)).toBeUndefined();
	});
});

describe('reviews', () => {
	it('schedules a missed question sooner than a known one, and reviewing leaves quiz scores alone', async () => {
		const { visitor, account } = await learner();
		const attempt = await startAttempt(visitor);
		const [missed, known] = sampleQuiz.questions;
		await postAnswer(visitor, attempt, missed!, false);
		await postAnswer(visitor, attempt, known!, true);
		await visitor.post(`${attempt}?/submit`, {});
		const cards = query<{ question_key: string; due: number; id: number }>(
			server.databasePath,
			'select c.* from review_cards c join users u on u.id = c.user_id where u.email = ? order by c.due',
			account.email
		);
		expect(cards.map((c) => c.question_key).slice(0, 1)).toEqual([missed!.id]);
		const due = Object.fromEntries(cards.map((c) => [c.question_key, c.due]));
		expect(due[missed!.id]!).toBeLessThan(due[known!.id]!);

		const scoreBefore = query(
			server.databasePath,
			'select score from attempts where id = ?',
			Number(attempt.split('/').at(-1))
		);
		const answersBefore = query(
			server.databasePath,
			'select * from answers where attempt_id = ?',
			Number(attempt.split('/').at(-1))
		);

		// the missed card is due within minutes; make it due now and review it
		execute(
			server.databasePath,
			'update review_cards set due = ? where id = ?',
			Date.now() - 1000,
			cards[0]!.id
		);
		const page = await (await visitor.get('/review')).text();
		expect(page).toContain(missed!.prompt.replace(/'/g, '&#39;').slice(0, 30));
		const reviewed = await visitor.post('/review?/answer', {
			card: String(cards[0]!.id),
			...(await reviewFields(visitor, missed!.id))
		});
		expect(reviewed.status).toBe(303);
		const again = await visitor.post('/review?/answer', {
			card: String(cards[0]!.id),
			question: missed!.id,
			answer: '0'
		});
		expect(again.status).toBe(409);

		expect(
			query(
				server.databasePath,
				'select score from attempts where id = ?',
				Number(attempt.split('/').at(-1))
			)
		).toEqual(scoreBefore);
		expect(
			query(
				server.databasePath,
				'select * from answers where attempt_id = ?',
				Number(attempt.split('/').at(-1))
			)
		).toEqual(answersBefore);
		expect(
			query(
				server.databasePath,
				'select count(*) as n from review_logs where card_id = ?',
				cards[0]!.id
			)
		).toEqual([{ n: 1 }]);
		const result = await (await visitor.get(reviewed.headers.get('location')!)).text();
		expect(result).toContain('Your last review');
		expect(result).toContain(missed!.citations[0]!.quote.slice(0, 30));
	});
});
