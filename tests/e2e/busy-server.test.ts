import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signUpInBrowser, type Browser } from '../helpers/browser';
import { holdRequests, untilBusy } from '../helpers/busy-server';
import { newAccount } from '../helpers/client';
import { query } from '../helpers/db';
import { QUIZ_PATH, sampleQuiz } from '../helpers/quiz';
import { answerOnPage } from '../helpers/quiz-page';
import { startServer, type TestServer } from '../helpers/server';

// A whole class pressing "Check" at once, made small: one worker that takes four requests at a
// time, kept busy by four slow posts while a student checks an answer on a phone.
const LIMIT = 4;

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
	server = await startServer({ env: { WORKERS: '1', MAX_IN_FLIGHT: String(LIMIT) } });
	browser = await openBrowser({ width: 360, height: 640 });
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('checking an answer while the server is too busy to take it', () => {
	it('says the server is busy, retries the same answer by itself, and shows its feedback once it is saved', async () => {
		const { page } = browser;
		await signUpInBrowser(page, server.url, newAccount());
		await page.goto(server.url + QUIZ_PATH);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.waitForURL(/\/quiz\/\d+/);
		const attemptId = Number(new URL(page.url()).pathname.split('/').at(-1));
		const question = sampleQuiz.questions[0]!;
		const section = page.locator(`#q-${question.id}`);
		await answerOnPage(section, question, true);

		const sentIds: string[] = [];
		page.on('request', (request) => {
			if (request.method() === 'POST' && request.url().includes('/answer'))
				sentIds.push(new URLSearchParams(request.postData() ?? '').get('clientId') ?? '');
		});
		await page.waitForLoadState('networkidle');
		const held = holdRequests(server.port, LIMIT);
		await held.sent;
		await untilBusy(server.url);

		await section.getByRole('button', { name: 'Check answer' }).click();
		await section.getByRole('status').filter({ hasText: 'The server is busy' }).waitFor();
		await expect.poll(() => sentIds.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
		expect(await section.getByRole('button', { name: 'Saving…' }).isDisabled()).toBe(true);

		expect(await held.release()).toEqual(Array(LIMIT).fill(400));
		await section.locator('.feedback').waitFor();
		expect(await section.getByText('The server is busy').count()).toBe(0);
		// Every try carried the same id, and the answer is recorded once.
		expect(new Set(sentIds).size).toBe(1);
		expect(sentIds[0]).toMatch(/^[0-9a-f-]{36}$/);
		expect(
			query(server.databasePath, 'select score from answers where attempt_id = ?', attemptId)
		).toHaveLength(1);
	});
});
