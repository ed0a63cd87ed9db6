import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, scrollsSideways, type Browser } from '../helpers/browser';
import { execute } from '../helpers/db';
import { signUp, type Person } from '../helpers/people';
import { sampleQuiz, startAttempt, postAnswer } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

// The header, the tab bar and the menu, for a student with three reviews due and an instructor.
const LESSON = '/learn/franchise-model/local-allies';
const PHONE = { width: 360, height: 640 };
const WIDE = { width: 1280, height: 800 };

let server: TestServer;
let student: Person;
let instructor: Person;
let attemptPath: string;
beforeAll(async () => {
	server = await startServer();
	student = await signUp(server);
	instructor = await signUp(server, 'instructor');
	attemptPath = await startAttempt(student.visitor);
	for (const question of sampleQuiz.questions.slice(0, 3))
		await postAnswer(student.visitor, attemptPath, question, false);
	execute(
		server.databasePath,
		'update review_cards set due = ? where user_id = ?',
		Date.now() - 60_000,
		student.id
	);
});
afterAll(() => server?.stop());

/** A browser signed in as `person` (the session cookie their sign-up was given). */
async function browserOf(person: Person | null, options: Parameters<typeof openBrowser>[0] = {}) {
	const browser = await openBrowser(options);
	if (person)
		await browser.context.addCookies(
			[...person.visitor.cookies].map(([name, value]) => ({ name, value, url: server.url }))
		);
	return browser;
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The accessible names of the links shown in `nav` (hidden ones are left out). */
async function linkNames(nav: Locator) {
	return [...(await nav.ariaSnapshot()).matchAll(/- link "([^"]+)"/g)].map((match) => match[1]);
}
const box = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!;

describe('on a phone (360×640)', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await browserOf(student, PHONE);
	});
	afterAll(() => browser?.close());

	it('keeps the header to one line of at most 56 px', async () => {
		const { page } = browser;
		for (const path of ['/', LESSON, '/dashboard']) {
			await page.goto(server.url + path);
			expect((await box(page, '.site-header')).height).toBeLessThanOrEqual(56);
		}
	});

	it('shows a student three tabs at the foot of the screen, each at least 44 px square', async () => {
		const { page } = browser;
		await page.goto(server.url + '/');
		expect(await linkNames(mainNav(page))).toEqual(['Learn', 'Review 3 due', 'Progress']);
		const tabs = mainNav(page).getByRole('link');
		const bar = await box(page, 'nav[aria-label="Main"]');
		expect(bar.y + bar.height).toBe(PHONE.height);
		for (const tab of await tabs.all()) {
			const tabBox = (await tab.boundingBox())!;
			expect(tabBox.width).toBeGreaterThanOrEqual(44);
			expect(tabBox.height).toBeGreaterThanOrEqual(44);
		}
	});

	it('names the number of reviews due in the Review tab', async () => {
		const { page } = browser;
		await page.goto(server.url + '/');
		await mainNav(page).getByRole('link', { name: 'Review 3 due', exact: true }).waitFor();
	});

	it('marks the tab of the page, or of the section, as current', async () => {
		const { page } = browser;
		const current = () => mainNav(page).locator('[aria-current]:visible');
		await page.goto(server.url + '/dashboard');
		expect(await current().innerText()).toBe('Progress');
		expect(await current().getAttribute('aria-current')).toBe('page');
		await page.goto(server.url + LESSON);
		expect(await current().innerText()).toBe('Learn');
		expect(await current().getAttribute('aria-current')).toBe('true');
		await page.goto(server.url + '/sources');
		expect(await current().count()).toBe(0);
	});

	it('lets the last thing on a long page scroll clear of the tab bar', async () => {
		const { page } = browser;
		await page.goto(server.url + LESSON);
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		const last = await box(page, '.site-footer p');
		const bar = await box(page, 'nav[aria-label="Main"]');
		expect(last.y + last.height).toBeLessThanOrEqual(bar.y);
	});

	it('has no tab bar on a quiz attempt, whose own bar holds the foot of the screen', async () => {
		const { page } = browser;
		await page.goto(server.url + attemptPath);
		expect(await mainNav(page).isVisible()).toBe(false);
		await page.goto(server.url + LESSON);
		expect(await mainNav(page).isVisible()).toBe(true);
	});

	it('reaches the guides and the account from the menu by keyboard, and Escape closes it', async () => {
		const { page } = browser;
		await page.goto(server.url + '/', { waitUntil: 'networkidle' });
		const menu = page.locator('summary', { hasText: 'Menu' });
		await menu.focus();
		await page.keyboard.press('Enter');
		const sources = page.getByRole('link', { name: 'Sources', exact: true });
		await sources.waitFor();
		await page.getByText('Signed in as').waitFor();
		await page.keyboard.press('Escape');
		await sources.waitFor({ state: 'hidden' });
		expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);

		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		expect(await sources.evaluate((element) => element === document.activeElement)).toBe(true);
		await page.keyboard.press('Enter');
		await page.waitForURL(`${server.url}/sources`);
		// The layout stays on screen as the page changes: the menu closes behind the link.
		await sources.waitFor({ state: 'hidden' });
		expect(await page.locator('details a[href="/sources"]').getAttribute('aria-current')).toBe(
			'page'
		);
	});

	it('gives citation chips a tap area of at least 44 px around them', async () => {
		const { page } = browser;
		await page.goto(server.url + LESSON);
		const chip = page.locator('button.cite').first();
		await chip.evaluate((element) => element.scrollIntoView({ block: 'center' }));
		const { x, y, width, height } = (await chip.boundingBox())!;
		expect(height).toBeLessThan(44);
		const centre = { x: x + width / 2, y: y + height / 2 };
		for (const [dx, dy] of [
			[0, -21],
			[0, 21],
			[-21, 0],
			[21, 0]
		]) {
			const hit = await page.evaluate(
				({ x, y }) => document.elementFromPoint(x, y)?.closest('button.cite') !== null,
				{ x: centre.x + dx!, y: centre.y + dy! }
			);
			expect(hit, `${dx}, ${dy} from the chip's centre`).toBe(true);
		}
		await page.mouse.click(centre.x, centre.y - 20);
		await page.locator('.cite-card').first().waitFor();
	});

	it('gives every button, field and disclosure at least 44 × 44 px to tap', async () => {
		const { page } = browser;
		// The quiz's own controls (the review page's) are the quiz flow's to test.
		for (const path of [LESSON, '/dashboard', '/account']) {
			await page.goto(server.url + path);
			const controls = page.locator(
				'button:visible:not(.cite), .button:visible, summary:visible, input:visible, select:visible'
			);
			expect(await controls.count(), path).toBeGreaterThan(0);
			for (const control of await controls.all()) {
				const { width, height } = (await control.boundingBox())!;
				const what = `${path}: ${await control.evaluate((element) => element.outerHTML.slice(0, 80))}`;
				expect(Math.min(width, height), what).toBeGreaterThanOrEqual(44);
			}
		}
	});

	it('keeps breadcrumbs on one line, shortening the current page rather than wrapping', async () => {
		const { page } = browser;
		await page.setViewportSize({ width: 320, height: 640 });
		try {
			await page.goto(server.url + attemptPath);
			const crumbs = page.locator('.breadcrumbs ol');
			const items = await crumbs.locator('li').all();
			const tops = await Promise.all(items.map(async (item) => (await item.boundingBox())!.y));
			expect(new Set(tops).size).toBe(1);
			expect((await crumbs.boundingBox())!.height).toBeLessThanOrEqual(48);
			expect(await scrollsSideways(page)).toBe(false);
		} finally {
			await page.setViewportSize(PHONE);
		}
	});
});

