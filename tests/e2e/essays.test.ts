import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, scrollsSideways, type Browser } from '../helpers/browser';
import { addEssay } from '../helpers/essays';
import { createClass, signUp, type CreatedClass, type Person } from '../helpers/people';
import { startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

// An essay written on a phone and on a desktop, by keyboard, then marked on the To grade page:
// both pages without sideways scrolling and clean under axe, before and after the mark.

let server: TestServer;
let teacher: Person;
let klass: CreatedClass;
let essayNumber: number;

beforeAll(async () => {
	server = await startServer();
	essayNumber = addEssay(server.databasePath, 'franchise-model/local-allies');
	teacher = await signUp(server, 'instructor');
	klass = await createClass(server, teacher.visitor, 'Essay seminar');
}, 60_000);
afterAll(() => server?.stop());

const signedIn = async (browser: Browser, person: Person) =>
	browser.context.addCookies(
		[...person.visitor.cookies].map(([name, value]) => ({ name, value, url: server.url }))
	);

for (const width of [360, 1280]) {
	describe(`an essay at ${width} px`, () => {
		let learner: Browser;
		let grader: Browser;
		let student: Person;
		let attempt: string;
		beforeAll(async () => {
			student = await signUp(server, 'student', { displayName: `Writer at ${width}` });
			await student.visitor.post(`/join/${klass.code}`, {});
			attempt = await startAttempt(student.visitor);
			learner = await openBrowser({ width, height: 800 });
			grader = await openBrowser({ width, height: 800 });
			await signedIn(learner, student);
			await signedIn(grader, teacher);
		}, 60_000);
		afterAll(async () => {
			await learner?.close();
			await grader?.close();
		});

		it('is written in a labelled box by keyboard, then awaits the instructor’s grading', async () => {
			const { page } = learner;
			await page.goto(`${server.url}${attempt}?q=${essayNumber}`);
			const box = page.getByLabel('Your answer');
			expect(await box.inputValue()).toBe('The columnist means');
			expect(await scrollsSideways(page)).toBe(false);
			expect(await axeViolations(page)).toEqual([]);
			await box.focus();
			await page.keyboard.press('Control+A');
			await page.keyboard.type('Local groups act under the banner without any central command.');
			await expect.poll(() => page.getByText('10 words.').count()).toBe(1);
			// Skip comes first in the action bar, then Check.
			await page.keyboard.press('Tab');
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check answer');
			await page.keyboard.press('Enter');
			await page.getByRole('heading', { name: 'Awaits your instructor’s grading' }).waitFor();
			expect(await scrollsSideways(page)).toBe(false);
			expect(await axeViolations(page)).toEqual([]);
		}, 60_000);

		it('is marked on the To grade page, by keyboard, and the learner sees the mark', async () => {
			expect((await student.visitor.post(`${attempt}?/submit`, {})).status).toBe(303);
			const { page } = grader;
			await page.goto(`${server.url}${klass.path}`);
			await page.getByRole('link', { name: /To grade: 1/ }).click();
			await page.getByRole('heading', { name: 'To grade', level: 1 }).waitFor();
			const essay = page.getByRole('article', { name: `Writer at ${width}` });
			await essay.getByText('Local groups act under the banner').waitFor();
			expect(await scrollsSideways(page)).toBe(false);
			expect(await axeViolations(page)).toEqual([]);
			await essay.getByLabel('Mark, in % of the question').focus();
			await page.keyboard.type('70');
			await page.keyboard.press('Tab');
			await page.keyboard.type('Say which groups.');
			await page.keyboard.press('Tab');
			await page.keyboard.press('Enter');
			await page.getByRole('status').getByText('Mark saved.').waitFor();
			expect(await scrollsSideways(page)).toBe(false);
			expect(await axeViolations(page)).toEqual([]);

			await learner.page.goto(`${server.url}${attempt}?q=${essayNumber}`);
			await learner.page
				.getByRole('heading', { name: 'Marked by your instructor: 70 %' })
				.waitFor();
			await learner.page.getByText('Say which groups.').waitFor();
			expect(await axeViolations(learner.page)).toEqual([]);
		}, 60_000);
	});
}
