import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, scrollsSideways, type Browser } from '../helpers/browser';
import { analyticsCommand } from '../helpers/cli';
import { execute } from '../helpers/db';
import { createClass, signUp, type CreatedClass, type Person } from '../helpers/people';
import { submitSampleQuiz } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let teacher: Person;
let klass: CreatedClass;
const STUDENTS = 14;

// A class long and wide enough to scroll both ways on any screen, with a cell of every band so
// axe-core checks every band's contrast.
beforeAll(async () => {
	server = await startServer();
	teacher = await signUp(server, 'instructor');
	klass = await createClass(server, teacher.visitor, 'Thursday seminar');
	const students: Person[] = [];
	for (let i = 0; i < STUDENTS; i++) {
		const student = await signUp(server, 'student', { displayName: `Student ${i + 1}` });
		await student.visitor.post(`/join/${klass.code}`, {});
		students.push(student);
	}
	await submitSampleQuiz(students[0]!.visitor, true);
	await submitSampleQuiz(students[1]!.visitor, false);
	await submitSampleQuiz(students[2]!.visitor, true);
	execute(
		server.databasePath,
		'update attempts set score = 0.6 where user_id = ?',
		students[2]!.id
	);
	// Changed by hand, so the summaries the grid reads are recomputed.
	expect(analyticsCommand(server.databasePath, ['rebuild']).status).toBe(0);
	await students[3]!.visitor.post('/learn/reading-the-sources/five-articles?/complete', {});
	const now = Date.now();
	execute(
		server.databasePath,
		`insert into lesson_progress (user_id, lesson_key, sections_reached, percent, active_seconds,
			visit_seconds, started_at, updated_at)
		values (?, 'reading-the-sources/fact-claim-opinion', '["intro"]', 40, 60, 60, ?, ?)`,
		students[4]!.id,
		now,
		now
	);
}, 120_000);
afterAll(() => server?.stop());

/** A browser signed in as the teacher (the session cookie their sign-up was given). */
async function teacherBrowser(options: Parameters<typeof openBrowser>[0]): Promise<Browser> {
	const browser = await openBrowser(options);
	await browser.context.addCookies(
		[...teacher.visitor.cookies].map(([name, value]) => ({ name, value, url: server.url }))
	);
	return browser;
}

const box = async (page: Page, selector: string) => {
	const found = await page.locator(selector).first().boundingBox();
	if (!found) throw new Error(`${selector} is not on screen`);
	return found;
};