describe('the tabs of others', () => {
	it('shows an instructor a fourth tab, Teach', async () => {
		const browser = await browserOf(instructor, PHONE);
		try {
			await browser.page.goto(server.url + '/teach');
			expect(await linkNames(mainNav(browser.page))).toEqual([
				'Learn',
				'Review',
				'Progress',
				'Teach'
			]);
			const tabs = mainNav(browser.page).getByRole('link');
			for (const tab of await tabs.all())
				expect((await tab.boundingBox())!.height).toBeGreaterThanOrEqual(44);
			expect(await tabs.last().getAttribute('aria-current')).toBe('page');
		} finally {
			await browser.close();
		}
	});

	it('offers a visitor Learn, Sign in and Sign up', async () => {
		const browser = await browserOf(null, PHONE);
		try {
			await browser.page.goto(server.url + '/');
			expect(await linkNames(mainNav(browser.page))).toEqual(['Learn', 'Sign in', 'Sign up']);
		} finally {
			await browser.close();
		}
	});
});

describe('without JavaScript', () => {
	it('opens the menu, follows a link in it and signs out from it', async () => {
		// Someone of their own: signing out ends the session for every browser holding it.
		const browser = await browserOf(await signUp(server), { ...PHONE, javaScriptEnabled: false });
		try {
			const { page } = browser;
			await page.goto(server.url + LESSON);
			await page.locator('summary', { hasText: 'Menu' }).click();
			await page.getByRole('link', { name: 'Your data' }).click();
			await page.waitForURL(`${server.url}/account`);
			await page.locator('summary', { hasText: 'Menu' }).click();
			await page.getByRole('button', { name: 'Sign out' }).click();
			await page.waitForURL(`${server.url}/`);
			expect(await linkNames(mainNav(page))).toEqual(['Learn', 'Sign in', 'Sign up']);
		} finally {
			await browser.close();
		}
	});
});

