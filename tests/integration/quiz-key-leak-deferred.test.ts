import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/quiz-schema';
import { newAccount, Visitor } from '../helpers/client';
import { execute, query } from '../helpers/db';
import {
	answerFields,
	postAnswer,
	postEnhanced,
	questionPath,
	QUIZ_PATH,
	reviewFields,
	sampleQuiz,
	startAttempt
} from '../helpers/quiz';
import { everythingDelivered, leaksIn, scoresIn } from '../helpers/quiz-secrets';
import { startServer, type TestServer } from '../helpers/server';

const QUIZ_ID = 'franchise-model/local-allies';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
	// No course quiz defers its feedback yet; the server reads settings from the database per request.
	execute(server.databasePath, "update quizzes set feedback = 'deferred' where id = ?", QUIZ_ID);
});
afterAll(() => server?.stop());

async function student() {
	const account = newAccount();
	const visitor = new Visitor(server.url);
	await visitor.post('/sign-up', account);
	const [user] = query<{ id: number }>(
		server.databasePath,
		'select id from users where email = ?',
		account.email
	);
	return { visitor, userId: user!.id };
}

/** A typed answer is the learner's own words: typed right, it would be the key itself. */
const typed = (question: Question) => question.type === 'short' || question.type === 'numeric';

/** A reply's body, or where it sends the browser when it has none (a plain form's redirect). */
const replyOf = async (response: Response) =>
	(await response.text()) || (response.headers.get('location') ?? '');

/** Every way the learner's browser or downloads can learn about the quiz, read now. */
async function doors(visitor: Visitor, attempt: string): Promise<Map<string, string>> {
	const bodies = await everythingDelivered(visitor, attempt);
	for (const question of sampleQuiz.questions)
		for (const [where, body] of await everythingDelivered(visitor, questionPath(attempt, question)))
			bodies.set(where, body);
	for (const page of [QUIZ_PATH, '/review', '/dashboard', '/account', '']) {
		bodies.set(page || '/', await (await visitor.get(page || '/')).text());
		bodies.set(`${page}/__data.json`, await (await visitor.get(`${page}/__data.json`)).text());
	}
	const downloads = [
		'/account/export.json',
		...[...bodies.get('/account')!.matchAll(/href="(\/account\/export\/\w+\.csv)"/g)].map(
			(link) => link[1]!
		)
	];
	expect(downloads.length).toBeGreaterThanOrEqual(9);
	for (const path of downloads) bodies.set(path, await (await visitor.get(path)).text());
	const ping = { lesson: QUIZ_ID, section: 'end', visitId: 'visit-0001', activeSeconds: 5 };
	bodies.set('/api/progress', await replyOf(await visitor.postJson('/api/progress', ping)));
	bodies.set('/api/review/offline', await (await visitor.get('/api/review/offline')).text());
	return bodies;
}

const RESULT_FIELDS = ['verdict', 'correctAnswer', 'explanation', 'citations', 'claimType'];
const resultFieldsIn = (bodies: Map<string, string>) =>
	[...bodies]
		.filter(([where]) => !/\.(js|css)$/.test(where))
		.flatMap(([where, body]) =>
			RESULT_FIELDS.filter((field) => new RegExp(`"?${field}"?:`).test(body)).map(
				(field) => `${where}: ${field}`
			)
		);

