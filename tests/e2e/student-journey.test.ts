import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, scrollsSideways } from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { execute } from '../helpers/db';
import {
	answerByKeyboard,
	answerByTouch,
	screenshots,
	shiftTabTo,
	swipeUp
} from '../helpers/journey';
import { quizOf } from '../helpers/quiz';
import { focused, tabTo } from '../helpers/quiz-page';
import { startServer, type TestServer } from '../helpers/server';

// Issue 10's walk: a newcomer signs up, reads the first lesson, takes its quiz one question at a
// time (missing three on purpose), reads the end screen and goes on to the next lesson; once on
// a phone by touch, once on a wide screen by keyboard alone. Screenshots land in
// test-results/journey/ (the "before" set comes from running the old pages, commit 70f5dee).

const MODULE = '/learn/reading-the-sources';
const FIRST = `${MODULE}/five-articles`;
const SECOND = `${MODULE}/fact-claim-opinion`;
const questions = quizOf('00-reading-the-sources/01-five-articles').questions;
// The first single choice (the first question), short answer and true/false, missed on purpose.
const missed = (['single', 'short', 'truefalse'] as const)
	.map((type) => questions.find((question) => question.type === type)!)
	.sort((a, b) => questions.indexOf(a) - questions.indexOf(b));
const right = questions.length - missed.length;
const score = `${Math.round((100 * right) / questions.length)}%`;

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

/** A screen the learner sees: no accessibility violations and nothing wider than the window. */
async function expectSound(page: Page, what: string) {
	expect(await axeViolations(page), what).toEqual([]);
	expect(await scrollsSideways(page), what).toBe(false);
}

const lessonStatuses = (page: Page) =>
	page
		.locator('.lesson-path li')
		.evaluateAll((items) =>
			items.map((item) => [
				item.querySelector('a')!.textContent!.trim(),
				item.querySelector('.lesson-status')?.textContent?.trim() ?? '',
				item.classList.contains('up-next')
			])
		);

/** The questions' screens as the learner must see them: one question, its feedback under it. */
async function expectOneQuestion(page: Page, index: number) {
	const question = questions[index]!;
	await page.locator(`#q-${question.id}`).waitFor();
	expect(await page.locator('section.question').count()).toBe(1);
	// Every field on the screen is this question's.
	const fields = 'input:not([type=hidden]), select, textarea';
	expect(await page.locator(`main :is(${fields})`).count()).toBe(
		await page.locator(`#q-${question.id} :is(${fields})`).count()
	);
	expect(await page.locator(`#q-${question.id} h2`).textContent()).toContain(
		`Question ${index + 1} of ${questions.length}`
	);
}

async function expectFeedback(page: Page, index: number) {
	const question = questions[index]!;
	const section = page.locator(`#q-${question.id}`);
	const verdict = section.locator('.feedback-verdict');
	await verdict.waitFor();
	expect(await verdict.textContent(), question.id).toMatch(
		missed.includes(question) ? /^\s*Not quite\s*$/ : /^\s*Right\s*$/
	);
	expect(await verdict.locator('svg[aria-hidden="true"]').count()).toBe(1);
	// Under the answer, and focused so it is read out.
	const answer = await section.locator('form > :is(fieldset, .field, .matching, ol.ordering)');
	const answerBox = (await answer.first().boundingBox())!;
	expect((await section.locator('.feedback').boundingBox())!.y).toBeGreaterThan(answerBox.y);
	expect((await focused(page))?.id).toBe(`q-${question.id}-feedback`);
	// All of it in sight where focus brought it, none under the sticky bar.
	const feedback = (await section.locator('.feedback').boundingBox())!;
	const bar = (await section.locator('.action-bar').boundingBox())!;
	expect(feedback.y, question.id).toBeGreaterThanOrEqual(0);
	expect(feedback.y + feedback.height, question.id).toBeLessThanOrEqual(bar.y);
}

/** The end screen: score, a tick per question, and exactly the missed ones with their source. */
async function expectEndScreen(page: Page) {
	await page.getByRole('heading', { level: 1, name: /^Your results/ }).waitFor();
	expect(await page.locator('.score-card').textContent()).toContain(`Score: ${score}`);
	const ticks = await page.locator('[aria-labelledby="by-question"] li').allTextContents();
	expect(ticks.map((tick) => tick.replace(/\s+/g, ' ').trim())).toEqual(
		questions.map(
			(question, index) =>
				`Question ${index + 1} ${missed.includes(question) ? 'Not quite' : 'Right'}`
		)
	);
	const mistakes = page.locator('article.mistake');
	expect(
		await mistakes.evaluateAll((all) => all.map((a) => a.getAttribute('aria-labelledby')))
	).toEqual(missed.map((question) => `mistake-${question.id}`));
	for (const [index, question] of missed.entries())
		expect(await mistakes.nth(index).locator('.citation').first().textContent()).toContain(
			question.citations[0]!.quote
		);
}

