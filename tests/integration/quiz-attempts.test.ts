import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSource } from '../../src/lib/content/sources';
import { newAccount, Visitor } from '../helpers/client';
import { answerFields, postAnswer, QUIZ_PATH, sampleQuiz, startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

async function student() {
	const visitor = new Visitor(server.url);
	await visitor.post('/sign-up', newAccount());
	return visitor;
}

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(server.databasePath, { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

function execute(sql: string, ...params: unknown[]) {
	const db = new Database(server.databasePath);
	try {
		db.prepare(sql).run(...params);
	} finally {
		db.close();
	}
}

const attemptId = (path: string) => Number(path.split('/').at(-1));
const [first, second] = sampleQuiz.questions;

describe('quiz attempts', () => {
	it('sends a signed-out visitor to sign in first', async () => {
		const response = await new Visitor(server.url).get(QUIZ_PATH);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(
			`/sign-in?redirectTo=${encodeURIComponent(QUIZ_PATH)}`
		);
	});

	it('saves each answer at once and resumes the same attempt after a reload', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		const answered = await postAnswer(visitor, path, first!);
		expect(answered.status).toBe(303);
		expect(answered.headers.get('location')).toBe(`${path}#q-${first!.id}`);

		// a new page load, even a new "start", lands in the same attempt with the answer kept
		expect(await startAttempt(visitor)).toBe(path);
		const html = await (await visitor.get(path)).text();
		expect(html).toContain('Answered 1 of');
		expect(html).toContain(first!.explanation.replace(/'/g, '&#39;').slice(0, 40));
	});

	it('gives two tabs starting at once one attempt', async () => {
		const visitor = await student();
		const [a, b] = await Promise.all([startAttempt(visitor), startAttempt(visitor)]);
		expect(a).toBe(b);
		const open = query<{ n: number }>(
			"select count(*) as n from attempts where id = ? and status = 'in_progress'",
			attemptId(a)
		);
		expect(open[0]!.n).toBe(1);
	});

	it('counts a double submit once and grades it on the server', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		for (const question of sampleQuiz.questions) {
			const response = await postAnswer(visitor, path, question, question === first);
			expect(response.status, question.id).toBe(303);
		}
		const [one, two] = await Promise.all([
			visitor.post(`${path}?/submit`, {}),
			visitor.post(`${path}?/submit`, {})
		]);
		expect([one.status, two.status]).toEqual([303, 303]);
		const [before] = query<{ status: string; score: number; submitted_at: number }>(
			'select status, score, submitted_at from attempts where id = ?',
			attemptId(path)
		);
		expect(before!.status).toBe('submitted');
		expect(before!.score).toBeCloseTo(1 / sampleQuiz.questions.length, 6);

		await visitor.post(`${path}?/submit`, {});
		const [after] = query<{ submitted_at: number }>(
			'select submitted_at from attempts where id = ?',
			attemptId(path)
		);
		expect(after!.submitted_at).toBe(before!.submitted_at);
		const html = await (await visitor.get(path)).text();
		expect(html).toContain(
			`Score: <strong>${Math.round(100 / sampleQuiz.questions.length)}%</strong>`
		);
	});

	it('keeps the first answer when feedback is immediate', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		const html = await (await visitor.get(path)).text();
		await visitor.post(`${path}?/answer`, answerFields(first!, html, false));
		const again = await visitor.post(`${path}?/answer`, answerFields(first!, html, true));
		expect(again.status).toBe(409);
		expect(await again.text()).toContain('You have already answered this question.');
		const rows = query<{ score: number }>(
			'select score from answers where attempt_id = ?',
			attemptId(path)
		);
		expect(rows).toEqual([{ score: 0 }]);
	});

	it.each([
		[
			'an unknown question',
			{ question: 'no-such-question', answer: 'x' },
			400,
			'That question is not part of this attempt.'
		],
		[
			'an unknown option',
			{ question: 'franchise-meaning', answer: '99' },
			400,
			'That choice is not part of this question.'
		],
		['no answer at all', { question: 'franchise-meaning' }, 400, 'Choose an option.'],
		[
			'two answers to a single choice',
			{ question: 'franchise-meaning', answer: ['0', '1'] },
			400,
			'Send one answer only.'
		]
	])('refuses %s with a clear message and saves nothing', async (_, fields, status, message) => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		const response = await visitor.post(`${path}?/answer`, fields);
		expect(response.status).toBe(status);
		expect(await response.text()).toContain(message);
		expect(query('select * from answers where attempt_id = ?', attemptId(path))).toEqual([]);
	});

	it('refuses a wrongly typed or oversized answer', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		const numeric = sampleQuiz.questions.find((q) => q.type === 'numeric')!;
		const short = sampleQuiz.questions.find((q) => q.type === 'short')!;
		const notANumber = await visitor.post(`${path}?/answer`, {
			question: numeric.id,
			answer: 'ninety'
		});
		expect(notANumber.status).toBe(400);
		expect(await notANumber.text()).toContain('Type a number, like 42 or 3.5.');
		const huge = await visitor.post(`${path}?/answer`, {
			question: short.id,
			answer: 'x'.repeat(201)
		});
		expect(huge.status).toBe(400);
		expect(await huge.text()).toContain('Keep the answer to 200 characters or fewer.');
		expect(query('select * from answers where attempt_id = ?', attemptId(path))).toEqual([]);
	});

	it('refuses answers to a submitted attempt', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		const html = await (await visitor.get(path)).text();
		await visitor.post(`${path}?/submit`, {});
		const late = await visitor.post(`${path}?/answer`, answerFields(second!, html));
		expect(late.status).toBe(409);
		expect(await late.text()).toContain(
			'This attempt has been submitted; answers can no longer change.'
		);
		expect(query('select * from answers where attempt_id = ?', attemptId(path))).toEqual([]);
	});

	it("refuses someone else's attempt, to read or to write", async () => {
		const owner = await student();
		const path = await startAttempt(owner);
		const html = await (await owner.get(path)).text();
		const other = await student();
		const read = await other.get(path);
		expect(read.status).toBe(403);
		expect(await read.text()).toContain('This attempt belongs to another learner.');
		expect((await other.post(`${path}?/answer`, answerFields(first!, html))).status).toBe(403);
		expect((await other.post(`${path}?/submit`, {})).status).toBe(403);
		expect(
			query<{ status: string }>('select status from attempts where id = ?', attemptId(path))
		).toEqual([{ status: 'in_progress' }]);
		expect((await other.get(`${QUIZ_PATH}/not-a-number`)).status).toBe(404);
	});

	it('with deferred feedback, lets answers change and reveals results only on submission', async () => {
		execute("update quizzes set feedback = 'deferred'");
		try {
			const visitor = await student();
			const path = await startAttempt(visitor);
			await postAnswer(visitor, path, first!, false);
			const changed = await postAnswer(visitor, path, first!, true);
			expect(changed.status).toBe(303);
			const before = await (await visitor.get(path)).text();
			expect(before).toContain('Answer saved.');
			expect(before).not.toContain(sampleQuiz.questions[0]!.citations[0]!.quote);
			await visitor.post(`${path}?/submit`, {});
			const after = await (await visitor.get(path)).text();
			expect(after).toContain(sampleQuiz.questions[0]!.citations[0]!.quote);
			expect(
				query<{ score: number }>('select score from answers where attempt_id = ?', attemptId(path))
			).toEqual([{ score: 1 }]);
		} finally {
			execute("update quizzes set feedback = 'immediate'");
		}
	});

	it('stops new attempts once the maximum is used, and says so', async () => {
		execute('update quizzes set max_attempts = 1');
		try {
			const visitor = await student();
			const path = await startAttempt(visitor);
			await visitor.post(`${path}?/submit`, {});
			const refused = await visitor.post(`${QUIZ_PATH}?/start`, {});
			expect(refused.status).toBe(409);
			expect(await refused.text()).toContain('You have used all 1 attempts at this quiz.');
		} finally {
			execute('update quizzes set max_attempts = null');
		}
	});

	it('keeps the shuffled order of an attempt across reloads', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		const order = async () => {
			const html = await (await visitor.get(path)).text();
			return [...html.matchAll(/<span>([^<]+)<\/span><\/label>/g)].map((m) => m[1]);
		};
		const before = await order();
		expect(before.length).toBeGreaterThan(4);
		expect(await order()).toEqual(before);
	});

	it('reviews a wrong answer with the correct one, the feedback, the explanation and the source', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		await postAnswer(visitor, path, first!, false);
		const html = (await (await visitor.get(path)).text())
			.replace(/&#39;/g, "'")
			.replace(/&quot;/g, '"');
		if (first!.type !== 'single') throw new Error('expected a single-choice question first');
		const chosen = first!.options.find((option) => option.id !== first!.answer)!;
		const right = first!.options.find((option) => option.id === first!.answer)!;
		const review = html.slice(html.indexOf(`id="q-${first!.id}"`));
		expect(review).toContain('<strong>Incorrect</strong>');
		expect(review).toContain(`Your answer</p>`);
		expect(review).toContain(chosen.text);
		expect(review).toContain('Correct answer</p>');
		expect(review).toContain(right.text);
		expect(review).toContain(chosen.feedback);
		expect(review).toContain(first!.explanation);
		expect(review).toContain(first!.citations[0]!.quote);
		expect(review).toContain(findSource(first!.citations[0]!.source)!.workingTitle);
	});
});