describe('answer keys with deferred feedback', () => {
	it('stay out of every door while the attempt is open, and appear once it is submitted', async () => {
		const { visitor, userId } = await student();
		const attempt = await startAttempt(visitor);
		const replies = new Map<string, string>();
		for (const [index, question] of sampleQuiz.questions.entries()) {
			const right = !typed(question) && index % 2 === 0;
			const html = await (await visitor.get(questionPath(attempt, question))).text();
			// Saved as a plain form, then changed through use:enhance: open answers may change.
			const saved = await visitor.post(
				`${attempt}?/answer`,
				answerFields(question, html, !right && !typed(question))
			);
			expect(saved.status).toBe(303);
			replies.set(`answer ${question.id}`, await replyOf(saved));
			const changed = await postEnhanced(
				visitor,
				`${attempt}?/answer`,
				answerFields(question, html, right)
			);
			expect(changed.status).toBe(200);
			replies.set(`enhanced answer ${question.id}`, await replyOf(changed));
		}
		const refused = { question: sampleQuiz.questions[0]!.id, answer: '99' };
		replies.set('refused answer', await replyOf(await visitor.post(`${attempt}?/answer`, refused)));
		replies.set(
			'refused enhanced answer',
			await replyOf(await postEnhanced(visitor, `${attempt}?/answer`, refused))
		);
		const scores = query<{ score: number }>(
			server.databasePath,
			'select a.score from answers a join attempts t on t.id = a.attempt_id where t.user_id = ?',
			userId
		).map((row) => row.score);
		expect(scores).toHaveLength(sampleQuiz.questions.length);
		expect(scores).toEqual(expect.arrayContaining([0, 1]));

		const open = new Map([...(await doors(visitor, attempt)), ...replies]);
		expect(leaksIn(open)).toEqual([]);
		// Scores a learner who has answered nothing sees too (the dashboard's 0 % modules) say nothing.
		const fresh = (await student()).visitor;
		const nothingAnswered = await doors(fresh, await startAttempt(fresh));
		expect(scoresIn(open)).toEqual(scoresIn(nothingAnswered));
		expect(resultFieldsIn(open)).toEqual([]);
		// A card is scheduled by the answer's score, and a review shows the key at once.
		expect(
			query(server.databasePath, 'select id from review_cards where user_id = ?', userId)
		).toEqual([]);

		expect((await visitor.post(`${attempt}?/submit`, {})).status).toBe(303);
		const submitted = await doors(visitor, attempt);
		const only = (...paths: string[]) => new Map(paths.map((path) => [path, submitted.get(path)!]));
		expect(leaksIn(only(attempt, `${attempt}/__data.json`))).not.toEqual([]);
		expect(resultFieldsIn(only(`${attempt}/__data.json`))).not.toEqual([]);
		expect(leaksIn(only('/account/export.json'))).not.toEqual([]);
		expect(scoresIn(only('/account/export.json'))).toEqual(
			expect.arrayContaining(['/account/export.json: 0', '/account/export.json: 1'])
		);
		expect(scoresIn(only('/account/export/answers.csv'))).toHaveLength(scores.length);
		expect(
			query(server.databasePath, 'select id from review_cards where user_id = ?', userId)
		).toHaveLength(scores.length);
	});

	it('keeps review cards of the quiz back while another attempt at it is open', async () => {
		const { visitor, userId } = await student();
		const first = await startAttempt(visitor);
		for (const question of sampleQuiz.questions) await postAnswer(visitor, first, question);
		await visitor.post(`${first}?/submit`, {});
		const cardOf = (key: string) =>
			query<{ id: number }>(
				server.databasePath,
				'select id from review_cards where user_id = ? and question_key = ?',
				userId,
				key
			)[0]!.id;
		const makeDue = (id: number) =>
			execute(server.databasePath, 'update review_cards set due = 0 where id = ?', id);
		const [reviewed, pending] = sampleQuiz.questions
			.filter((question) => question.type === 'single')
			.map((question) => question.id);
		makeDue(cardOf(reviewed!));
		const answered = await visitor.post('/review?/answer', {
			card: String(cardOf(reviewed!)),
			...(await reviewFields(visitor, reviewed!))
		});
		const lastReview = answered.headers.get('location')!.replace(/#.*/, '');
		// A card on screen (its layout dealt) when the new attempt starts, answered after.
		makeDue(cardOf(pending!));
		const pendingAnswer = {
			card: String(cardOf(pending!)),
			...(await reviewFields(visitor, pending!))
		};

		const second = await startAttempt(visitor);
		expect(second).not.toBe(first);
		execute(server.databasePath, 'update review_cards set due = 0 where user_id = ?', userId);
		const review = new Map<string, string>();
		for (const path of [
			'/review',
			'/review/__data.json',
			lastReview,
			lastReview.replace('/review', '/review/__data.json'),
			'/api/review/offline'
		]) {
			review.set(path, await (await visitor.get(path)).text());
		}
		// A review answered offline before the attempt started, synced now: refused before grading.
		const synced = await visitor.postJson('/api/review/sync', {
			reviews: [
				{
					clientId: crypto.randomUUID(),
					cardId: cardOf(pending!),
					response: { type: 'single', optionId: 'anything' },
					answeredAt: new Date().toISOString()
				}
			]
		});
		review.set('/api/review/sync', await synced.text());
		expect(review.get('/api/review/offline')).toBe('{"cards":[]}');
		expect(review.get('/api/review/sync')).toContain('Submit your attempt at this quiz first');
		expect(leaksIn(review)).toEqual([]);
		expect(resultFieldsIn(review)).toEqual([]);
		expect(review.get('/review')).toMatch(/(?<!\d)0 cards are due now\./);
		expect(review.get('/review')).not.toContain('name="card"');
		expect(review.get('/review')).toContain('come back here once you submit it.');
		const refused = await visitor.post('/review?/answer', pendingAnswer);
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('Submit your attempt at this quiz first');

		await visitor.post(`${second}?/submit`, {});
		expect(await (await visitor.get('/review')).text()).toContain('name="card"');
		expect((await visitor.post('/review?/answer', pendingAnswer)).status).toBe(303);
	});
});
