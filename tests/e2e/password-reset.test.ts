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
let admin: Browser;
let learner: Browser;
beforeAll(async () => {
	server = await startServer();
	admin = await openBrowser();
	// The learner's browser runs no JavaScript: the reset page must work without it.
	learner = await openBrowser({ javaScriptEnabled: false });
});
afterAll(async () => {
	await admin?.close();
	await learner?.close();
	await server?.stop();
});

describe('a password-reset link on a phone', () => {
	it('is made on the admin page and used to set a new password, cleanly', async () => {
		const adminAccount = newAccount({ displayName: 'Ms Admin' });
		await signUpInBrowser(admin.page, server.url, adminAccount);
		execute(
			server.databasePath,
			"update users set role = 'admin' where email = ?",
			adminAccount.email
		);
		const account = newAccount({ displayName: 'Forgetful Learner' });
		await signUpInBrowser(learner.page, server.url, account);

		await admin.page.goto(`${server.url}/admin/users?q=forgetful`);
		await admin.page
			.getByRole('button', { name: 'Make a reset link for Forgetful Learner' })
			.click();
		const field = admin.page.getByLabel(`Link for ${account.email}`);
		await field.waitFor();
		const link = await field.inputValue();
		expect(link).toMatch(new RegExp(`^${server.url}/reset/`));
		expect(await scrollsSideways(admin.page)).toBe(false);
		expect(await axeViolations(admin.page)).toEqual([]);

		// axe runs as a script, so the admin's browser checks the pages the learner sees.
		await admin.page.goto(link);
		await admin.page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
		expect(await axeViolations(admin.page)).toEqual([]);

		await learner.page.goto(link);
		await learner.page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
		expect(await scrollsSideways(learner.page)).toBe(false);
		await learner.page.getByLabel('New password').fill('a fresh start for me');
		await learner.page.getByRole('button', { name: 'Set the new password' }).click();
		await learner.page.getByText('Your password is changed. Sign in with the new one.').waitFor();
		expect(new URL(learner.page.url()).pathname).toBe('/sign-in');

		await learner.page.goto(link);
		await learner.page.getByRole('heading', { name: 'This reset link does not work' }).waitFor();
		expect(await learner.page.getByText('already been used').count()).toBe(1);
		await admin.page.goto(link);
		await admin.page.getByRole('heading', { name: 'This reset link does not work' }).waitFor();
		expect(await axeViolations(admin.page)).toEqual([]);
	}, 60_000);
});
