import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/quiz-schema';
import { readLessonText } from '../../src/lib/content/lesson-text';
import { grade } from '../../src/lib/quiz/grading';
import type { Response as QuizResponse } from '../../src/lib/quiz/types';
import { answeredOnline, cardState } from '../helpers/review-state';
import { Visitor } from '../helpers/client';
import { execute, query, snapshotTables } from '../helpers/db';
import { signUp, type Person } from '../helpers/people';
import {
	answerFields,
	postAnswer,
	questionPath,
	reviewFields,
	sampleQuiz,
	startAttempt
} from '../helpers/quiz';
import { keyMaterial } from '../helpers/quiz-secrets';
import { projectRoot, startServer, type TestServer } from '../helpers/server';

// A phone queues what the learner did offline and sends it later: maybe twice (a retry after a
// lost reply, a page closed mid-sync, two tabs), maybe out of order across two devices. Every
// replay must change nothing, and nothing may be lost.

const QUIZ_ID = 'franchise-model/local-allies';
const LESSON = QUIZ_ID;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const sections = readLessonText(
	readFileSync(join(projectRoot, 'lessons/01-franchise-model/01-local-allies/index.md'), 'utf8')
).sections.map((s) => s.id);
const SINGLE = sampleQuiz.questions.find((q) => q.type === 'single')!;
const TRUE_FALSE = sampleQuiz.questions.find((q) => q.type === 'truefalse')!;

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
}, 60_000);
afterAll(() => server?.stop());

const read = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) =>
	query<T>(server.databasePath, sql, ...params);
const count = (sql: string, ...params: unknown[]) => read<{ n: number }>(sql, ...params)[0]!.n;
const snapshot = () => snapshotTables(server.databasePath);

/** The canonical response (authored ids) answering `question` right or wrong. */
function responseTo(question: Question, right: boolean): QuizResponse {
	if (question.type === 'single')
		return {
			type: 'single',
			optionId: question.options.find((o) => (o.id === question.answer) === right)!.id
		};
	if (question.type === 'truefalse')
		return { type: 'truefalse', value: right ? question.answer : !question.answer };
	throw new Error(`no canned response for ${question.type}`);
}

/** A learner who has answered every question of the sample quiz: a review card for each. */
async function learnerWithCards(): Promise<Person & { card: (question: Question) => number }> {
	const person = await signUp(server);
	const attempt = await startAttempt(person.visitor);
	for (const [i, question] of sampleQuiz.questions.entries())
		expect((await postAnswer(person.visitor, attempt, question, i % 2 === 0)).status).toBe(303);
	const card = (question: Question) =>
		read<{ id: number }>(
			'select id from review_cards where user_id = ? and question_key = ?',
			person.id,
			question.id
		)[0]!.id;
	return { ...person, card };
}

const stateOf = (cardId: number) => cardState(server.databasePath, cardId);

/** Moves a card's making and schedule back, as if it had been made `days` ago. */
function backdate(cardId: number, days: number) {
	const ms = days * DAY;
	execute(
		server.databasePath,
		`update review_cards set created_at = created_at - ?, due = due - ?,
		 last_review = last_review - ? where id = ?`,
		ms,
		ms,
		ms,
		cardId
	);
}

interface Queued {
	clientId: string;
	cardId: number;
	response: unknown;
	answeredAt: string;
}

const queued = (cardId: number, question: Question, right: boolean, at: number): Queued => ({
	clientId: randomUUID(),
	cardId,
	response: responseTo(question, right),
	answeredAt: new Date(at).toISOString()
});

interface SyncReply {
	results: { clientId: string; status: string; message?: string }[];
	cards: { id: number; due: string }[];
}

async function sync(visitor: Visitor, reviews: unknown[]): Promise<SyncReply> {
	const response = await visitor.postJson('/api/review/sync', { reviews });
	expect(response.status, await response.clone().text()).toBe(200);
	return response.json();
}

/** Right or wrong answers at these times, as the scheduler scores them. */
const scored = (answers: { right: boolean; at: number }[]) =>
	answers.map((answer) => ({ score: answer.right ? 1 : 0, at: answer.at }));