describe('on a wide screen (1280×800)', () => {
	it('puts the whole navigation on one line in the header', async () => {
		const browser = await browserOf(instructor, WIDE);
		try {
			const { page } = browser;
			await page.goto(server.url + LESSON);
			const links = mainNav(page).getByRole('link');
			expect(await linkNames(mainNav(page))).toEqual([
				'Learn',
				'Sources',
				'Who is who',
				'Timeline',
				'Review',
				'Progress',
				'Teach'
			]);
			const header = await box(page, '.site-header');
			expect(header.y).toBe(0);
			expect(header.height).toBeLessThanOrEqual(56);
			const centres = await Promise.all(
				[...(await links.all()), page.locator('summary', { hasText: 'Menu' })].map(
					async (element) => {
						const { y, height } = (await element.boundingBox())!;
						return Math.round(y + height / 2);
					}
				)
			);
			expect(new Set(centres).size).toBe(1);
		} finally {
			await browser.close();
		}
	});
});

// A student's pages in both colour schemes, at both widths, and the narrowest phones.
describe.each([PHONE, WIDE])('at $width px', (viewport) => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await browserOf(student, viewport);
	});
	afterAll(() => browser?.close());

	const pages = {
		home: '/',
		module: '/learn/franchise-model',
		lesson: LESSON,
		dashboard: '/dashboard',
		review: '/review',
		account: '/account'
	};
	for (const scheme of ['light', 'dark'] as const)
		it.each(Object.keys(pages) as (keyof typeof pages)[])(
			`axe-core finds no violations on the %s page in the ${scheme} scheme`,
			async (name) => {
				const { page } = browser;
				await page.emulateMedia({ colorScheme: scheme });
				await page.goto(server.url + pages[name]);
				expect(await axeViolations(page)).toEqual([]);
			}
		);

	it('axe-core finds no violations with the menu open', async () => {
		const { page } = browser;
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(server.url + LESSON);
			await page.locator('summary', { hasText: 'Menu' }).click();
			await page.getByRole('button', { name: 'Sign out' }).waitFor();
			expect(await axeViolations(page)).toEqual([]);
		}
	});
});

describe.each([320, 360])('at %i px wide', (width) => {
	it('no page scrolls sideways, with the menu shut or open', async () => {
		const browser = await browserOf(instructor, { width, height: 640 });
		try {
			const { page } = browser;
			for (const path of [
				'/',
				'/learn/franchise-model',
				LESSON,
				'/dashboard',
				'/review',
				'/account',
				'/teach'
			]) {
				await page.goto(server.url + path);
				expect(await scrollsSideways(page), path).toBe(false);
			}
			await page.locator('summary', { hasText: 'Menu' }).click();
			expect(await scrollsSideways(page)).toBe(false);
			const panel = (await page.locator('.site-header details > div').boundingBox())!;
			expect(panel.x).toBeGreaterThanOrEqual(0);
			expect(panel.x + panel.width).toBeLessThanOrEqual(width);
		} finally {
			await browser.close();
		}
	});
});
