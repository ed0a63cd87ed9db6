import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signUpInBrowser, type Browser } from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { waitingInOutbox, workerInCharge } from '../helpers/offline-device';
import { sectionsReached } from '../helpers/reading';
import { startServer, type TestServer } from '../helpers/server';
import { isKeptPage, PAGES_CACHE } from '../../src/lib/offline/rules';

// Installable, and readable offline: a phone (360×640) saves a module, loses its connection and
// reads on; pages that need the network give the offline page; nothing but kept pages is stored,
// and a sign-out or another learner leaves nothing of the first one on the device.

const MODULE = '/learn/franchise-model';
const REFERENCE = ['/sources', '/timeline', '/glossary'];

let server: TestServer;
let accountEmail = '';
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

/** The paths kept in the pages cache (the note of whose pages they are aside). */
function keptPaths(page: Page): Promise<string[]> {
	return page.evaluate(async (name) => {
		const cache = await caches.open(name);
		return (await cache.keys())
			.map((request) => new URL(request.url).pathname)
			.filter((path) => !path.startsWith('/__'))
			.sort();
	}, PAGES_CACHE);
}

/** The checkpoints the database holds for the learner's lesson, whoever is signed in now. */
function reached(lessonKey: string, email = accountEmail): string[] {
	return sectionsReached(server.databasePath, email, lessonKey);
}

/** Scrolls a lesson to its foot with no connection, until a checkpoint is kept on the device. */
async function readToTheFootOffline(page: Page): Promise<void> {
	const kept = page.waitForResponse(
		(response) => response.url().endsWith('/api/progress') && response.status() === 202
	);
	await page.mouse.wheel(0, 20_000);
	await kept;
}

/** The module's lessons, in order, as its page links them. */
async function lessonsOf(page: Page): Promise<string[]> {
	return page
		.locator('.lesson-path a')
		.evaluateAll((links) =>
			links.map((link) => new URL((link as HTMLAnchorElement).href).pathname)
		);
}

describe('installable', () => {
	it('meets Chromium’s install criteria: a manifest with icons and a service worker', async () => {
		const browser = await openBrowser();
		try {
			const { page, context } = browser;
			await page.goto(server.url);
			await workerInCharge(page);
			const session = await context.newCDPSession(page);
			const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);
			const manifest = await session.send('Page.getAppManifest');
			expect(manifest.errors).toEqual([]);
			expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({
				display: 'standalone',
				start_url: '/',
				scope: '/'
			});
		} finally {
			await browser.close();
		}
	});
});