const checkpoint = (section: string, extra: Record<string, unknown> = {}) => ({
	lesson: LESSON,
	section,
	visitId: 'visit-offline-01',
	activeSeconds: 30,
	...extra
});

function progressOf(userId: number) {
	return read<{ active_seconds: number; percent: number; last_section: string }>(
		'select * from lesson_progress where user_id = ?',
		userId
	)[0]!;
}

/** Moves the lesson's last credit back, as if that much time had passed since. */
function letTimePass(userId: number, ms: number) {
	execute(
		server.databasePath,
		'update lesson_progress set updated_at = updated_at - ? where user_id = ?',
		ms,
		userId
	);
}

describe('reading checkpoints queued offline', () => {
	it('count once however often they are sent, five copies at once included', async () => {
		const person = await signUp(server);
		await person.visitor.postJson('/api/progress', checkpoint(sections[0]!, { activeSeconds: 0 }));
		letTimePass(person.id, 10 * 60_000);
		const body = checkpoint(sections[1]!, { clientId: randomUUID(), activeSeconds: 60 });
		const replies = await Promise.all(
			Array.from({ length: 5 }, () => person.visitor.postJson('/api/progress', body))
		);
		expect(replies.map((reply) => reply.status)).toEqual(Array(5).fill(200));
		// Four more copies would have added the slack (30 s) once more had they counted.
		expect(progressOf(person.id).active_seconds).toBe(60);
		const once = snapshot();

		// Sent again after more reading: it answers the figures as they now stand, and adds nothing.
		await person.visitor.postJson('/api/progress', checkpoint('end'));
		const after = snapshot();
		const replay = await person.visitor.postJson('/api/progress', body);
		expect(await replay.json()).toEqual({
			percent: Math.round(300 / sections.length),
			completed: false
		});
		expect(snapshot()).toEqual(after);
		expect(once).not.toEqual(after);
		expect(count('select count(*) as n from sync_receipts where user_id = ?', person.id)).toBe(1);
	});

	it('keep their time: measured when they were reached, though they arrive together', async () => {
		const person = await signUp(server);
		await person.visitor.postJson('/api/progress', checkpoint(sections[0]!, { activeSeconds: 0 }));
		// Ten minutes offline, a checkpoint every 30 s of reading, sent at once on reconnecting.
		letTimePass(person.id, 10 * 60_000);
		const offlineFrom = Date.now() - 10 * 60_000;
		for (let i = 1; i <= 20; i++) {
			const reached = { clientId: randomUUID(), readAt: new Date(offlineFrom + i * 30_000) };
			const reply = await person.visitor.postJson(
				'/api/progress',
				checkpoint(sections[i % 3]!, { ...reached, readAt: reached.readAt.toISOString() })
			);
			expect(reply.status).toBe(200);
		}
		expect(progressOf(person.id).active_seconds).toBe(20 * 30);
	});

	it('do not move where you left off when reached before reading went on elsewhere', async () => {
		const person = await signUp(server);
		await person.visitor.postJson('/api/progress', checkpoint(sections[2]!));
		const earlier = new Date(Date.now() - HOUR).toISOString();
		await person.visitor.postJson(
			'/api/progress',
			checkpoint(sections[0]!, { clientId: randomUUID(), readAt: earlier })
		);
		expect(progressOf(person.id).last_section).toBe(sections[2]);
	});

	it('are refused with a message naming the field when their id or time is malformed', async () => {
		const person = await signUp(server);
		for (const [field, value] of Object.entries({ clientId: 'not-a-uuid', readAt: 'yesterday' })) {
			const reply = await person.visitor.postJson(
				'/api/progress',
				checkpoint(sections[0]!, { [field]: value })
			);
			expect(reply.status).toBe(400);
			expect((await reply.json()).message).toContain(field);
		}
		expect(read('select * from lesson_progress where user_id = ?', person.id)).toEqual([]);
	});
});

