import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signUpInBrowser, type Browser } from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { signUp } from '../helpers/people';
import { sectionsReached } from '../helpers/reading';
import { startServer, type TestServer } from '../helpers/server';

// Reading progress counts only what the reader had on screen once the page settled where
// SvelteKit puts it (the top, a #section, or the place back/forward restores), never the
// position the previous page was scrolled to.

let server: TestServer;
let browser: Browser;
const account = newAccount();
const pending: Promise<unknown>[] = [];
beforeAll(async () => {
	server = await startServer();
	browser = await openBrowser({ width: 360, height: 640 });
	await signUpInBrowser(browser.page, server.url, account);
	browser.page.on('request', (request: Request) => {
		if (request.url().endsWith('/api/progress')) pending.push(request.response());
	});
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

/** The checkpoints recorded for the learner in a lesson, as the database file holds them. */
function recorded(lessonKey: string, email = account.email): string[] {
	return sectionsReached(server.databasePath, email, lessonKey);
}

/** Waits until every checkpoint the page has sent so far has been answered. */
async function checkpointsAnswered(): Promise<void> {
	await Promise.all(pending.splice(0));
}

/** The lesson's `##` sections as anyone can read them (fetched signed out, so nothing is recorded). */
async function sectionIds(path: string): Promise<string[]> {
	const html = await (await fetch(server.url + path)).text();
	return [...html.matchAll(/<h2 id="([^"]+)"/g)].map((match) => match[1]!);
}

/** The checkpoints (headings and the end) that were on screen while the page went from `fromY` to here. */
function onScreenSince(page: Page, fromY: number): Promise<string[]> {
	return page.evaluate((fromY) => {
		const checkpoints = [...document.querySelectorAll('.prose h2[id], #end')];
		return checkpoints
			.filter((element) => {
				const { top, height } = element.getBoundingClientRect();
				return top + scrollY + height > fromY && top < innerHeight;
			})
			.map((element) => element.id);
	}, fromY);
}

/** Whether SvelteKit's client runs in the page (a lesson is served without it). */
function kitClientIn(page: Page): Promise<boolean> {
	return page.evaluate(() => Object.keys(globalThis).some((key) => key.startsWith('__sveltekit')));
}

/** Scrolls on until the foot of the page, which may grow meanwhile (the module page's offline panel). */
async function scrollToTheFoot(page: Page): Promise<void> {
	await expect
		.poll(async () => {
			await page.mouse.wheel(0, 20_000);
			return page.evaluate(
				() => scrollY > 0 && scrollY + innerHeight >= document.documentElement.scrollHeight - 4
			);
		})
		.toBe(true);
}

/**
 * The reader scrolls on until the first heading that was below the screen is in its upper part,
 * and that checkpoint is recorded: proof that the tracker has been at work since the arrival.
 */
async function readOnToNextHeading(page: Page, lessonKey: string): Promise<void> {
	const next = await page.evaluate(() => {
		const below = [...document.querySelectorAll('.prose h2[id]')]
			.map((heading) => ({ id: heading.id, top: heading.getBoundingClientRect().top }))
			.find((heading) => heading.top >= innerHeight);
		return below && { id: below.id, distance: below.top - innerHeight * 0.3 };
	});
	if (!next) throw new Error(`${lessonKey}: no heading below the screen to scroll to`);
	await page.mouse.wheel(0, next.distance);
	await expect.poll(() => recorded(lessonKey)).toContain(next.id);
}

/**
 * Asserts that what is recorded for the lesson is only what the reader had on screen since
 * `fromY`, or before that, `seenEarlier`.
 */
async function expectOnlyWhatWasOnScreen(
	page: Page,
	lessonKey: string,
	fromY: number,
	seenEarlier: string[] = []
) {
	await checkpointsAnswered();
	const seen = [...seenEarlier, ...(await onScreenSince(page, fromY))];
	const reached = recorded(lessonKey);
	expect(reached).not.toContain('end');
	expect(
		reached.filter((id) => !seen.includes(id)),
		`${lessonKey} has ${reached}`
	).toEqual([]);
}

describe('reading progress on a phone (360×640)', () => {
	it('records nothing below the screen when "next lesson" is followed from the foot of a lesson', async () => {
		const { page } = browser;
		await page.goto(`${server.url}/learn/franchise-model/local-allies`);
		await page.locator('article h1').waitFor();
		await scrollToTheFoot(page);
		await page.locator('a[rel=next]').click();
		await page.waitForURL('**/learn/franchise-model/claims-and-propaganda');
		await page.waitForFunction(() => scrollY === 0);

		await readOnToNextHeading(page, 'franchise-model/claims-and-propaganda');
		await expectOnlyWhatWasOnScreen(page, 'franchise-model/claims-and-propaganda', 0);
	});

	it('records nothing below the screen when a lesson is opened from a scrolled module page', async () => {
		const { page } = browser;
		await page.goto(`${server.url}/learn/mastung-networks`);
		const lastLesson = page.locator('.card-list a').last();
		await scrollToTheFoot(page);
		await lastLesson.click();
		await page.waitForURL('**/learn/mastung-networks/links-back-to-2004');
		await page.waitForFunction(() => scrollY === 0);
		expect(await kitClientIn(page)).toBe(false);

		await readOnToNextHeading(page, 'mastung-networks/links-back-to-2004');
		await expectOnlyWhatWasOnScreen(page, 'mastung-networks/links-back-to-2004', 0);
	});

	it('loads a lesson the client router is sent to (the redirect after signing in) as a page of its own', async () => {
		const reader = await signUp(server);
		const other = await openBrowser({ width: 360, height: 640 });
		try {
			const { page } = other;
			const lesson = '/learn/policy-debates/beyond-pakistan';
			const key = 'policy-debates/beyond-pakistan';
			await page.goto(`${server.url}/sign-in?redirectTo=${encodeURIComponent(lesson)}`);
			await page.waitForFunction(() =>
				Object.keys(globalThis).some((key) => key.startsWith('__sveltekit'))
			);
			await page.getByLabel('Email').fill(reader.account.email);
			await page.getByLabel('Password').fill(reader.account.password);
			const enhanced = page.waitForRequest(
				(request) => request.method() === 'POST' && !!request.headers()['x-sveltekit-action']
			);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await enhanced;
			await page.waitForURL(`**${lesson}`);
			await page.locator('article h1').waitFor();
			expect(await kitClientIn(page)).toBe(false);

			const below = await page.evaluate(() => {
				const heading = [...document.querySelectorAll('.prose h2[id]')].find(
					(heading) => heading.getBoundingClientRect().top >= innerHeight
				);
				return heading && { id: heading.id, distance: heading.getBoundingClientRect().top };
			});
			if (!below) throw new Error(`${key}: no heading below the screen`);
			await page.mouse.wheel(0, below.distance - 100);
			await expect.poll(() => recorded(key, reader.account.email)).toContain(below.id);
		} finally {
			await other.close();
		}
	});

	it('on back and forward, records what is on screen where the page is restored, not what lies above it', async () => {
		const { page } = browser;
		const lesson = '/learn/policy-debates/denial-and-deals';
		const key = 'policy-debates/denial-and-deals';
		const nextKey = 'policy-debates/reviewing-security-policy';
		const third = (await sectionIds(lesson))[2]!;

		// Arriving at a section by its link (as "Continue" sends a reader) reads only that section.
		await page.goto(`${server.url}${lesson}#${third}`);
		await expect.poll(() => recorded(key)).toContain(third);
		const middle = await page.evaluate(() => scrollY);
		await expectOnlyWhatWasOnScreen(page, key, middle);

		// Follows "next lesson" without scrolling to it, so this lesson is left in its middle, and
		// reads a little of the next one.
		await page.locator('a[rel=next]').dispatchEvent('click');
		await page.waitForURL(`**/learn/${nextKey}`);
		await page.waitForFunction(() => scrollY === 0);
		await readOnToNextHeading(page, nextKey);
		await expectOnlyWhatWasOnScreen(page, nextKey, 0);
		const readTo = await page.evaluate(() => scrollY);

		const backAgain = page.waitForRequest(
			(request) => request.url().endsWith('/api/progress') && request.postDataJSON().lesson === key
		);
		await page.goBack();
		await page.waitForFunction((middle) => scrollY === middle, middle);
		await backAgain;
		await expectOnlyWhatWasOnScreen(page, key, middle);

		await page.goForward();
		await page.waitForURL(`**/learn/${nextKey}`);
		await page.waitForFunction((readTo) => scrollY === readTo, readTo);
		await readOnToNextHeading(page, nextKey);
		await expectOnlyWhatWasOnScreen(page, nextKey, 0);
	});

	it('does not count the sections a jump to a #section on the same page skips', async () => {
		const { page } = browser;
		const lesson = '/learn/reading-the-sources/fact-claim-opinion';
		const key = 'reading-the-sources/fact-claim-opinion';
		const last = (await sectionIds(lesson)).at(-1)!;
		await page.goto(server.url + lesson);
		await readOnToNextHeading(page, key);
		const seenFirst = await onScreenSince(page, 0);

		// As a link to the section, or its address typed into the same tab, would.
		await page.evaluate((last) => (location.hash = last), last);
		await expect.poll(() => recorded(key)).toContain(last);
		const jumpedTo = await page.evaluate(() => scrollY);
		await expectOnlyWhatWasOnScreen(page, key, jumpedTo, seenFirst);
	});

	it('leaves a lesson right after a scroll without an error in the page', async () => {
		const { page } = browser;
		await page.goto(`${server.url}/learn/mastung-networks/two-attacks`);
		await page.locator('article h1').waitFor();
		await page.mouse.wheel(0, 400);
		await page.getByRole('link', { name: 'Take the quiz' }).click();
		await page.waitForURL('**/learn/mastung-networks/two-attacks/quiz');
		// A timer set now runs after any the lesson set for the same delay before it was left;
		// an error it throws fails the test (see openBrowser).
		await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
	});
});
