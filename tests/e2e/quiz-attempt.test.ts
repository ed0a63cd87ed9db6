import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	axeViolations,
	openBrowser,
	scrollsSideways,
	signUpInBrowser,
	type Browser
} from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { QUIZ_PATH, sampleQuiz } from '../helpers/quiz';
import { answerOnPage } from '../helpers/quiz-page';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

for (const javaScript of [true, false]) {
	describe(`a full quiz attempt on a phone with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await openBrowser({ width: 360, height: 640, javaScriptEnabled: javaScript });
		});
		afterAll(() => browser?.close());

		it('answers every question, sees feedback quoting the source, and submits', async () => {
			const { page } = browser;
			page.setDefaultTimeout(10_000);
			await signUpInBrowser(page, server.url, newAccount());
			await page.goto(server.url + QUIZ_PATH);
			await page.getByRole('button', { name: 'Start the quiz' }).click();
			await page.waitForURL(/\/quiz\/\d+/);
			expect(await scrollsSideways(page)).toBe(false);
			if (javaScript)
				await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

			for (const question of sampleQuiz.questions) {
				const section = page.locator(`#q-${question.id}`);
				await answerOnPage(section, question, javaScript);
				await section.getByRole('button', { name: 'Check answer' }).click();
				await section.locator('.review').waitFor();
				expect(await section.locator('.verdict').textContent(), question.id).toContain('Correct');
				expect(await section.locator('.citation').first().textContent()).toContain(
					question.citations[0]!.quote
				);
			}
			expect(await scrollsSideways(page)).toBe(false);
			// axe-core runs in the page's own scripts, so it checks these pages in the JavaScript run.
			if (javaScript) expect(await axeViolations(page)).toEqual([]);

			await page.getByRole('button', { name: 'Submit attempt' }).click();
			await page.getByText('Score: 100%').waitFor();
			if (javaScript) {
				// Answers and submission went through without a full page load.
				expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
					true
				);
				expect(await axeViolations(page)).toEqual([]);
			}

			await page.goto(server.url + QUIZ_PATH);
			expect(await page.locator('.facts').textContent()).toContain('100%');
		});
	});
}

describe('an ordering question', () => {
	it('can also be reordered by dragging', async () => {
		const browser = await openBrowser({ width: 360, height: 640 });
		try {
			const { page } = browser;
			await signUpInBrowser(page, server.url, newAccount());
			await page.goto(server.url + QUIZ_PATH);
			await page.getByRole('button', { name: 'Start the quiz' }).click();
			await page.waitForURL(/\/quiz\/\d+/);
			const question = sampleQuiz.questions.find((q) => q.type === 'ordering')!;
			const section = page.locator(`#q-${question.id}`);
			const texts = () => section.locator('.ordering-text').allTextContents();
			const before = await texts();

			const handle = section.locator('.drag-handle').first();
			await handle.scrollIntoViewIfNeeded();
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
});