describe('review cards kept for offline review', () => {
	it('are the due and soon-due cards, each with what grading it on the device needs', async () => {
		const learner = await learnerWithCards();
		const other = await learnerWithCards();
		execute(
			server.databasePath,
			'update review_cards set due = ? where user_id = ?',
			Date.now() + 10 * DAY,
			learner.id
		);
		const set = (question: Question, due: number) =>
			execute(
				server.databasePath,
				'update review_cards set due = ? where id = ?',
				due,
				learner.card(question)
			);
		set(SINGLE, Date.now() - HOUR);
		set(TRUE_FALSE, Date.now() + 2 * DAY);

		const reply = await learner.visitor.get('/api/review/offline');
		expect(reply.status).toBe(200);
		expect(reply.headers.get('cache-control')).toContain('no-store');
		const { cards } = await reply.json();
		expect(cards.map((card: { id: number }) => card.id)).toEqual([
			learner.card(SINGLE),
			learner.card(TRUE_FALSE)
		]);

		const single = cards[0];
		expect(Object.keys(single).sort()).toEqual([
			'due',
			'id',
			'key',
			'layout',
			'question',
			'result'
		]);
		// The shown question holds no key; the key and the result panel's words are beside it.
		for (const secret of keyMaterial(SINGLE).filter((s) => !s.startsWith('"')))
			expect(JSON.stringify(single.question)).not.toContain(secret);
		expect(single.question.options).toHaveLength(SINGLE.options.length);
		expect(single.result.explanation).toBe(SINGLE.explanation);
		expect(single.result.citations.map((c: { quote: string }) => c.quote)).toEqual(
			SINGLE.citations.map((c) => c.quote)
		);
		// Grading runs from the card alone: the right option, found by its shown text, scores 1.
		const right = SINGLE.options.find((o) => o.id === SINGLE.answer)!;
		const position = single.question.options.find(
			(o: { text: string }) => o.text === right.text
		).id;
		const response = { type: 'single' as const, optionId: single.layout.order[Number(position)] };
		expect(grade(single.key, response).score).toBe(1);
		expect(single.result.rightChoices).toEqual([position]);

		// Another learner's cards are theirs alone.
		const theirs = await (await other.visitor.get('/api/review/offline')).json();
		const ids = new Set(theirs.cards.map((card: { id: number }) => card.id));
		expect(ids.has(learner.card(SINGLE))).toBe(false);
		expect(ids.has(learner.card(TRUE_FALSE))).toBe(false);
		expect(ids.has(other.card(SINGLE))).toBe(true);
	});

	it('leave out a quiz while an attempt at it with deferred feedback is open', async () => {
		const learner = await learnerWithCards();
		execute(server.databasePath, 'update review_cards set due = 0 where user_id = ?', learner.id);
		await learner.visitor.post(`${await startAttempt(learner.visitor)}?/submit`, {});
		execute(server.databasePath, "update quizzes set feedback = 'deferred' where id = ?", QUIZ_ID);
		try {
			const open = await startAttempt(learner.visitor);
			const held = await (await learner.visitor.get('/api/review/offline')).json();
			expect(held.cards).toEqual([]);
			// Nor can a review of them be synced: the schedule in the answer would tell the key.
			const refused = await sync(learner.visitor, [
				queued(learner.card(SINGLE), SINGLE, true, Date.now())
			]);
			expect(refused.results[0]).toMatchObject({ status: 'refused' });
			expect(refused.results[0]!.message).toContain('Submit your attempt');
			expect(refused.cards).toEqual([]);

			await learner.visitor.post(`${open}?/submit`, {});
			const back = await (await learner.visitor.get('/api/review/offline')).json();
			expect(back.cards).toHaveLength(sampleQuiz.questions.length);
		} finally {
			execute(
				server.databasePath,
				"update quizzes set feedback = 'immediate' where id = ?",
				QUIZ_ID
			);
		}
	});
});

