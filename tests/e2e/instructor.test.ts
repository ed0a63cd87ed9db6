import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	axeViolations,
	openBrowser,
	scrollsSideways,
	signUpInBrowser,
	type Browser
} from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { execute } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

for (const [width, height] of [
	[360, 640],
	[1280, 800]
] as const) {
	describe(`an instructor and a student at ${width}×${height}`, () => {
		let teacher: Browser;
		let student: Browser;
		beforeAll(async () => {
			teacher = await openBrowser({ width, height });
			student = await openBrowser({ width, height });
		});
		afterAll(async () => {
			await teacher?.close();
			await student?.close();
		});

		it('creates a class, the student joins and completes a lesson, and the grid shows it', async () => {
			const teacherAccount = newAccount({ displayName: 'Ms Teacher' });
			await signUpInBrowser(teacher.page, server.url, teacherAccount);
			execute(
				server.databasePath,
				"update users set role = 'instructor' where email = ?",
				teacherAccount.email
			);

			await teacher.page.goto(`${server.url}/teach`);
			await teacher.page.getByLabel('Class name').fill(`Evening class ${width}`);
			await teacher.page.getByRole('button', { name: 'Create class' }).click();
			await teacher.page.waitForURL(/\/teach\/classes\/\d+$/);
			const joinLink = await teacher.page.getByRole('textbox', { name: 'Join link' }).inputValue();
			expect(await scrollsSideways(teacher.page)).toBe(false);
			expect(await axeViolations(teacher.page)).toEqual([]);

			const studentAccount = newAccount({ displayName: `Student ${width}` });
			await signUpInBrowser(student.page, server.url, studentAccount);
			await student.page.goto(joinLink);
			await student.page.getByRole('button', { name: 'Join the class' }).click();
			await student.page.waitForURL(/\/account\?joined=/);
			await student.page.goto(`${server.url}/learn/reading-the-sources/five-articles`);
			await student.page.getByRole('button', { name: 'Mark lesson complete' }).click();
			await student.page.getByText('You have completed this lesson.').waitFor();

			await teacher.page.reload();
			const row = teacher.page.locator('.class-grid tbody tr', { hasText: `Student ${width}` });
			expect(await row.locator('td').first().textContent()).toMatch(/^1\//);
			expect(await row.locator('td.band-done').count()).toBe(1);
			expect(await scrollsSideways(teacher.page)).toBe(false);
			expect(await axeViolations(teacher.page)).toEqual([]);

			await row.getByRole('link', { name: `Student ${width}` }).click();
			await teacher.page.getByRole('heading', { name: `Student ${width}` }).waitFor();
			expect(await axeViolations(teacher.page)).toEqual([]);

			await teacher.page.goto(`${server.url}/teach`);
			await teacher.page.getByRole('link', { name: `Evening class ${width}` }).click();
			// Nobody has submitted that quiz yet, so it is listed under the charts, folded away.
			await teacher.page.getByText('Quizzes nobody in the class has submitted').click();
			await teacher.page
				.getByRole('link', { name: 'Five articles, four kinds of text', exact: true })
				.click();
			await teacher.page.getByRole('heading', { name: /Item analysis/ }).waitFor();
			expect(await scrollsSideways(teacher.page)).toBe(false);
			expect(await axeViolations(teacher.page)).toEqual([]);
			// Two browsers, two sign-ups and four accessibility scans: long on a busy machine.
		}, 90_000);

		it('opens the coverage map from the class page, without sideways scrolling', async () => {
			await teacher.page.goto(`${server.url}/teach`);
			await teacher.page.getByRole('link', { name: `Evening class ${width}` }).click();
			await teacher.page.getByRole('link', { name: 'Coverage map' }).click();
			await teacher.page.getByRole('heading', { name: 'Coverage map', level: 1 }).waitFor();
			// Open a passage's questions, as an instructor following up a flag would.
			await teacher.page.locator('.passages summary').first().click();
			expect(await scrollsSideways(teacher.page)).toBe(false);
			expect(await axeViolations(teacher.page)).toEqual([]);
		}, 60_000);

		it('answers a wrong join code on the form, and shows the admin page, cleanly', async () => {
			await student.page.goto(`${server.url}/join`);
			await student.page.getByLabel('Join code from your instructor').fill('wrong-code');
			await student.page.getByRole('button', { name: 'Continue' }).click();
			await student.page.getByRole('alert').waitFor();
			expect(await student.page.getByLabel('Join code from your instructor').inputValue()).toBe(
				'wrong-code'
			);
			expect(await scrollsSideways(student.page)).toBe(false);
			expect(await axeViolations(student.page)).toEqual([]);

			execute(
				server.databasePath,
				"update users set role = 'admin' where display_name = 'Ms Teacher'"
			);
			await teacher.page.goto(`${server.url}/admin/users`);
			await teacher.page.getByRole('heading', { name: 'Users and roles' }).waitFor();
			expect(await scrollsSideways(teacher.page)).toBe(false);
			expect(await axeViolations(teacher.page)).toEqual([]);
		}, 60_000);
	});
}
