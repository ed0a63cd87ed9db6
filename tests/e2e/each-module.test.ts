import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	axeViolations,
	openBrowser,
	scrollsSideways,
	signUpInBrowser,
	type Browser
} from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { quizOf } from '../helpers/quiz';
import { completeQuizOnPage } from '../helpers/quiz-page';
import { projectRoot, startServer, type TestServer } from '../helpers/server';

// One lesson of each module, read and its quiz completed on a phone, as a student would.
const slug = (folder: string) => folder.replace(/^\d{2}-/, '');
const firstLessons = readdirSync(join(projectRoot, 'lessons'), { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name)
	.sort()
	.map((module) => {
		const lesson = readdirSync(join(projectRoot, 'lessons', module), { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name)
			.sort()[0]!;
		return { folder: `${module}/${lesson}`, href: `/learn/${slug(module)}/${slug(lesson)}` };
	});

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
	server = await startServer();
	browser = await openBrowser({ width: 360, height: 640 });
	const { page } = browser;
	const account = newAccount();
	await signUpInBrowser(page, server.url, account);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe.each(firstLessons)('$folder at 360×640', ({ folder, href }) => {
	it('reads without sideways scrolling or accessibility violations, and its quiz can be completed', async () => {
		const { page } = browser;
		await page.goto(server.url + href);
		await page.locator('article h1').waitFor();
		expect(await scrollsSideways(page)).toBe(false);
		expect(await axeViolations(page)).toEqual([]);

		await page.getByRole('link', { name: 'Take the quiz' }).click();
		await page.getByRole('button', { name: /Start the quiz|Resume your attempt/ }).click();
		await page.waitForURL(/\/quiz\/\d+/);
		const quiz = quizOf(folder);
		await completeQuizOnPage(page, quiz.questions, true, async (question) => {
			expect(await scrollsSideways(page), question.id).toBe(false);
		});
		await page.getByText('Score: 100%').waitFor();
		expect(await scrollsSideways(page)).toBe(false);
	});
});

describe('the reference pages at 360×640', () => {
	it.each(['/sources', '/glossary', '/timeline'])(
		'%s reads without sideways scrolling or violations',
		async (path) => {
			const { page } = browser;
			await page.goto(server.url + path);
			await page.locator('h1').waitFor();
			expect(await scrollsSideways(page)).toBe(false);
			expect(await axeViolations(page)).toEqual([]);
		}
	);

	it('lists the five articles with the lessons that use them', async () => {
		const { page } = browser;
		await page.goto(`${server.url}/sources`);
		expect(await page.locator('.source-title').count()).toBe(5);
		expect(await page.locator('.source-facts a').count()).toBeGreaterThanOrEqual(5);
	});
});