describe('reviews synced after being answered offline', () => {
	it('are graded here, and recorded once however often the batch is sent, five at once included', async () => {
		const learner = await learnerWithCards();
		const cardId = learner.card(SINGLE);
		// A device's own verdict is not a field the server reads.
		const wrong = { ...queued(cardId, SINGLE, false, Date.now() - HOUR), score: 1, rating: 3 };
		const batch = [wrong, queued(cardId, SINGLE, true, Date.now() - 30 * 60_000)];
		const replies = await Promise.all(
			Array.from({ length: 5 }, () => sync(learner.visitor, batch))
		);
		const statuses = replies.flatMap((reply) => reply.results.map((result) => result.status));
		expect(statuses.filter((status) => status === 'recorded')).toHaveLength(2);
		expect(statuses.filter((status) => status === 'duplicate')).toHaveLength(8);
		const logs = read<{ score: number; client_id: string }>(
			'select score, client_id from review_logs where card_id = ? order by reviewed_at',
			cardId
		);
		expect(logs).toEqual([
			{ score: 0, client_id: wrong.clientId },
			{ score: 1, client_id: batch[1]!.clientId }
		]);

		const once = snapshot();
		const again = await sync(learner.visitor, batch);
		expect(again.results.map((result) => result.status)).toEqual(['duplicate', 'duplicate']);
		expect(snapshot()).toEqual(once);
	});

	it('leave a card as answering online in time order would, whatever order they come in', async () => {
		const learner = await learnerWithCards();
		const cardId = learner.card(SINGLE);
		backdate(cardId, 3);
		const start = stateOf(cardId);
		const now = Date.now();
		const answers = [
			{ right: false, at: now - 20 * HOUR },
			{ right: true, at: now - 60 * HOUR },
			{ right: true, at: now - 40 * HOUR }
		];
		const reply = await sync(
			learner.visitor,
			answers.map((a) => queued(cardId, SINGLE, a.right, a.at))
		);
		expect(reply.results.map((result) => result.status)).toEqual(Array(3).fill('recorded'));
		const expected = answeredOnline(start, scored(answers));
		expect(stateOf(cardId)).toEqual(expected);
		expect(reply.cards).toEqual([{ id: cardId, due: expected.due.toISOString() }]);
	});

	it('from two devices keep both logs, the older batch synced second slotted into place', async () => {
		const learner = await learnerWithCards();
		const cardId = learner.card(TRUE_FALSE);
		backdate(cardId, 5);
		const start = stateOf(cardId);
		const now = Date.now();
		const phone = [
			{ right: true, at: now - 80 * HOUR },
			{ right: false, at: now - 30 * HOUR }
		];
		const tablet = [
			{ right: false, at: now - 100 * HOUR },
			{ right: true, at: now - 50 * HOUR },
			{ right: true, at: now - 2 * HOUR }
		];
		const send = (device: typeof phone) =>
			sync(
				learner.visitor,
				device.map((a) => queued(cardId, TRUE_FALSE, a.right, a.at))
			);
		// The lapse the class page counts ("mastery dropping") follows time order too.
		const lapsedAt = () =>
			read<{ at: number | null }>(
				'select lapsed_at as at from review_cards where id = ?',
				cardId
			)[0]!.at;
		await send(phone);
		expect(stateOf(cardId)).toEqual(answeredOnline(start, scored(phone)));
		expect(lapsedAt()).toBe(phone[1]!.at);
		await send(tablet);
		expect(stateOf(cardId)).toEqual(answeredOnline(start, scored([...phone, ...tablet])));
		expect(count('select count(*) as n from review_logs where card_id = ?', cardId)).toBe(5);
		expect(lapsedAt()).toBeNull();
		const late = { right: false, at: now - HOUR };
		await send([late]);
		expect(lapsedAt()).toBe(late.at);
	});

	it('slot an answer older than one made on the review page in before it', async () => {
		const learner = await learnerWithCards();
		const cardId = learner.card(SINGLE);
		backdate(cardId, 3);
		// The soonest due of the learner's cards, so the review page offers it.
		execute(server.databasePath, 'update review_cards set due = 0 where id = ?', cardId);
		const start = stateOf(cardId);
		const online = await learner.visitor.post('/review?/answer', {
			card: String(cardId),
			...(await reviewFields(learner.visitor, SINGLE.id))
		});
		expect(online.status).toBe(303);
		const [{ reviewed_at: onlineAt }] = read<{ reviewed_at: number }>(
			'select reviewed_at from review_logs where card_id = ?',
			cardId
		) as [{ reviewed_at: number }];
		const offline = { right: false, at: onlineAt - 2 * HOUR };
		await sync(learner.visitor, [queued(cardId, SINGLE, offline.right, offline.at)]);
		expect(stateOf(cardId)).toEqual(
			answeredOnline(start, scored([offline, { right: true, at: onlineAt }]))
		);
	});

	it("refuse another learner's card, and change nothing", async () => {
		const owner = await learnerWithCards();
		const stranger = await signUp(server);
		const before = snapshot();
		const reply = await sync(stranger.visitor, [
			queued(owner.card(SINGLE), SINGLE, true, Date.now()),
			queued(999_999, SINGLE, true, Date.now())
		]);
		expect(reply.results.map(({ status, message }) => ({ status, message }))).toEqual([
			{ status: 'refused', message: 'No such review card.' },
			{ status: 'refused', message: 'No such review card.' }
		]);
		expect(reply.cards).toEqual([]);
		expect(snapshot()).toEqual(before);
	});

	it('refuse what is too old or does not fit, record the rest, and take a future time as now', async () => {
		const learner = await learnerWithCards();
		const cardId = learner.card(SINGLE);
		const tooOld = queued(cardId, SINGLE, true, Date.now() - 31 * DAY);
		const unfit = {
			...queued(cardId, SINGLE, true, Date.now()),
			response: { type: 'single', optionId: 'made-up' }
		};
		const future = queued(cardId, SINGLE, true, Date.now() + 3 * DAY);
		const reply = await sync(learner.visitor, [tooOld, unfit, future]);
		expect(reply.results).toEqual([
			{ clientId: tooOld.clientId, status: 'refused', message: expect.stringContaining('30 days') },
			{
				clientId: unfit.clientId,
				status: 'refused',
				message: 'That choice is not part of this question.'
			},
			{ clientId: future.clientId, status: 'recorded' }
		]);
		const [log] = read<{ reviewed_at: number }>(
			'select reviewed_at from review_logs where card_id = ?',
			cardId
		);
		expect(log!.reviewed_at).toBeLessThanOrEqual(Date.now());
	});

	it('refuse a malformed batch as a whole, saying where', async () => {
		const learner = await learnerWithCards();
		const good = queued(learner.card(SINGLE), SINGLE, true, Date.now());
		const cases: [unknown, string][] = [
			[{ reviews: [good, { ...good, clientId: 'x' }] }, 'reviews.1.clientId'],
			[{ reviews: Array(501).fill(good) }, 'at most 500'],
			[{ reviews: [{ ...good, answeredAt: 'soon' }] }, 'reviews.0.answeredAt']
		];
		for (const [body, where] of cases) {
			const reply = await learner.visitor.postJson('/api/review/sync', body);
			expect(reply.status).toBe(400);
			expect((await reply.json()).message).toContain(where);
		}
		expect(count('select count(*) as n from review_logs where user_id = ?', learner.id)).toBe(0);
	});
});

