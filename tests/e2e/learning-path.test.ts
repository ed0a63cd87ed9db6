import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, scrollsSideways, type Browser } from '../helpers/browser';
import { answerQuiz, reachSections } from '../helpers/lesson-path';
import { signUp, type Person } from '../helpers/people';
import { startServer, type TestServer } from '../helpers/server';

// The course page, a module page and the dashboard of a learner part-way through module 1.
const MODULE = '/learn/franchise-model';

let server: TestServer;
let learner: Person;
beforeAll(async () => {
	server = await startServer();
	learner = await signUp(server);
	await reachSections(learner, 'franchise-model/local-allies', ['end']);
	const attempt = await answerQuiz(
		learner,
		'01-franchise-model/02-claims-and-propaganda',
		`${MODULE}/claims-and-propaganda`,
		5
	);
	await learner.visitor.post(`${attempt}?/submit`, {});
	await learner.visitor.post(`${MODULE}/claims-and-propaganda?/complete`, {});
});
afterAll(() => server?.stop());

/** A browser signed in as the learner (the session cookie their sign-up was given). */
async function learnersBrowser(options: Parameters<typeof openBrowser>[0] = {}) {
	const browser = await openBrowser(options);
	await browser.context.addCookies(
		[...learner.visitor.cookies].map(([name, value]) => ({ name, value, url: server.url }))
	);
	return browser;
}

/** The colour drawn at a point of an element, `x` and `y` as fractions of its box. */
async function colourAt(page: Page, element: Locator, x: number, y: number) {
	const png = (await element.screenshot()).toString('base64');
	return page.evaluate(
		async ({ png, x, y }) => {
			const image = new Image();
			image.src = `data:image/png;base64,${png}`;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = image.width;
			canvas.height = image.height;
			const context = canvas.getContext('2d')!;
			context.drawImage(image, 0, 0);
			const [r, g, b] = context.getImageData(
				Math.floor(x * image.width),
				Math.floor(y * image.height),
				1,
				1
			).data;
			return `rgb(${r}, ${g}, ${b})`;
		},
		{ png, x, y }
	);
}

/** A colour custom property of the page, as the browser resolves it. */
function customColour(page: Page, property: string) {
	return page.evaluate((property) => {
		const probe = document.createElement('span');
		probe.style.color = `var(${property})`;
		document.body.append(probe);
		const colour = getComputedStyle(probe).color;
		probe.remove();
		return colour;
	}, property);
}

describe.each([
	{ width: 360, height: 640 },
	{ width: 1280, height: 800 }
])('the path at $width×$height', (viewport) => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await learnersBrowser(viewport);
	});
	afterAll(() => browser?.close());

	it.each(['/', MODULE, '/dashboard'])(
		'shows %s without accessibility violations or sideways scrolling',
		async (path) => {
			await browser.page.goto(server.url + path);
			await browser.page.locator('h1').waitFor();
			expect(await axeViolations(browser.page)).toEqual([]);
			expect(await scrollsSideways(browser.page)).toBe(false);
		}
	);

	it('labels the activity chart: counts up the side, dates along the bottom', async () => {
		const { page } = browser;
		await page.goto(`${server.url}/dashboard`);
		expect(await page.locator('.activity-y-title').textContent()).toBe(
			'Questions answered per day'
		);
		expect(await page.locator('.activity-x-title').textContent()).toBe('Day (UTC)');
		const counts = (await page.locator('.activity-y-ticks span').allTextContents()).map(Number);
		expect(counts[0]).toBe(0);
		// Eight questions answered today, so the axis reaches at least 8.
		expect(counts.at(-1)).toBeGreaterThanOrEqual(8);

		const dates = page.locator('.activity-x-ticks span');
		const today = new Intl.DateTimeFormat('en-GB', {
			day: 'numeric',
			month: 'short',
			timeZone: 'UTC'
		}).format(new Date());
		const labels = await dates.allTextContents();
		expect(labels).toHaveLength(4);
		for (const label of labels) expect(label).toMatch(/^\d{1,2} [A-Z][a-z]{2}$/);
		expect(labels.at(-1)).toBe(today);
		// Each date readable on screen: inside the window, and clear of the next one.
		const boxes = await Promise.all((await dates.all()).map((date) => date.boundingBox()));
		for (const [i, box] of boxes.entries()) {
			expect(box!.x).toBeGreaterThanOrEqual(0);
			expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
			if (i > 0) expect(box!.x).toBeGreaterThan(boxes[i - 1]!.x + boxes[i - 1]!.width);
		}
	});

	it("draws progress bars in the app's colours", async () => {
		const { page } = browser;
		await page.goto(server.url);
		// Module 1: one lesson of four complete, so the first quarter is filled.
		const bar = page.locator('#progress-franchise-model');
		expect(await colourAt(page, bar, 0.1, 0.5)).toBe(await customColour(page, '--color-accent'));
		expect(await colourAt(page, bar, 0.8, 0.5)).toBe(await customColour(page, '--color-surface'));
	});
});

describe('the module page without JavaScript', () => {
	it("shows each lesson's state and which is up next", async () => {
		const browser = await learnersBrowser({ javaScriptEnabled: false });
		try {
			const { page } = browser;
			await page.goto(server.url + MODULE);
			expect(await page.locator('.lesson-status').allTextContents()).toEqual([
				expect.stringMatching(/^In progress · \d+% read$/),
				expect.stringMatching(/^Complete · Quiz score \d+%$/),
				'Not started',
				'Not started'
			]);
			const upNext = page.locator('.lesson-path li.up-next');
			expect(await upNext.count()).toBe(1);
			expect(await upNext.getByRole('link').getAttribute('href')).toBe(
				`${MODULE}/reach-beyond-the-region`
			);
			expect(await upNext.textContent()).toContain('Up next');
			expect(await scrollsSideways(page)).toBe(false);
		} finally {
			await browser.close();
		}
	});
});