for (const [width, height] of [
	[360, 640],
	[1280, 800]
] as const) {
	describe(`the class page at ${width}×${height}`, () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await teacherBrowser({ width, height });
			await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
				origin: server.url
			});
		});
		afterAll(() => browser?.close());

		it('keeps the header row and the names column in line while the grid scrolls both ways', async () => {
			const { page } = browser;
			await page.goto(server.url + klass.path);
			const scroller = page.locator('.grid-scroll');
			const moved = await scroller.evaluate((el) => {
				el.scrollLeft = 400;
				el.scrollTop = 150;
				return { left: el.scrollLeft, top: el.scrollTop };
			});
			// Wider and taller than its box at both sizes, so both really scrolled.
			expect(moved).toEqual({ left: 400, top: 150 });

			const frame = await scroller.evaluate((el) => {
				const rect = el.getBoundingClientRect();
				return { x: rect.x + el.clientLeft, y: rect.y + el.clientTop };
			});
			const corner = await box(page, '.class-grid thead th:first-child');
			expect(corner.x).toBeCloseTo(frame.x, 0);
			expect(corner.y).toBeCloseTo(frame.y, 0);

			// Each lesson heading sits over its own column, and stays at the top of the box.
			const heads = page.locator('.class-grid thead th.lesson');
			const lastRow = page.locator('.class-grid tbody tr').last();
			const cells = lastRow.locator('td.cell');
			expect(await heads.count()).toBe(await cells.count());
			for (const i of [0, 3, 7, 13]) {
				const head = (await heads.nth(i).boundingBox())!;
				const cell = (await cells.nth(i).boundingBox())!;
				expect(Math.abs(head.x - cell.x), `column ${i + 1}`).toBeLessThan(1);
				expect(Math.abs(head.width - cell.width), `column ${i + 1}`).toBeLessThan(1);
				expect(head.y).toBeCloseTo(frame.y, 0);
			}
			// The names stay at the left edge, in line with the heading above them.
			const name = (await lastRow.locator('th').boundingBox())!;
			expect(name.x).toBeCloseTo(corner.x, 0);
			expect(name.width).toBeCloseTo(corner.width, 0);
			expect(await scrollsSideways(page)).toBe(false);
		});

		it('passes axe-core in light and dark, with every band on show', async () => {
			const { page } = browser;
			for (const colorScheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme });
				await page.goto(server.url + klass.path);
				for (const band of ['high', 'mid', 'low', 'done', 'reading', 'not-started'])
					expect(await page.locator(`td.band-${band}`).count(), band).toBeGreaterThan(0);
				expect(await axeViolations(page), colorScheme).toEqual([]);
				expect(await scrollsSideways(page)).toBe(false);
			}
			await page.emulateMedia({ colorScheme: 'light' });
		}, 60_000);

		it('shows a lesson title in full when its heading has keyboard focus', async () => {
			const { page } = browser;
			await page.goto(server.url + klass.path);
			const last = page.locator('.class-grid thead th.lesson').last();
			const full = last.locator('.lesson-full');
			expect(await full.isVisible()).toBe(false);
			await last.getByRole('link').focus();
			expect(await full.isVisible()).toBe(true);
			expect(await full.textContent()).toBe(
				'14. Beyond Pakistan - over the horizon and isolating the Taliban'
			);
		});

		it('copies the join link and says so in a live region', async () => {
			const { page } = browser;
			await page.goto(server.url + klass.path);
			const link = await page.getByRole('textbox', { name: 'Join link' }).inputValue();
			expect(link).toBe(`${server.url}/join/${klass.code}`);
			await page.getByRole('button', { name: 'Copy link' }).click();
			await expect
				.poll(() => page.locator('.class-join [role="status"]').textContent())
				.toBe('Copied');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
		});

		it('shows the QR code large enough to project, whole and cleanly', async () => {
			const { page } = browser;
			await page.goto(server.url + klass.path);
			await page.getByRole('link', { name: 'Show QR code larger' }).click();
			await page.waitForURL(/\/qr$/);
			const qr = (await page
				.getByRole('img', { name: `QR code of the join link ${server.url}/join/${klass.code}` })
				.boundingBox())!;
			expect(qr.width).toBeGreaterThan(Math.min(width - 40, 400));
			// On a projector-shaped screen the whole code fits without scrolling.
			if (width > height) expect(qr.y + qr.height).toBeLessThanOrEqual(height);
			expect(await scrollsSideways(page)).toBe(false);
			expect(await axeViolations(page)).toEqual([]);
		});

		it('lets the keyboard reach the copy button and the grid, and scroll the grid', async () => {
			const { page } = browser;
			await page.goto(server.url + klass.path);
			await page.getByRole('button', { name: 'Copy link' }).waitFor();
			const reached: string[] = [];
			for (let i = 0; i < 60 && !reached.includes('region'); i++) {
				await page.keyboard.press('Tab');
				reached.push(
					await page.evaluate(() => {
						const el = document.activeElement!;
						return el.getAttribute('role') ?? `${el.tagName.toLowerCase()} ${el.textContent}`;
					})
				);
			}
			expect(reached).toContain('button Copy link');
			expect(reached).toContain('region');
			await page.keyboard.press('ArrowRight');
			await page.keyboard.press('ArrowRight');
			await expect
				.poll(() => page.locator('.grid-scroll').evaluate((el) => el.scrollLeft))
				.toBeGreaterThan(0);
		});
	});
}

describe('without JavaScript', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await teacherBrowser({ width: 360, height: 640, javaScriptEnabled: false });
	});
	afterAll(() => browser?.close());

	it('shows the link in a read-only field to select, and the QR code, without a copy button', async () => {
		const { page } = browser;
		await page.goto(server.url + klass.path);
		const field = page.getByRole('textbox', { name: 'Join link' });
		expect(await field.inputValue()).toBe(`${server.url}/join/${klass.code}`);
		expect(await field.getAttribute('readonly')).not.toBeNull();
		expect(await page.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
		const qr = page.getByRole('img', { name: `QR code of the join link ${server.url}/join/` });
		expect((await qr.boundingBox())!.width).toBeGreaterThan(100);
		expect(await scrollsSideways(page)).toBe(false);
	});
});