describe('quiz answers sent again with their clientId', () => {
	it('succeed as the first did and change nothing, five copies at once included', async () => {
		const person = await signUp(server);
		const attempt = await startAttempt(person.visitor);
		const html = await (await person.visitor.get(questionPath(attempt, SINGLE))).text();
		const fields = { ...answerFields(SINGLE, html), clientId: randomUUID() };
		const replies = await Promise.all(
			Array.from({ length: 5 }, () => person.visitor.post(`${attempt}?/answer`, fields))
		);
		expect(replies.map((reply) => reply.status)).toEqual(Array(5).fill(303));
		expect(new Set(replies.map((reply) => reply.headers.get('location'))).size).toBe(1);
		const once = snapshot();
		const again = await person.visitor.post(`${attempt}?/answer`, fields);
		expect(again.headers.get('location')).toBe(replies[0]!.headers.get('location'));
		expect(snapshot()).toEqual(once);
		// Without an id, a repeat is still refused: the key has been shown.
		const { clientId: _id, ...plain } = fields;
		expect((await person.visitor.post(`${attempt}?/answer`, plain)).status).toBe(409);
	});

	it('never take back a deferred answer changed since, nor fail once the attempt is submitted', async () => {
		execute(server.databasePath, "update quizzes set feedback = 'deferred' where id = ?", QUIZ_ID);
		try {
			const person = await signUp(server);
			const attempt = await startAttempt(person.visitor);
			const html = await (await person.visitor.get(questionPath(attempt, SINGLE))).text();
			const first = { ...answerFields(SINGLE, html, false), clientId: randomUUID() };
			const changed = { ...answerFields(SINGLE, html, true), clientId: randomUUID() };
			const path = `${attempt}?/answer`;
			expect((await person.visitor.post(path, first)).status).toBe(303);
			expect((await person.visitor.post(path, changed)).status).toBe(303);
			const scores = () =>
				read(
					'select a.score from answers a join attempts t on t.id = a.attempt_id where t.user_id = ?',
					person.id
				);
			expect(scores()).toEqual([{ score: 1 }]);
			const replayed = await person.visitor.post(path, first);
			expect(replayed.status).toBe(303);
			expect(scores()).toEqual([{ score: 1 }]);

			expect((await person.visitor.post(`${attempt}?/submit`, {})).status).toBe(303);
			const submitted = snapshot();
			const late = await person.visitor.post(path, changed);
			expect(late.status).toBe(303);
			expect(late.headers.get('location')).toContain('?q=');
			expect(snapshot()).toEqual(submitted);
		} finally {
			execute(
				server.databasePath,
				"update quizzes set feedback = 'immediate' where id = ?",
				QUIZ_ID
			);
		}
	});

	it('refuse an id that is not a UUID', async () => {
		const person = await signUp(server);
		const attempt = await startAttempt(person.visitor);
		const html = await (await person.visitor.get(questionPath(attempt, SINGLE))).text();
		const reply = await person.visitor.post(`${attempt}?/answer`, {
			...answerFields(SINGLE, html),
			clientId: 'again'
		});
		expect(reply.status).toBe(400);
		expect(
			count(
				'select count(*) as n from answers where attempt_id = ?',
				Number(attempt.split('/').at(-1))
			)
		).toBe(0);
	});
});

