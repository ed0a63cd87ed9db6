import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signUpInBrowser, type Browser } from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { QUIZ_PATH, sampleQuiz } from '../helpers/quiz';
import { answerWrongOnPage, checkOnPage } from '../helpers/quiz-page';
import { startServer, type TestServer } from '../helpers/server';

// The quiz's verdict colours (right, wrong, partly right) come from the colour roles of both
// schemes: every screen that shows them keeps its contrast in light and dark, phone and wide.
const first = sampleQuiz.questions[0]!;
const missed = sampleQuiz.questions[1]!;
const VIEWPORTS = [
	{ width: 360, height: 640 },
	{ width: 1280, height: 800 }
];

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
	server = await startServer();
	browser = await openBrowser({ width: 360, height: 640 });
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function violationsEverywhere(page: Page) {
	const found: Record<string, unknown[]> = {};
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		for (const viewport of VIEWPORTS) {
			await page.setViewportSize(viewport);
			const violations = await axeViolations(page);
			if (violations.length) found[`${colorScheme} at ${viewport.width} px`] = violations;
		}
	}
	await page.emulateMedia({ colorScheme: 'light' });
	return found;
}

describe('a quiz in both colour schemes, on a phone and a wide screen', () => {
	it('axe-core finds no violations on feedback, the list of questions, the results and a review', async () => {
		const { page } = browser;
		await signUpInBrowser(page, server.url, newAccount());
		await page.goto(server.url + QUIZ_PATH);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.waitForURL(/\/quiz\/\d+/);

		await checkOnPage(page, first, true);
		await page.getByRole('link', { name: 'Next' }).click();
		const section = page.locator(`#q-${missed.id}`);
		await answerWrongOnPage(section, missed);
		await section.getByRole('button', { name: 'Check answer' }).click();
		await section.locator('.feedback').waitFor();
		await section.locator('details.feedback-more summary').click();
		await page.getByText('All questions').click();
		expect(await page.locator('.feedback-verdict').textContent()).toContain('Not quite');
		expect(await violationsEverywhere(page)).toEqual({});

		await page.getByRole('button', { name: 'Finish now' }).click();
		await page.getByRole('heading', { name: /^Your results/ }).waitFor();
		expect(await page.locator('[aria-labelledby="by-question"]').textContent()).toMatch(
			/Right[\s\S]*Not quite[\s\S]*Not answered/
		);
		expect(await violationsEverywhere(page)).toEqual({});

		await page.getByRole('link', { name: 'Question 2', exact: true }).first().click();
		await page.waitForURL(/\?q=2#quiz$/);
		await page.locator('.feedback-verdict').waitFor();
		expect(await violationsEverywhere(page)).toEqual({});
	});
});
