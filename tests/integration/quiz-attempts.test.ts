import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSource } from '../../src/lib/content/sources';
import { newAccount, Visitor } from '../helpers/client';
import {
	actionResult,
	answerFields,
	postAnswer,
	postEnhanced,
	questionPath,
	QUIZ_PATH,
	sampleQuiz,
	shownChoices,
	startAttempt
} from '../helpers/quiz';
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
/** A page's words, tags and extra spaces removed. */
const text = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
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
		// back to the same question, at its feedback
		expect(answered.headers.get('location')).toBe(`${path}?q=1#q-${first!.id}-feedback`);

		// a new page load, even a new "start", lands in the same attempt with the answer kept
		expect(await startAttempt(visitor)).toBe(path);
		const html = await (await visitor.get(path)).text();
		expect(html).toContain(`1 of ${sampleQuiz.questions.length} answered`);
		const again = await (await visitor.get(`${path}?q=1`)).text();
		expect(again).toContain(first!.explanation.replace(/'/g, '&#39;').slice(0, 40));
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
		const html = await (await visitor.get(questionPath(path, second!))).text();
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
			const before = await (await visitor.get(questionPath(path, first!))).text();
			expect(before).toContain('Answer saved.');
			expect(before).not.toContain(first!.citations[0]!.quote);
			expect(before).not.toContain('feedback-verdict');
			// Save, then Next: the answer may still change, and nothing says how it went.
			expect(text(bar(before))).toBe('Save new answer Next');
			expect(linkWords(bar(before), '?q=2#quiz')).toBe('Next');
			expect(text(before)).toContain(`1 of ${sampleQuiz.questions.length} answered All questions`);
			const unanswered = await (await visitor.get(questionPath(path, second!))).text();
			expect(text(bar(unanswered))).toBe('Skip Save answer');
			await visitor.post(`${path}?/submit`, {});
			const after = await (await visitor.get(questionPath(path, first!))).text();
			expect(after).toContain(first!.citations[0]!.quote);
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
			const end = await (await visitor.get(path)).text();
			expect(end).toContain('Score:');
			expect(end).not.toContain('Try the quiz again');
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
			const shown: string[] = [];
			for (const question of sampleQuiz.questions.slice(0, 4)) {
				const html = await (await visitor.get(questionPath(path, question))).text();
				shown.push(...shownChoices(html, question.id).byText.keys());
			}
			return shown;
		};
		const before = await order();
		expect(before.length).toBeGreaterThan(4);
		expect(await order()).toEqual(before);
	});

	it('reviews a wrong answer with the correct one, the feedback, the explanation and the source', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		await postAnswer(visitor, path, first!, false);
		const html = (await (await visitor.get(questionPath(path, first!))).text())
			.replace(/&#39;/g, "'")
			.replace(/&quot;/g, '"');
		if (first!.type !== 'single') throw new Error('expected a single-choice question first');
		const chosen = first!.options.find((option) => option.id !== first!.answer)!;
		const right = first!.options.find((option) => option.id === first!.answer)!;
		const review = html.slice(html.indexOf(`id="q-${first!.id}"`));
		const markOf = (text: string) => {
			const at = review.search(
				new RegExp(`<span[^>]*>${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</span>`)
			);
			return review.slice(at, review.indexOf('</label>', at)).replace(/<[^>]+>/g, '');
		};
		expect(markOf(chosen.text)).toContain('Your answer: wrong');
		expect(markOf(right.text)).toContain('Right answer');
		const feedback = text(
			review.slice(review.lastIndexOf('<', review.indexOf('class="feedback ')))
		);
		expect(feedback).toMatch(/^Not quite/);
		expect(feedback).toContain(chosen.feedback);
		expect(feedback).toContain(first!.explanation);
		expect(feedback).toContain(first!.citations[0]!.quote);
		expect(feedback).toContain(findSource(first!.citations[0]!.source)!.workingTitle);
		// The explanation and the source are one tap away, not in the way.
		expect(review).toMatch(/<details class="feedback-more[^"]*">/);
	});
});

/** The questions a page offers to answer, by their hidden `question` field. */
const questionsOn = (html: string) =>
	[...html.matchAll(/<input type="hidden" name="question" value="([^"]+)"/g)].map((m) => m[1]);