describe('sync receipts', () => {
	it('go with the account, and are pruned after 60 days', async () => {
		const learner = await learnerWithCards();
		const receipt = (clientId: string, age: number) =>
			execute(
				server.databasePath,
				"insert into sync_receipts (user_id, client_id, kind, created_at) values (?, ?, 'review', ?)",
				learner.id,
				clientId,
				Date.now() - age
			);
		receipt('stale-receipt', 61 * DAY);
		receipt('kept-receipt', 59 * DAY);
		await sync(learner.visitor, [queued(learner.card(SINGLE), SINGLE, true, Date.now())]);
		const ids = () =>
			read<{ client_id: string }>(
				'select client_id from sync_receipts where user_id = ? order by created_at',
				learner.id
			).map((row) => row.client_id);
		expect(ids()).toEqual(['kept-receipt', expect.any(String)]);

		const deleted = await learner.visitor.post('/account?/delete', {
			password: learner.account.password,
			confirm: 'DELETE'
		});
		expect(deleted.status).toBe(303);
		expect(ids()).toEqual([]);
	});
});

describe('every answer of the sync endpoints', () => {
	it('is kept by no cache: signed out, refused or accepted', async () => {
		const person = await signUp(server);
		const anonymous = new Visitor(server.url);
		const replies = [
			await anonymous.get('/api/review/offline'),
			await person.visitor.get('/api/review/offline'),
			await anonymous.postJson('/api/review/sync', { reviews: [] }),
			await person.visitor.postJson('/api/review/sync', { reviews: 'none' }),
			await person.visitor.postJson('/api/review/sync', { reviews: [] }),
			await anonymous.postJson('/api/progress', checkpoint('end')),
			await person.visitor.postJson('/api/progress', checkpoint('end', { readAt: 'x' })),
			await person.visitor.postJson('/api/progress', checkpoint('end'))
		];
		expect(replies.map((reply) => reply.status)).toEqual([401, 200, 401, 400, 200, 401, 400, 200]);
		for (const reply of replies) expect(reply.headers.get('cache-control')).toContain('no-store');
		const plain = await fetch(new URL('/api/review/sync', server.url), {
			method: 'POST',
			headers: {
				cookie: `session=${person.visitor.cookies.get('session')}`,
				origin: server.url,
				'content-type': 'text/plain'
			},
			body: '{"reviews":[]}'
		});
		expect(plain.status).toBe(415);
		expect(plain.headers.get('cache-control')).toContain('no-store');
	});
});