describe('offline on a phone', () => {
	let browser: Browser;
	const account = newAccount();
	accountEmail = account.email;
	beforeAll(async () => {
		browser = await openBrowser({ width: 360, height: 640, touch: true });
		await signUpInBrowser(browser.page, server.url, account);
	});
	afterAll(async () => {
		await browser?.context.setOffline(false);
		await browser?.close();
	});

	it('saves a module for offline use, with the storage it takes and a way to remove it', async () => {
		const { page } = browser;
		await page.goto(server.url + MODULE);
		await workerInCharge(page);
		const lessons = await lessonsOf(page);
		expect(lessons.length).toBeGreaterThan(1);

		await page.getByRole('button', { name: 'Save for offline' }).tap();
		await page.getByText('Saved on this device.').waitFor();
		await page.getByText(/The course uses [\d.]+ MB on this device/).waitFor();
		expect(await keptPaths(page)).toEqual(
			expect.arrayContaining([MODULE, ...lessons, ...REFERENCE])
		);
	});

	it('reads every saved lesson and reference page with no connection', async () => {
		const { page, context } = browser;
		await page.goto(server.url + MODULE);
		const lessons = await lessonsOf(page);
		const titles = await page.locator('.lesson-path a').allTextContents();
		await context.setOffline(true);
		try {
			for (const [i, lesson] of lessons.entries()) {
				await page.goto(server.url + lesson);
				await expect(page.locator('article h1').textContent()).resolves.toBe(titles[i]);
			}
			for (const path of REFERENCE) {
				await page.goto(server.url + path);
				await expect(page.locator('h1').count()).resolves.toBe(1);
				expect(await page.title()).not.toMatch(/offline/i);
			}
			// The module page is the app itself, running from the device: it says it is offline.
			await page.goto(server.url + MODULE);
			await page.getByText('Offline.', { exact: false }).first().waitFor();
		} finally {
			await context.setOffline(false);
		}
	});

	it('answers a page that needs the network with the offline page, which lists what is saved', async () => {
		const { page, context } = browser;
		await context.setOffline(true);
		try {
			await page.goto(`${server.url}/dashboard`);
			await page.getByRole('heading', { name: 'You are offline' }).waitFor();
			const saved = page.locator('[data-saved-list] a');
			await saved.first().waitFor();
			const listed = await saved.evaluateAll((links) =>
				links.map((link) => new URL((link as HTMLAnchorElement).href).pathname)
			);
			expect(listed).toEqual(expect.arrayContaining([MODULE, ...REFERENCE]));
			// From the list, a saved lesson opens.
			await page.locator(`[data-saved-list] a[href^="${MODULE}/"]`).first().click();
			await page.locator('article h1').waitFor();
		} finally {
			await context.setOffline(false);
		}
	});

	it('never keeps quiz attempts, progress, review, account or data pages', async () => {
		const { page } = browser;
		await page.goto(`${server.url}${MODULE}/local-allies/quiz`);
		await page
			.getByRole('button', { name: /Start|Resume/ })
			.first()
			.click();
		await page.waitForURL(/\/quiz\/\d+/);
		for (const path of ['/dashboard', '/review', '/account']) await page.goto(server.url + path);
		await page.evaluate(() => fetch('/account/export.json').then((response) => response.text()));
		const kept = await keptPaths(page);
		expect(kept.filter((path) => !isKeptPage(path))).toEqual([]);
	});

	it('removes a module’s saved pages on request', async () => {
		const { page } = browser;
		await page.goto(server.url + MODULE);
		const lessons = await lessonsOf(page);
		await page.getByRole('button', { name: 'Remove saved pages' }).tap();
		await page.getByRole('button', { name: 'Save for offline' }).waitFor();
		const kept = await keptPaths(page);
		expect(kept.filter((path) => [MODULE, ...lessons].includes(path))).toEqual([]);
	});

	it('keeps reading checkpoints made offline, through a reload, and records them when back online', async () => {
		const { page, context } = browser;
		const lesson = `${MODULE}/what-changed`;
		const key = 'franchise-model/what-changed';
		await page.goto(server.url + lesson);
		await page.locator('article h1').waitFor();
		await context.setOffline(true);
		try {
			await readToTheFootOffline(page);
			await page.getByText('Read 0%').waitFor();
			expect(reached(key)).toEqual([]);
			// Still offline: the page comes from the device, and what waits is still there.
			await page.reload();
			await page.locator('article h1').waitFor();
			expect(await waitingInOutbox(page)).toBeGreaterThan(0);
		} finally {
			await context.setOffline(false);
		}
		// Sent by whichever comes first, the lesson page back online or the next page opened; so
		// which page shows the "Synced" notice varies (offline-quiz.test.ts checks the notice).
		await page.goto(server.url + MODULE);
		await expect.poll(() => reached(key), { timeout: 10_000 }).toContain('end');
		await expect.poll(() => waitingInOutbox(page)).toBe(0);
	});

	it('signs out only with a connection, so nothing waiting on the device is lost', async () => {
		const { page, context } = browser;
		const lesson = `${MODULE}/reach-beyond-the-region`;
		const key = 'franchise-model/reach-beyond-the-region';
		await page.goto(server.url + lesson);
		await page.locator('article h1').waitFor();
		await context.setOffline(true);
		try {
			await readToTheFootOffline(page);
			await page.getByText('Menu').first().click();
			await page.getByRole('button', { name: 'Sign out' }).click();
			await page.getByRole('heading', { name: 'You are offline' }).waitFor();
			expect(await waitingInOutbox(page)).toBeGreaterThan(0);
		} finally {
			await context.setOffline(false);
		}
		await page.goto(server.url + MODULE);
		await expect.poll(() => reached(key), { timeout: 10_000 }).toContain('end');
		await page.getByText('Signed in as').waitFor({ state: 'attached' });
	});

	it('forgets the learner’s pages on sign-out, and another learner never sees them', async () => {
		const { page } = browser;
		await page.goto(server.url + MODULE);
		await page.getByRole('button', { name: 'Save for offline' }).tap();
		await page.getByText('Saved on this device.').waitFor();
		expect((await keptPaths(page)).length).toBeGreaterThan(0);

		// Another learner on the same phone, the first one's session gone without a sign-out.
		await browser.context.clearCookies();
		const other = newAccount();
		await signUpInBrowser(page, server.url, other);
		await page.goto(`${server.url}${MODULE}/local-allies`);
		await page.locator('article h1').waitFor();
		expect(await keptPaths(page)).toEqual([`${MODULE}/local-allies`]);
		const kept = await page.evaluate(async (name) => {
			const cache = await caches.open(name);
			return (await (await cache.match('/learn/franchise-model/local-allies'))?.text()) ?? '';
		}, PAGES_CACHE);
		expect(kept).toContain(other.displayName);
		expect(kept).not.toContain(account.displayName);

		// Signing out leaves nothing.
		await page.getByText('Menu').first().click();
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL(server.url + '/');
		await expect
			.poll(() => keptPaths(page))
			.toEqual(expect.not.arrayContaining([`${MODULE}/local-allies`]));
	});
});
