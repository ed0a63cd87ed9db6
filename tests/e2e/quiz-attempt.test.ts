import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	axeViolations,
	openBrowser,
	scrollsSideways,
	signUpInBrowser,
	type Browser
} from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { execute } from '../helpers/db';
import { QUIZ_PATH, sampleQuiz } from '../helpers/quiz';
import {
	answerOnPage,
	answerWithKeyboard,
	answerWrongOnPage,
	checkOnPage,
	finishNowOnPage,
	focused,
	tabTo
} from '../helpers/quiz-page';
import { startServer, type TestServer } from '../helpers/server';

const NEXT_LESSON = '/learn/franchise-model/claims-and-propaganda';
const questions = sampleQuiz.questions;
const missed = [questions[1]!, questions.find((q) => q.type === 'short')!];

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

async function startQuiz(page: Page) {
	await signUpInBrowser(page, server.url, newAccount());
	await page.goto(server.url + QUIZ_PATH);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.waitForURL(/\/quiz\/\d+/);
}

/** Where an element is on the page (not in the window), and how big. */
const box = (page: Page, selector: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((element) => {
			const rect = element.getBoundingClientRect();
			const top = rect.top + window.scrollY;
			return { top, bottom: top + rect.height, left: rect.left, width: rect.width };
		});

describe('a quiz on a phone (360×640), one question per screen', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await openBrowser({ width: 360, height: 640 });
	});
	afterAll(() => browser?.close());

	it('checks each answer in place, moves focus to its feedback, and ends on a screen that teaches', async () => {
		const { page } = browser;
		await startQuiz(page);
		await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

		for (const [index, question] of questions.entries()) {
			const number = index + 1;
			await page.waitForURL(number === 1 ? /\/quiz\/\d+$/ : new RegExp(`\\?q=${number}#quiz$`));
			// Only this question is on screen.
			expect(await page.locator('section.question').count()).toBe(1);
			expect(await page.locator('input[name="question"]').inputValue()).toBe(question.id);
			const section = page.locator(`#q-${question.id}`);
			expect(await section.getByRole('heading', { level: 2 }).textContent()).toContain(
				`Question ${number} of ${questions.length}`
			);

			// The Check button is in the window's lower half, within thumb reach: at its bottom edge
			// while the question runs on below, 44 px high or more.
			const check = section.getByRole('button', { name: 'Check answer' });
			const checkBox = (await check.boundingBox())!;
			expect(checkBox.y + checkBox.height).toBeLessThanOrEqual(640);
			expect(checkBox.y).toBeGreaterThan(640 / 2);
			expect(checkBox.height).toBeGreaterThanOrEqual(44);
			if (number === 1) expect(await axeViolations(page)).toEqual([]);

			const answerArea = `#q-${question.id} form > :is(fieldset, .field, .matching, ol.ordering)`;
			const before = await box(page, answerArea);
			if (missed.includes(question)) await answerWrongOnPage(section, question);
			else await answerOnPage(section, question, true);
			const loads: string[] = [];
			const noteLoad = (request: Request) => {
				if (request.url().includes('__data.json')) loads.push(request.url());
			};
			page.on('request', noteLoad);
			await check.click();
			const feedback = section.locator('.feedback');
			await feedback.waitFor();
			page.off('request', noteLoad);
			// The answer came back with its feedback: no page data loaded after it, and the address
			// is the one a reload (or the page without JavaScript) shows the feedback at.
			expect(loads).toEqual([]);
			expect(page.url()).toMatch(new RegExp(`\\?q=${number}#q-${question.id}-feedback$`));
			expect(await page.locator('.progress-summary').textContent()).toMatch(
				new RegExp(`^${number} of ${questions.length} answered`)
			);

			// Right or wrong in an icon and words, under the answer, which has not moved.
			const verdict = section.locator('.feedback-verdict');
			expect(await verdict.textContent(), question.id).toMatch(
				missed.includes(question) ? /^\s*Not quite\s*$/ : /^\s*Right\s*$/
			);
			expect(await verdict.locator('svg[aria-hidden="true"]').count()).toBe(1);
			expect(await box(page, answerArea), question.id).toEqual(before);
			expect((await box(page, `#q-${question.id} .feedback`)).top).toBeGreaterThan(before.bottom);
			// Focus went to the feedback, so it is read out and Tab carries on from there.
			expect((await focused(page))?.id).toBe(`q-${question.id}-feedback`);
			// A screen stays short (less than three windows' height) with its feedback folded.
			expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(
				3 * 640
			);
			expect(await scrollsSideways(page)).toBe(false);
			// The quote is one tap away, not in the way.
			const more = section.locator('details.feedback-more');
			expect(await more.getAttribute('open')).toBeNull();
			await more.locator('summary').click();
			await expect.poll(() => more.locator('.citation').first().isVisible()).toBe(true);
			expect(await more.locator('.citation').first().textContent()).toContain(
				question.citations[0]!.quote
			);

			// The bar covers nothing once scrolled to the end.
			await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
			const bar = await page.locator('.action-bar').boundingBox();
			const end = await feedback.boundingBox();
			expect(end!.y + end!.height).toBeLessThanOrEqual(bar!.y);

			if (number === 2) expect(await axeViolations(page)).toEqual([]);
			if (number < questions.length) await page.getByRole('link', { name: 'Next' }).click();
		}

		expect(await page.getByRole('link', { name: 'Next' }).count()).toBe(0);
		await page.getByRole('button', { name: 'Finish' }).click();
		const heading = page.getByRole('heading', { level: 1, name: /^Your results/ });
		await heading.waitFor();
		expect((await focused(page))?.id).toBe('result');
		// Answers and submission went through without a full page load.
		expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
			true
		);

		const right = questions.length - missed.length;
		expect(await page.locator('.score-card').textContent()).toMatch(
			new RegExp(
				`Score: ${Math.round((100 * right) / questions.length)}%\\s*${right} of ${questions.length} right, 2 not quite\\.`
			)
		);
		const nextLesson = page.getByRole('link', { name: /^Next lesson: / });
		expect(await nextLesson.getAttribute('href')).toBe(NEXT_LESSON);
		const ticks = page.locator('[aria-labelledby="by-question"] li');
		expect(await ticks.count()).toBe(questions.length);
		for (const [index, question] of questions.entries()) {
			expect(await ticks.nth(index).textContent(), question.id).toMatch(
				missed.includes(question) ? /Not quite/ : /Right/
			);
		}
		const mistakes = page.locator('article.mistake');
		expect(
			await mistakes.evaluateAll((all) => all.map((a) => a.getAttribute('aria-labelledby')))
		).toEqual(missed.map((question) => `mistake-${question.id}`));
		for (const [index, question] of missed.entries()) {
			await expect
				.poll(() => mistakes.nth(index).locator('.citation').first().isVisible())
				.toBe(true);
			expect(await mistakes.nth(index).textContent()).toContain(question.citations[0]!.quote);
		}
		expect(await scrollsSideways(page)).toBe(false);
		expect(await axeViolations(page)).toEqual([]);

		// Each tick leads to that question's review.
		await ticks.nth(1).getByRole('link').click();
		await page.waitForURL(/\?q=2#quiz$/);
		expect(await page.locator('.feedback-verdict').textContent()).toContain('Not quite');
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('a quiz with the keyboard only at 1280×800', () => {
	it('answers every question type, with focus on the feedback after each check', async () => {
		const browser = await openBrowser({ width: 1280, height: 800 });
		try {
			const { page } = browser;
			await signUpInBrowser(page, server.url, newAccount());
			await page.goto(server.url + QUIZ_PATH);
			await tabTo(page, (f) => f.label === 'Start the quiz', 'Start the quiz');
			await page.keyboard.press('Enter');
			await page.waitForURL(/\/quiz\/\d+/);
			expect(new Set(questions.map((q) => q.type)).size).toBe(8);

			for (const [index, question] of questions.entries()) {
				await page.locator(`#q-${question.id}`).waitFor();
				await answerWithKeyboard(page, question);
				await tabTo(page, (f) => f.label === 'Check answer', 'Check answer');
				await page.keyboard.press('Enter');
				await page.locator(`#q-${question.id} .feedback`).waitFor();
				expect((await focused(page))?.id, question.id).toBe(`q-${question.id}-feedback`);
				expect(await page.locator('.feedback-verdict').textContent(), question.id).toContain(
					'Right'
				);
				if (index === 0) expect(await axeViolations(page)).toEqual([]);
				if (index < questions.length - 1) {
					// From the feedback, Tab goes on to Next (past the "why" disclosure).
					await tabTo(page, (f) => f.label === 'Next', 'Next');
					await page.keyboard.press('Enter');
					await page.waitForURL(new RegExp(`\\?q=${index + 2}#quiz$`));
				}
			}
			await tabTo(page, (f) => f.label === 'Finish', 'Finish');
			await page.keyboard.press('Enter');
			await page.getByText('Score: 100%').waitFor();
			expect((await focused(page))?.id).toBe('result');
			expect(await page.locator('article.mistake').count()).toBe(0);
			expect(await axeViolations(page)).toEqual([]);
		} finally {
			await browser.close();
		}
	});
});

describe('a quiz with JavaScript off', () => {
	it('goes one question per page, checks on the server, and can finish early', async () => {
		const browser = await openBrowser({ width: 360, height: 640, javaScriptEnabled: false });
		try {
			const { page } = browser;
			await startQuiz(page);
			for (const [index, question] of questions.slice(0, 3).entries()) {
				expect(await page.locator('section.question').count()).toBe(1);
				const section = await checkOnPage(page, question, false);
				// The answer's redirect came back to the same question, at its feedback.
				expect(page.url()).toMatch(new RegExp(`\\?q=${index + 1}#q-${question.id}-feedback$`));
				expect(await section.locator('.feedback-verdict').textContent()).toContain('Right');
				expect(await scrollsSideways(page)).toBe(false);
				await page.getByRole('link', { name: 'Next' }).click();
			}
			expect(page.url()).toMatch(/\?q=4#quiz$/);
			await finishNowOnPage(page);
			expect(await page.locator('.score-card').textContent()).toContain(
				`3 of ${questions.length} right, ${questions.length - 3} not answered.`
			);
			expect(await page.locator('article.mistake').count()).toBe(questions.length - 3);
			expect(await page.getByRole('link', { name: /^Next lesson: / }).getAttribute('href')).toBe(
				NEXT_LESSON
			);
			expect(await scrollsSideways(page)).toBe(false);
		} finally {
			await browser.close();
		}
	});
});

describe('a quiz with deferred feedback', () => {
	it('saves each answer with Save, then Next, and says how it went only at the end', async () => {
		execute(server.databasePath, "update quizzes set feedback = 'deferred'");
		const browser = await openBrowser({ width: 360, height: 640 });
		try {
			const { page } = browser;
			await startQuiz(page);
			for (const [index, question] of questions.entries()) {
				const section = page.locator(`#q-${question.id}`);
				await answerOnPage(section, question, true);
				await section.getByRole('button', { name: 'Save answer' }).click();
				const saved = section.getByText('Answer saved.');
				await saved.waitFor();
				expect((await focused(page))?.id).toBe(`q-${question.id}-feedback`);
				expect(await section.locator('.feedback, .mark svg').count()).toBe(0);
				expect(await page.locator('.progress-summary').textContent()).toBe(
					`${index + 1} of ${questions.length} answered`
				);
				// The answer can still change until the attempt is finished.
				expect(await section.getByRole('button', { name: 'Save new answer' }).isEnabled()).toBe(
					true
				);
				if (index === 0) expect(await axeViolations(page)).toEqual([]);
				if (index < questions.length - 1) await page.getByRole('link', { name: 'Next' }).click();
			}
			await page.getByRole('button', { name: 'Finish' }).click();
			await page.getByText('Score: 100%').waitFor();
			expect((await focused(page))?.id).toBe('result');
			const ticks = await page.locator('[aria-labelledby="by-question"] li').allTextContents();
			expect(ticks.map((tick) => tick.replace(/\s+/g, ' ').trim())).toEqual(
				questions.map((_, index) => `Question ${index + 1} Right`)
			);
		} finally {
			await browser.close();
			execute(server.databasePath, "update quizzes set feedback = 'immediate'");
		}
	});
});

describe('an ordering question', () => {
	const ordering = questions.findIndex((q) => q.type === 'ordering');

	/** A new learner's attempt, at the ordering question's screen. */
	async function openOrderingScreen(page: Page) {
		await startQuiz(page);
		await page.goto(`${page.url()}?q=${ordering + 1}`);
		return page.locator(`#q-${questions[ordering]!.id}`);
	}

	it('can also be reordered by dragging', async () => {
		const browser = await openBrowser({ width: 360, height: 640 });
		try {
			const { page } = browser;
			const section = await openOrderingScreen(page);
			const texts = () => section.locator('.ordering-text').allTextContents();
			await section.locator('.drag-handle').first().waitFor();
			const before = await texts();

			const handle = section.locator('.drag-handle').first();
			// In the middle of the screen: near its edges (or under the sticky bar) a drag scrolls
			// the page as it goes, which moves the rows under the pointer.
			await section
				.locator('.ordering')
				.evaluate((list) => list.scrollIntoView({ block: 'center' }));
			const second = (await section.locator('.ordering li').nth(1).boundingBox())!;
			await handle.hover();
			await page.mouse.down();
			await page.mouse.move(second.x + second.width / 2, second.y + second.height / 2, {
				steps: 8
			});
			await page.mouse.up();

			expect(await texts()).toEqual([before[1], before[0], ...before.slice(2)]);
			await expect
				.poll(() => section.locator('[aria-live="polite"]').textContent())
				.toContain(`${before[0]}: now 2 of ${before.length}.`);
		} finally {
			await browser.close();
		}
	});

	it('keeps focus on the moved item, on Move down once it reaches the top', async () => {
		const browser = await openBrowser({ width: 360, height: 640 });
		try {
			const { page } = browser;
			const section = await openOrderingScreen(page);
			await section.locator('.drag-handle').first().waitFor();
			const [top, second] = await section.locator('.ordering-text').allTextContents();
			await section.getByRole('button', { name: `Move up: ${second}` }).focus();
			await page.keyboard.press('Enter');
			expect(await section.locator('.ordering-text').allTextContents()).toEqual(
				expect.arrayContaining([second, top])
			);
			expect((await section.locator('.ordering-text').allTextContents()).slice(0, 2)).toEqual([
				second,
				top
			]);
			expect((await focused(page))?.label).toBe(`Move down: ${second}`);
			await page.keyboard.press('Enter');
			expect((await focused(page))?.label).toBe(`Move down: ${second}`);
			expect((await section.locator('.ordering-text').allTextContents()).slice(0, 2)).toEqual([
				top,
				second
			]);
		} finally {
			await browser.close();
		}
	});
});