/** The words of the link to `href` on the page, or null if there is none. */
function linkWords(html: string, href: string): string | null {
	const at = html.indexOf(`href="${href}"`);
	return at < 0 ? null : text(html.slice(html.indexOf('>', at) + 1, html.indexOf('</a>', at)));
}

/** The action bar under the question: its Check, Skip, Next, Previous or Finish. */
function bar(html: string) {
	const start = html.lastIndexOf('<', html.indexOf('class="action-bar'));
	return html.slice(start, html.indexOf('</form>', start));
}

/** The part of a page from the element with `id` to the next one of `nextId` (or the end). */
function part(html: string, id: string, nextId?: string) {
	const start = html.indexOf(`id="${id}"`);
	expect(start, id).toBeGreaterThan(-1);
	return html.slice(start, nextId ? html.indexOf(`id="${nextId}"`, start) : undefined);
}

describe('one question per screen', () => {
	const total = sampleQuiz.questions.length;
	const get = async (visitor: Visitor, path: string) => (await visitor.get(path)).text();

	it('shows only the question named by ?q=, and without it the first one still to answer', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		expect(questionsOn(await get(visitor, path))).toEqual([first!.id]);
		for (const [index, question] of sampleQuiz.questions.entries()) {
			const html = await get(visitor, `${path}?q=${index + 1}`);
			expect(questionsOn(html), question.id).toEqual([question.id]);
			expect(text(html)).toContain(`Question ${index + 1} of ${total}`);
		}
		const third = sampleQuiz.questions[2]!;
		await postAnswer(visitor, path, first!);
		await postAnswer(visitor, path, third);
		expect(questionsOn(await get(visitor, path))).toEqual([second!.id]);
		// "Next" goes on to the next question still to answer, coming round to skipped ones.
		expect(linkWords(bar(await get(visitor, `${path}?q=3`)), '?q=4#quiz')).toBe('Next');
		expect(linkWords(bar(await get(visitor, `${path}?q=1`)), '?q=2#quiz')).toBe('Next');
		expect(linkWords(bar(await get(visitor, `${path}?q=2`)), '?q=4#quiz')).toBe('Skip');
	});

	it('offers Finish once every question is answered, and resumes at the last one', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		for (const question of sampleQuiz.questions) await postAnswer(visitor, path, question);
		const html = await get(visitor, path);
		expect(questionsOn(html)).toEqual([sampleQuiz.questions.at(-1)!.id]);
		expect(bar(html)).toMatch(new RegExp(`formaction="\\?q=${total}&amp;/submit"[^>]*>\\s*Finish`));
		expect(linkWords(html, `?q=1#quiz`)).toBe('Question 1');
	});

	it.each(['0', '999', String(sampleQuiz.questions.length + 1), 'abc', '-1', '1.5', '', '1e1'])(
		'answers ?q=%s with a 404 that says so, open or submitted, never a server error',
		async (q) => {
			const visitor = await student();
			const path = await startAttempt(visitor);
			for (const when of ['open', 'submitted']) {
				if (when === 'submitted') await visitor.post(`${path}?/submit`, {});
				const response = await visitor.get(`${path}?q=${encodeURIComponent(q)}`);
				expect(response.status, when).toBe(404);
				expect(await response.text()).toContain('This attempt has no such question.');
				const data = await visitor.get(`${path}/__data.json?q=${encodeURIComponent(q)}`);
				expect(data.status, `${when} data`).toBeLessThan(500);
				expect(await data.text()).toContain('This attempt has no such question.');
			}
		}
	);

	it('answers a use:enhance post with the question as it now stands, not a page to load', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		const html = await get(visitor, questionPath(path, second!));
		const clientId = crypto.randomUUID();
		const send = (right: boolean) =>
			postEnhanced(visitor, `${path}?q=2&/answer`, {
				...answerFields(second!, html, right),
				clientId
			});
		const reply = await actionResult(await send(false));
		expect(reply.type).toBe('success');
		expect(reply.data.location).toBe(`${path}?q=2#q-${second!.id}-feedback`);
		const { question, step } = reply.data.answered;
		expect(step).toEqual({ number: 2, status: 'incorrect' });
		expect(question).toMatchObject({ key: second!.id, number: 2 });
		expect(question.result.verdict).toBe('incorrect');
		expect(question.result.explanation).toBe(second!.explanation);
		// Sent again with the same id (but a right answer), it shows the answer as saved.
		const replayed = await actionResult(await send(true));
		expect(replayed.data.answered).toEqual(reply.data.answered);
		expect(query('select score from answers where attempt_id = ?', attemptId(path))).toEqual([
			{ score: 0 }
		]);
		// Once the attempt is submitted, its whole screen changes: the page loads again.
		await visitor.post(`${path}?/submit`, {});
		expect(await actionResult(await send(false))).toMatchObject({
			type: 'redirect',
			location: `${path}?q=2#q-${second!.id}-feedback`
		});
	});

	it('keeps a refused answer on its own question without JavaScript', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		const short = sampleQuiz.questions.find((q) => q.type === 'short')!;
		const number = questionPath(path, short).split('q=')[1];
		const refused = await visitor.post(`${path}?q=${number}&/answer`, { question: short.id });
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('Type an answer.');
		expect(questionsOn(html)).toEqual([short.id]);
	});

	it('ends with the score in words, a tick per question, only the missed ones to review, and what next', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		const short = sampleQuiz.questions.find((q) => q.type === 'short')!;
		const last = sampleQuiz.questions.at(-1)!;
		const missed = [second!, short];
		for (const question of sampleQuiz.questions.filter((q) => q !== last))
			await postAnswer(visitor, path, question, !missed.includes(question));
		expect((await visitor.post(`${path}?/submit`, {})).headers.get('location')).toBe(
			`${path}#result`
		);
		const [owner] = query<{ user_id: number }>(
			'select user_id from attempts where id = ?',
			attemptId(path)
		);
		execute('update review_cards set due = 0 where user_id = ?', owner!.user_id);

		const html = await get(visitor, path);
		const right = total - missed.length - 1;
		expect(text(part(html, 'result', 'next-step'))).toContain(
			`Score: ${Math.round((100 * right) / total)}% ${right} of ${total} right, 2 not quite, 1 not answered.`
		);

		const next = part(html, 'next-step', 'by-question');
		expect(linkWords(next, '/learn/franchise-model/claims-and-propaganda')).toMatch(
			/^Next lesson: /
		);
		expect(linkWords(next, '/review')).toBe(`${total - 1} reviews are due: review now`);
		expect(next).toContain(`action="${QUIZ_PATH}?/start"`);
		expect(text(next)).toContain('Try the quiz again');

		const ticks = part(html, 'by-question', 'mistakes');
		for (const [index, question] of sampleQuiz.questions.entries()) {
			const words = missed.includes(question)
				? 'Not quite'
				: question === last
					? 'Not answered'
					: 'Right';
			expect(text(ticks), question.id).toContain(`Question ${index + 1} ${words}`);
			expect(linkWords(ticks, `?q=${index + 1}#quiz`)).toBe(`Question ${index + 1}`);
		}

		const mistakes = part(html, 'mistakes');
		const reviewed = [...mistakes.matchAll(/<article[^>]*aria-labelledby="mistake-([^"]+)"/g)].map(
			(m) => m[1]
		);
		expect(reviewed).toEqual([second!.id, short.id, last.id]);
		const decoded = mistakes.replace(/&#39;/g, "'").replace(/&quot;/g, '"');
		for (const question of [second!, short, last])
			expect(decoded, question.id).toContain(question.citations[0]!.quote);
		expect(decoded).not.toContain(first!.explanation);
	});

	it('reviews a submitted attempt one question at a time, back and forth', async () => {
		const visitor = await student();
		const path = await startAttempt(visitor);
		await postAnswer(visitor, path, second!);
		await visitor.post(`${path}?/submit`, {});
		const html = await get(visitor, `${path}?q=2`);
		expect(text(html)).toContain('Question 2 of');
		expect(html).toContain('feedback-verdict');
		expect(bar(html)).not.toContain('<button');
		expect(linkWords(bar(html), '?q=1#quiz')).toBe('Previous');
		expect(linkWords(bar(html), '?q=3#quiz')).toBe('Next');
		expect(linkWords(html, `${path}#result`)).toBe('Back to your results');
		const unanswered = await get(visitor, `${path}?q=1`);
		expect(text(unanswered)).toContain('Not answered');
	});
});
