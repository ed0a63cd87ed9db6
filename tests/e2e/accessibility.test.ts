import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	axeViolations,
	openBrowser,
	scrollsSideways,
	signUpInBrowser,
	type Browser
} from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let browser: Browser;
let lessonPath: string;
beforeAll(async () => {
	server = await startServer();
	browser = await openBrowser({ width: 360, height: 640 });
	await browser.page.goto(server.url);
	await browser.page.getByRole('link', { name: /^Module 1:/ }).click();
	await browser.page.getByText('Content note.').waitFor();
	await browser.page.locator('.card-list a').first().click();
	await browser.page.locator('article h1').waitFor();
	lessonPath = new URL(browser.page.url()).pathname;
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('axe-core finds no violations', () => {
	const pages = () => ({
		home: '/',
		'sign-in': '/sign-in',
		'sign-up': '/sign-up',
		lesson: lessonPath,
		module: lessonPath.split('/').slice(0, 3).join('/'),
		'not found': '/learn/no-such-module',
		offline: '/offline'
	});

	for (const width of [360, 1280]) {
		it.each(['home', 'sign-in', 'sign-up', 'lesson', 'module', 'not found', 'offline'] as const)(
			`on the %s page at ${width} px`,
			async (name) => {
				await browser.page.setViewportSize({ width, height: width === 360 ? 640 : 800 });
				await browser.page.goto(server.url + pages()[name]);
				expect(await axeViolations(browser.page)).toEqual([]);
			}
		);
	}

	it('on a sign-in form showing an error', async () => {
		const { page } = browser;
		await page.goto(`${server.url}/sign-in`);
		await page.getByLabel('Email').fill('nobody@example.org');
		await page.getByLabel('Password').fill('wrong password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.getByRole('alert').waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('on the change-password page, at both widths and showing an error', async () => {
		const { page } = browser;
		await signUpInBrowser(page, server.url, newAccount());
		for (const width of [360, 1280]) {
			await page.setViewportSize({ width, height: width === 360 ? 640 : 800 });
			await page.goto(`${server.url}/account/password`);
			expect(await axeViolations(page)).toEqual([]);
			expect(await scrollsSideways(page)).toBe(false);
		}
		await page.getByLabel('Current password').fill('not my password');
		await page.getByLabel('New password', { exact: true }).fill('a new long password');
		await page.getByLabel('Confirm new password').fill('a new long password');
		await page.getByRole('button', { name: /change password/i }).click();
		await page.getByRole('alert').waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('would notice a violation if there were one', async () => {
		const { page } = browser;
		await page.goto(server.url, { waitUntil: 'networkidle' });
		// A visible image with no text alternative, outside the app's root so hydration keeps it.
		await page.evaluate(() => {
			const image = document.createElement('img');
			image.src = '/favicon.svg';
			image.width = 32;
			image.height = 32;
			document.body.append(image);
		});
		expect(await axeViolations(page)).toContainEqual(expect.stringMatching(/^image-alt: /));
	});
});
