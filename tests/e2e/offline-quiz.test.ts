import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signUpInBrowser, type Browser } from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { query } from '../helpers/db';
import { waitingInOutbox } from '../helpers/offline-device';
import { QUIZ_PATH, sampleQuiz } from '../helpers/quiz';
import { answerOnPage } from '../helpers/quiz-page';
import { keyMaterial, leaksIn } from '../helpers/quiz-secrets';
import { startServer, type TestServer } from '../helpers/server';

// A quiz started online goes on offline (a phone at 360×640): answers wait on the device, survive
// a reload, and are each recorded once when the connection returns, their feedback shown then.
// Nothing the device keeps gives away a question not yet answered.

let server: TestServer;
let browser: Browser;
const account = newAccount();
beforeAll(async () => {
	server = await startServer();
	browser = await openBrowser({ width: 360, height: 640, touch: true });
	await signUpInBrowser(browser.page, server.url, account);
});
afterAll(async () => {
	await browser?.context.setOffline(false);
	await browser?.close();
	await server?.stop();
});

function answersRecorded(attemptId: number) {
	return query<{ question_key: string; n: number }>(
		server.databasePath,
		`select v.question_key, count(*) as n from answers a
		 join question_versions v on v.id = a.question_version_id
		 where a.attempt_id = ? group by v.question_key`,
		attemptId
	);
}

/** Every body the device holds: each Cache Storage entry and each IndexedDB record. */
function keptOnDevice(page: Page): Promise<[string, string][]> {
	return page.evaluate(async () => {
		const kept: [string, string][] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const response = await cache.match(request);
				kept.push([`${name} ${request.url}`, (await response?.text()) ?? '']);
			}
		}
		for (const { name } of await indexedDB.databases()) {
			if (!name) continue;
			const database = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open(name);
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			for (const store of database.objectStoreNames) {
				const records = await new Promise<unknown[]>((resolve) => {
					const all = database.transaction(store).objectStore(store).getAll();
					all.onsuccess = () => resolve(all.result);
				});
				kept.push([`${name}/${store}`, JSON.stringify(records)]);
			}
			database.close();
		}
		return kept;
	});
}

/** The app's code and the kept lessons: the same for everyone (see the key-leak check below). */
const isPublic = (where: string) =>
	where.startsWith('course-shell-') || where.startsWith('course-pages ');

