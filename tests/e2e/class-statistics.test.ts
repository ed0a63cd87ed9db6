import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, scrollsSideways, type Browser } from '../helpers/browser';
import { createClass, signUp, type CreatedClass, type Person } from '../helpers/people';
import { postAnswer, sampleQuiz, startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

// The item analysis and the coverage map with figures in them (five students have submitted the
// sample quiz), on a phone and on a desktop, with the keyboard reaching their filters.

let server: TestServer;
let teacher: Person;
let klass: CreatedClass;

beforeAll(async () => {
	server = await startServer();
	teacher = await signUp(server, 'instructor');
	klass = await createClass(server, teacher.visitor, 'Statistics seminar');
	for (let i = 0; i < 5; i++) {
		const student = await signUp(server, 'student');
		await student.visitor.post(`/join/${klass.code}`, {});
		const attempt = await startAttempt(student.visitor);
		for (const question of sampleQuiz.questions)
			await postAnswer(student.visitor, attempt, question, (i + question.id.length) % 3 !== 0);
		await student.visitor.post(`${attempt}?/submit`, {});
	}
}, 120_000);
afterAll(() => server?.stop());

for (const width of [360, 1280]) {
	describe(`class statistics at ${width} px`, () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await openBrowser({ width, height: 800 });
			await browser.context.addCookies(
				[...teacher.visitor.cookies].map(([name, value]) => ({ name, value, url: server.url }))
			);
		});
		afterAll(() => browser?.close());

		it('shows the item analysis with its summary, without sideways scrolling, filter by keyboard', async () => {
			const { page } = browser;
			await page.goto(`${server.url}${klass.path}/quizzes/franchise-model/local-allies`);
			await page.getByRole('heading', { name: /Item analysis/ }).waitFor();
			expect(await scrollsSideways(page)).toBe(false);
			expect(await axeViolations(page)).toEqual([]);
			const firstAttempts = page.getByLabel(/first attempts/i).first();
			await firstAttempts.focus();
			await page.keyboard.press('Space');
			await page.keyboard.press('Enter');
			await page.waitForURL(/attempts=first/);
		}, 60_000);

		it('shows the coverage map with figures, without sideways scrolling', async () => {
			const { page } = browser;
			await page.goto(`${server.url}${klass.path}/coverage`);
			await page.getByRole('heading', { name: 'Coverage map', level: 1 }).waitFor();
			await page.locator('.passages summary').first().press('Enter');
			expect(await scrollsSideways(page)).toBe(false);
			expect(await axeViolations(page)).toEqual([]);
		}, 60_000);
	});
}
