import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	axeViolations,
	openBrowser,
	scrollsSideways,
	signUpInBrowser,
	type Browser
} from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { query } from '../helpers/db';
import { QUIZ_PATH, sampleQuiz } from '../helpers/quiz';
import { checkOnPage, finishNowOnPage } from '../helpers/quiz-page';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let browser: Browser;
const account = newAccount();
beforeAll(async () => {
	server = await startServer();
	browser = await openBrowser({ width: 360, height: 640 });
	const { page } = browser;
	await signUpInBrowser(page, server.url, account);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('progress on a phone (360×640)', () => {
	it('records sections as the lesson is scrolled, and shows the share read', async () => {
		const { page } = browser;
		await page.goto(`${server.url}/learn/franchise-model/local-allies`);
		await page.locator('article h1').waitFor();
		for (const heading of await page.locator('.prose h2').all()) {
			await heading.scrollIntoViewIfNeeded();
			await page.mouse.wheel(0, 200);
			await page.waitForTimeout(150);
		}
		// on to the foot of the page, past the end of the lesson
		await page.mouse.wheel(0, 20_000);
		await page.waitForTimeout(500);
		await expect
			.poll(
				() =>
					query<{ percent: number }>(
						server.databasePath,
						'select percent from lesson_progress p join users u on u.id = p.user_id where u.email = ?',
						account.email
					)[0]?.percent
			)
			.toBe(100);
		await page.reload();
		expect(await page.locator('.lesson-progress').textContent()).toContain('Read 100%');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('shows the dashboard without sideways scrolling or accessibility violations', async () => {
		const { page } = browser;
		await page.goto(server.url + QUIZ_PATH);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.waitForURL(/\/quiz\/\d+/);
		for (const question of sampleQuiz.questions.slice(0, 2)) {
			await checkOnPage(page, question, true);
			await page.getByRole('link', { name: 'Next' }).click();
		}
		await finishNowOnPage(page);
		await page.getByText(/Score: \d+%/).waitFor();

		await page.goto(`${server.url}/dashboard`);
		await page.getByRole('heading', { name: 'My progress' }).waitFor();
		expect(await page.locator('#overall-progress').getAttribute('value')).toBe('1');
		expect(await page.locator('figcaption').textContent()).toContain('2 in all');
		expect(await scrollsSideways(page)).toBe(false);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('shows the review page and the account page cleanly too', async () => {
		const { page } = browser;
		for (const path of ['/review', '/account']) {
			await page.goto(server.url + path);
			await page.locator('h1').waitFor();
			expect(await scrollsSideways(page), path).toBe(false);
			expect(await axeViolations(page), path).toEqual([]);
		}
	});

	it('shows "completed" when Mark complete follows a checkpoint the page has already heard back', async () => {
		const { page } = browser;
		await page.goto(`${server.url}/learn/reading-the-sources/five-articles`);
		await page.locator('article h1').waitFor();
		// Reach the end and wait for the checkpoint's answer ("not completed" yet) to arrive first.
		const checkpoint = page.waitForResponse((response) => response.url().endsWith('/api/progress'));
		await page.mouse.wheel(0, 20_000);
		await checkpoint;
		await page.waitForTimeout(200);
		await page.getByRole('button', { name: 'Mark lesson complete' }).click();
		await page.getByText('You have completed this lesson.').waitFor();
		expect(await page.locator('.lesson-progress').textContent()).toContain('Completed');
	});
});
