import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount } from '../helpers/client';
import { query } from '../helpers/db';
import { openBrowser, scrollsSideways, type Browser } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
	server = await startServer();
	browser = await openBrowser({ width: 360, height: 640 });
});
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const cleanup of cleanups) await cleanup();
	await browser?.close();
	await server?.stop();
});

describe('a student on a phone (360×640)', () => {
	it('signs up and reads the first lesson without scrolling sideways', async () => {
		const { page } = browser;
		const account = newAccount();
		await page.goto(server.url);
		expect(await scrollsSideways(page)).toBe(false);

		await page.getByRole('link', { name: 'Sign up' }).click();
		await page.getByLabel('Email').fill(account.email);
		await page.getByLabel('Name to show').fill(account.displayName);
		await page.getByLabel('Password').fill(account.password);
		await page.getByRole('button', { name: 'Create account' }).click();
		// In the closed menu: there once the page has it.
		await page.getByText(`Signed in as ${account.displayName}`).waitFor({ state: 'attached' });
		expect(await scrollsSideways(page)).toBe(false);

		await page.getByRole('link', { name: /^Module 1:/ }).click();
		await page.getByText('Content note.').waitFor();
		expect(await scrollsSideways(page)).toBe(false);

		await page.locator('.card-list a').first().click();
		await page.locator('article h1').waitFor();
		expect(new URL(page.url()).pathname).toMatch(/^\/learn\/[a-z0-9-]+\/[a-z0-9-]+$/);
		expect(await page.locator('.prose p').count()).toBeGreaterThan(3);
		expect(await scrollsSideways(page)).toBe(false);

		// A citation opens on tap and shows the article it comes from.
		const citation = page.locator('button.cite').first();
		await citation.click();
		const card = page.locator('.cite-card:popover-open');
		await card.waitFor();
		expect(await card.textContent()).toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
		expect(await scrollsSideways(page)).toBe(false);
	});

	it('can be used with the keyboard alone: the skip link comes first and reaches the content', async () => {
		const { page } = browser;
		await page.goto(server.url);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
	});

	it('opens a citation with the keyboard and closes it with Escape', async () => {
		const { page } = browser;
		await page.goto(server.url);
		await page.getByRole('link', { name: /^Module 1:/ }).click();
		await page.getByText('Content note.').waitFor();
		await page.locator('.card-list a').first().click();
		const citation = page.locator('button.cite').first();
		await citation.focus();
		await page.keyboard.press('Enter');
		await page.locator('.cite-card:popover-open').waitFor();
		await page.keyboard.press('Escape');
		expect(await page.locator('.cite-card:popover-open').count()).toBe(0);
	});

	it('keeps what was typed before the page’s script arrived, on a slow connection', async () => {
		const { context } = await openBrowser({ width: 360, height: 640 }).then((fresh) => {
			cleanups.push(() => fresh.close());
			return fresh;
		});
		const page = context.pages()[0]!;
		// Hold the page's scripts back until the form has been filled in, as a slow phone would.
		let release!: () => void;
		const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await scriptsMayLoad;
			await route.continue();
		});
		const account = newAccount();
		await page.goto(`${server.url}/sign-up`, { waitUntil: 'domcontentloaded' });
		await page.getByLabel('Email').fill(account.email);
		await page.getByLabel('Name to show').fill(account.displayName);
		await page.getByLabel('Password').fill(account.password);
		release();
		// The scripts load and hydrate the page; then nothing more is fetched.
		await page.waitForLoadState('networkidle');
		expect(await page.getByLabel('Email').inputValue()).toBe(account.email);
		expect(await page.getByLabel('Name to show').inputValue()).toBe(account.displayName);
		await page.getByRole('button', { name: 'Create account' }).click();
		// In the closed menu: there once the page has it.
		await page.getByText(`Signed in as ${account.displayName}`).waitFor({ state: 'attached' });
		expect(
			query(server.databasePath, 'select display_name from users where email = ?', account.email)
		).toEqual([{ display_name: account.displayName }]);
	});
});