/** After the quiz: lesson 1 complete with its score, lesson 2 up next. */
async function expectModuleAfter(page: Page) {
	const statuses = await lessonStatuses(page);
	expect(statuses[0]!.slice(1)).toEqual([`Complete · Quiz score ${score}`, false]);
	expect(statuses[1]![2]).toBe(true);
	expect(await page.locator('.up-next a').getAttribute('href')).toBe(SECOND);
}

/** A couple of minutes later, the Review tab counts the missed questions as due. */
async function expectReviewsDueLater(page: Page, email: string) {
	twoMinutesLater(email);
	await page.reload();
	expect((await reviewTab(page).textContent())?.replace(/\s+/g, ' ').trim()).toBe(
		`Review ${missed.length} due`
	);
}

/** A couple of minutes later (the test moves the clock of the missed questions' cards). */
function twoMinutesLater(email: string) {
	const now = Date.now();
	execute(
		server.databasePath,
		`update review_cards set due = ? where due <= ?
		 and user_id = (select id from users where email = ?)`,
		now - 1000,
		now + 2 * 60_000,
		email
	);
}

const reviewTab = (page: Page) =>
	page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Review/ });

describe('a newcomer on a phone (360×640), by touch', () => {
	it('signs up, reads, takes the quiz one question at a time and goes on', async () => {
		const shot = screenshots('phone');
		const browser = await openBrowser({ width: 360, height: 640, touch: true });
		// A long walk on a loaded 2-core machine: each step may wait longer than the usual 15 s.
		browser.context.setDefaultTimeout(30_000);
		const account = newAccount();
		try {
			const { page } = browser;
			await page.goto(server.url + '/', { waitUntil: 'networkidle' });
			await page.getByRole('link', { name: /^Start here: / }).waitFor();
			await expectSound(page, 'home, signed out');
			await shot(page, 'home');

			await page
				.getByRole('navigation', { name: 'Main' })
				.getByRole('link', { name: 'Sign up' })
				.tap();
			await page.waitForURL(`${server.url}/sign-up`);
			await expectSound(page, 'sign-up');
			for (const [label, value] of [
				['Email', account.email],
				['Name to show', account.displayName],
				['Password', account.password]
			] as const) {
				await page.getByLabel(label).tap();
				await page.getByLabel(label).fill(value);
			}
			await shot(page, 'sign-up');
			await page.getByRole('button', { name: 'Create account' }).tap();
			await page.getByText('Signed in as').waitFor({ state: 'attached' });

			// The course page offers the first lesson.
			const start = page.getByRole('link', { name: /^Start here: / });
			expect(await start.getAttribute('href')).toBe(FIRST);
			await expectSound(page, 'home, signed in');
			await shot(page, 'start-here');
			await start.tap();
			await page.waitForURL(server.url + FIRST);
			await page.locator('article h1').waitFor();
			await expectSound(page, 'lesson');
			await shot(page, 'lesson');

			// Read to the end, a swipe at a time.
			for (let swipes = 0; swipes < 80; swipes++) {
				const atFoot = await page.evaluate(
					() => scrollY + innerHeight >= document.documentElement.scrollHeight - 4
				);
				if (atFoot) break;
				await swipeUp(page, 500);
			}
			await page.getByText('Read 100%').waitFor();
			await shot(page, 'lesson-end');

			await page.getByRole('link', { name: 'Module 0' }).tap();
			await page.waitForURL(server.url + MODULE);
			expect((await lessonStatuses(page))[0]).toEqual([
				'Five articles, four kinds of text',
				'In progress · 100% read',
				true
			]);
			await expectSound(page, 'module, lesson read');
			await page.locator('.lesson-path').scrollIntoViewIfNeeded();
			await shot(page, 'module-read');

			await page.locator('.lesson-path a').first().tap();
			await page.waitForURL(server.url + FIRST);
			await page.getByRole('link', { name: 'Take the quiz' }).tap();
			await page.waitForURL(`${server.url}${FIRST}/quiz`);
			await expectSound(page, 'quiz start');
			await shot(page, 'quiz-start');
			await page.getByRole('button', { name: 'Start the quiz' }).tap();

			for (const [index, question] of questions.entries()) {
				await expectOneQuestion(page, index);
				const section = page.locator(`#q-${question.id}`);
				if (index === 0) {
					await expectSound(page, 'a question');
					await shot(page, 'question-1');
				}
				await answerByTouch(section, question, missed.includes(question));
				await section.getByRole('button', { name: 'Check answer' }).tap();
				await expectFeedback(page, index);
				if (index === 0 || index === 1) {
					await expectSound(page, `feedback ${index + 1}`);
					await shot(page, `feedback-${index === 0 ? 'wrong' : 'right'}`);
				}
				if (index < questions.length - 1) await page.getByRole('link', { name: 'Next' }).tap();
			}
			await page.getByRole('button', { name: 'Finish' }).tap();
			await expectEndScreen(page);
			expect((await focused(page))?.id).toBe('result');
			await expectSound(page, 'end screen');
			await shot(page, 'end-screen');
			await page.locator('#mistakes').scrollIntoViewIfNeeded();
			await shot(page, 'mistakes');

			await page.getByRole('link', { name: /^Next lesson: / }).tap();
			await page.waitForURL(server.url + SECOND);
			await page.locator('article h1').waitFor();
			await shot(page, 'next-lesson');

			await page.getByRole('link', { name: 'Module 0' }).tap();
			await page.waitForURL(server.url + MODULE);
			await expectModuleAfter(page);
			await page.locator('.lesson-path').scrollIntoViewIfNeeded();
			await shot(page, 'module-after');

			expect(await reviewTab(page).textContent()).not.toMatch(/due/);
			await expectReviewsDueLater(page, account.email);
			await shot(page, 'review-due');
		} finally {
			await browser.close();
		}
	}, 150_000);
});

