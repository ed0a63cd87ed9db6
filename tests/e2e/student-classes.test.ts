import type { Page } from 'playwright-core';
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
import { createClass, signUp } from '../helpers/people';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

/** Fits a 360 px phone and a 320 px one; with JavaScript on, axe-core finds nothing. */
async function checkPage(page: Page, javaScript: boolean, label: string) {
	for (const width of [320, 360]) {
		await page.setViewportSize({ width, height: 640 });
		expect(await scrollsSideways(page), `${label} at ${width} px`).toBe(false);
	}
	// axe-core runs in the page's own scripts, so it checks these pages in the JavaScript run.
	if (javaScript) expect(await axeViolations(page), label).toEqual([]);
}

for (const javaScript of [true, false]) {
	describe(`a student's classes on a phone with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await openBrowser({ width: 360, height: 640, javaScriptEnabled: javaScript });
			await signUpInBrowser(browser.page, server.url, newAccount());
		});
		afterAll(() => browser?.close());

		it('joins by link, sees the confirmation and the class on the account page, and leaves it', async () => {
			const { page } = browser;
			const teacher = await signUp(server, 'instructor', { displayName: 'Nadia Instructor' });
			const className = `Evening class ${javaScript ? 'with' : 'without'} scripts`;
			const klass = await createClass(server, teacher.visitor, className);

			await page.goto(`${server.url}/join/${klass.code}`);
			await page.getByRole('heading', { name: `Join “${className}”` }).waitFor();
			await checkPage(page, javaScript, 'the join page');
			await page.getByRole('button', { name: 'Join the class' }).click();

			await page.waitForURL(/\/account\?joined=\d+$/);
			const joined = page.getByRole('alert');
			expect(await joined.textContent()).toContain(`You joined “${className}”`);
			expect(await joined.textContent()).toContain('Nadia Instructor, who teaches it, can now see');
			// The confirmation has the focus, so a screen reader starts there and Tab goes on from it.
			expect(await page.locator('[role="alert"]:focus').count()).toBe(1);
			const classes = page.locator('section[aria-labelledby="your-classes"]');
			expect(await classes.getByRole('heading', { name: className }).count()).toBe(1);
			expect(await classes.textContent()).toContain('Taught by Nadia Instructor');
			await checkPage(page, javaScript, 'the account page after joining');

			await classes.getByRole('link', { name: `Leave class “${className}”` }).click();
			await page.getByRole('heading', { name: `Leave “${className}”?` }).waitFor();
			expect(await page.locator('main').textContent()).toContain(
				'Nadia Instructor no longer sees your progress'
			);
			await checkPage(page, javaScript, 'the leave confirmation');
			await page.getByRole('button', { name: 'Leave the class' }).click();

			await page.waitForURL(/\/account$/);
			const left = page.getByRole('alert');
			await left.waitFor();
			expect(await left.textContent()).toContain(`You left “${className}”`);
			expect(await page.locator('[role="alert"]:focus').count()).toBe(1);
			expect(await classes.textContent()).toContain('You are not in a class.');
			await checkPage(page, javaScript, 'the account page after leaving');
			expect(
				query(server.databasePath, 'select * from class_members where class_id = ?', klass.id)
			).toEqual([]);
		});

		it('turns a mistyped join link into a form holding the code, to correct it', async () => {
			const { page } = browser;
			const teacher = await signUp(server, 'instructor');
			const className = `Typo class ${javaScript ? 'with' : 'without'} scripts`;
			const klass = await createClass(server, teacher.visitor, className);
			const mistyped = `${klass.code.slice(0, 4)}-${klass.code.slice(4, 7)}${klass.code.at(7) === 'Z' ? 'Y' : 'Z'}`;

			const response = await page.goto(`${server.url}/join/${mistyped}`);
			expect(response?.status()).toBe(404);
			await page.getByRole('heading', { name: 'This join link does not work' }).waitFor();
			const field = page.getByLabel('Join code from your instructor');
			expect(await field.inputValue()).toBe(mistyped);
			await checkPage(page, javaScript, 'the page for a mistyped link');

			await field.fill(klass.code.toLowerCase());
			await page.getByRole('button', { name: 'Try this code' }).click();
			await page.getByRole('heading', { name: `Join “${className}”` }).waitFor();
		});
	});
}