describe('a quiz attempt offline', () => {
	/** The attempt the first test leaves half answered, for the next to go on with. */
	let attempt = { path: '', id: 0 };

	it('keeps answers on the device, through a reload, and records each once when back online', async () => {
		const { page, context } = browser;
		await page.goto(server.url + QUIZ_PATH);
		await page.evaluate(() => navigator.serviceWorker.ready);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.waitForURL(/\/quiz\/\d+/);
		const attemptPath = new URL(page.url()).pathname;
		const attemptId = Number(attemptPath.split('/').at(-1));
		if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
		await page.waitForFunction(() => !!navigator.serviceWorker.controller);
		// Every screen of the attempt is kept before the connection goes.
		const screens = sampleQuiz.questions.length;
		await expect
			.poll(() =>
				page.evaluate(async () => (await (await caches.open('course-attempts')).keys()).length)
			)
			.toBeGreaterThanOrEqual(screens);

		const [first, second] = sampleQuiz.questions;
		await context.setOffline(true);
		try {
			await page.goto(`${server.url}${attemptPath}?q=1`);
			for (const question of [first!, second!]) {
				const section = page.locator(`#q-${question.id}`);
				await answerOnPage(section, question, true);
				await section.getByRole('button', { name: 'Check answer' }).click();
				await section.getByText('Saved on this device.').waitFor();
				if (question === first) {
					await page.getByRole('link', { name: 'Next' }).click();
					await page.locator(`#q-${second!.id}`).waitFor();
				}
			}
			expect(await waitingInOutbox(page)).toBe(2);
			await page.getByText('2 updates saved on this device, waiting to sync.').waitFor();
			expect(answersRecorded(attemptId)).toEqual([]);

			// Reloaded, still offline: the screen comes from the device and says its answer waits.
			await page.reload();
			await page.locator(`#q-${second!.id}`).getByText('Saved on this device.').waitFor();
			expect(await waitingInOutbox(page)).toBe(2);

			// Nothing the device keeps for this learner gives away a question not yet answered. (The
			// app's code and the kept lessons are the same for everyone, and quote the articles the
			// quiz cites; the key-leak test covers the code the attempt's screens load.)
			const learnersOwn = (await keptOnDevice(page)).filter(([where]) => !isPublic(where));
			expect(learnersOwn.some(([where]) => where.startsWith('course-attempts '))).toBe(true);
			expect(learnersOwn.some(([where]) => where === 'course-outbox/requests')).toBe(true);
			const unanswered = sampleQuiz.questions.filter((q) => q !== first && q !== second);
			expect(leaksIn(new Map(learnersOwn), unanswered, sampleQuiz.questions)).toEqual([]);
		} finally {
			await context.setOffline(false);
		}

		// Back online: sent, each once, and the screen shows its feedback.
		await expect.poll(() => waitingInOutbox(page), { timeout: 10_000 }).toBe(0);
		expect(answersRecorded(attemptId)).toEqual(
			expect.arrayContaining([
				{ question_key: first!.id, n: 1 },
				{ question_key: second!.id, n: 1 }
			])
		);
		expect(answersRecorded(attemptId)).toHaveLength(2);
		await page.locator(`#q-${second!.id} .feedback-verdict`).waitFor();
		await page.getByText(/Synced 2 saved updates/).waitFor();
		// After the sync too, the device holds no key of a question still to answer. (Two questions
		// may cite one passage: shown with an answered question's feedback, it gives nothing away.)
		const unanswered = sampleQuiz.questions.filter((q) => q !== first && q !== second);
		const afterSync = (await keptOnDevice(page)).filter(([where]) => !isPublic(where));
		expect(
			leaksIn(new Map(afterSync), unanswered, sampleQuiz.questions, [
				...keyMaterial(first!),
				...keyMaterial(second!)
			])
		).toEqual([]);
		attempt = { path: attemptPath, id: attemptId };
	});

	it('finishes sending when the page is closed mid-sync, each answer once', async () => {
		const { context } = browser;
		const page = await context.newPage();
		const [, , third, fourth] = sampleQuiz.questions;
		await page.goto(`${server.url}${attempt.path}?q=3`);
		await page.waitForFunction(() => !!navigator.serviceWorker.controller);
		await context.setOffline(true);
		try {
			for (const question of [third!, fourth!]) {
				const section = page.locator(`#q-${question.id}`);
				await answerOnPage(section, question, true);
				await section.getByRole('button', { name: 'Check answer' }).click();
				await section.getByText('Saved on this device.').waitFor();
				if (question === third) {
					await page.getByRole('link', { name: 'Next' }).click();
					await page.locator(`#q-${fourth!.id}`).waitFor();
				}
			}
			expect(await waitingInOutbox(page)).toBe(2);
		} finally {
			await context.setOffline(false);
		}
		// The connection returns and the page is closed at once, as a learner pocketing the phone.
		await page.close();
		const reopened = await context.newPage();
		await reopened.goto(`${server.url}${attempt.path}?q=4`);
		await expect.poll(() => waitingInOutbox(reopened), { timeout: 10_000 }).toBe(0);
		const recorded = answersRecorded(attempt.id);
		expect(recorded).toHaveLength(4);
		expect(recorded.every((row) => row.n === 1)).toBe(true);
		await reopened.locator(`#q-${fourth!.id} .feedback-verdict`).waitFor();
		await reopened.close();
	});
});