describe('a newcomer on a wide screen (1280×800), by keyboard alone', () => {
	it('walks the same path with Tab, Shift+Tab, Enter, Space and the arrow keys', async () => {
		const shot = screenshots('desktop');
		const browser = await openBrowser({ width: 1280, height: 800 });
		browser.context.setDefaultTimeout(30_000);
		const account = newAccount();
		try {
			const { page } = browser;
			const press = (key: string) => page.keyboard.press(key);
			await page.goto(server.url + '/', { waitUntil: 'networkidle' });
			await expectSound(page, 'home, signed out');
			await shot(page, 'home');

			await tabTo(page, (f) => f.label === 'Sign up', 'Sign up');
			await press('Enter');
			await page.waitForURL(`${server.url}/sign-up`);
			for (const [label, value] of [
				['Email', account.email],
				['Name to show', account.displayName],
				['Password', account.password]
			] as const) {
				await tabTo(page, (f) => f.label.startsWith(label), label);
				await page.keyboard.type(value);
			}
			await shot(page, 'sign-up');
			await press('Enter');
			await page.getByText('Signed in as').waitFor({ state: 'attached' });
			await shot(page, 'start-here');

			await tabTo(page, (f) => f.label.startsWith('Start here: '), 'Start here');
			await press('Enter');
			await page.waitForURL(server.url + FIRST);
			await page.locator('article h1').waitFor();
			await shot(page, 'lesson');
			// Page Down to the foot, as a reader who does not use a mouse.
			for (let presses = 0; presses < 80; presses++) {
				const atFoot = await page.evaluate(
					() => scrollY + innerHeight >= document.documentElement.scrollHeight - 4
				);
				if (atFoot) break;
				const before = await page.evaluate(() => scrollY);
				await press('PageDown');
				// A key pressed while the page still settles can go unheeded: then press again.
				await page
					.waitForFunction((before) => scrollY > before, before, { timeout: 2000 })
					.catch(() => {});
			}
			await page.getByText('Read 100%').waitFor();
			await shot(page, 'lesson-end');

			await tabTo(page, (f) => f.label === 'Module 0', 'the module in the breadcrumbs');
			await press('Enter');
			await page.waitForURL(server.url + MODULE);
			expect((await lessonStatuses(page))[0]!.slice(1)).toEqual(['In progress · 100% read', true]);
			await expectSound(page, 'module, lesson read');
			await shot(page, 'module-read', true);
			await tabTo(page, (f) => f.label === 'Five articles, four kinds of text', 'the lesson');
			await press('Enter');
			await page.waitForURL(server.url + FIRST);

			// From the foot of the page back to the quiz.
			await shiftTabTo(page, (label) => label === 'Take the quiz', 'Take the quiz');
			await press('Enter');
			await page.waitForURL(`${server.url}${FIRST}/quiz`);
			await tabTo(page, (f) => f.label === 'Start the quiz', 'Start the quiz');
			await press('Enter');

			for (const [index, question] of questions.entries()) {
				await expectOneQuestion(page, index);
				await answerByKeyboard(page, question, missed.includes(question));
				await tabTo(page, (f) => f.label === 'Check answer', 'Check answer');
				await press('Enter');
				await expectFeedback(page, index);
				if (index === 0) {
					await expectSound(page, 'feedback');
					await shot(page, 'feedback-wrong');
				}
				if (index < questions.length - 1) {
					await tabTo(page, (f) => f.label === 'Next', 'Next');
					await press('Enter');
				}
			}
			await tabTo(page, (f) => f.label === 'Finish', 'Finish');
			await press('Enter');
			await expectEndScreen(page);
			expect((await focused(page))?.id).toBe('result');
			await expectSound(page, 'end screen');
			await shot(page, 'end-screen');

			await tabTo(page, (f) => f.label.startsWith('Next lesson: '), 'Next lesson');
			await press('Enter');
			await page.waitForURL(server.url + SECOND);
			await page.locator('article h1').waitFor();
			await shot(page, 'next-lesson');

			await tabTo(page, (f) => f.label === 'Module 0', 'the module in the breadcrumbs');
			await press('Enter');
			await page.waitForURL(server.url + MODULE);
			await expectModuleAfter(page);
			await expectSound(page, 'module');
			await shot(page, 'module-after', true);

			await expectReviewsDueLater(page, account.email);
			await shot(page, 'review-due');
		} finally {
			await browser.close();
		}
	}, 150_000);
});
