import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userCommand } from '../helpers/cli';
import { newAccount, Visitor } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

describe('/teach', () => {
	it('sends a signed-out visitor to sign in, and back afterwards', async () => {
		const response = await new Visitor(server.url).get('/teach');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/sign-in?redirectTo=%2Fteach');
	});

	it('refuses a student with 403 and a friendly page', async () => {
		const student = new Visitor(server.url);
		await student.post('/sign-up', newAccount());
		const response = await student.get('/teach');
		expect(response.status).toBe(403);
		const page = await response.text();
		expect(page).toContain('Not allowed');
		expect(page).toContain('This area is for instructors.');
	});

	it('opens for an instructor created with the user command', async () => {
		const account = newAccount();
		const created = userCommand(
			server.databasePath,
			['create', '--email', account.email, '--name', 'Dr Instructor', '--role', 'instructor'],
			`${account.password}\n`
		);
		expect(created.stderr).toBe('');
		expect(created.stdout).toContain(`Created instructor ${account.email}`);

		const instructor = new Visitor(server.url);
		await instructor.post('/sign-in', account);
		const response = await instructor.get('/teach');
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('Welcome, Dr Instructor');
	});

	it('opens for a student after the user command promotes them to admin', async () => {
		const account = newAccount();
		const visitor = new Visitor(server.url);
		await visitor.post('/sign-up', account);
		expect((await visitor.get('/teach')).status).toBe(403);

		const promoted = userCommand(server.databasePath, [
			'promote',
			'--email',
			account.email.toUpperCase(),
			'--role',
			'admin'
		]);
		expect(promoted.stdout).toContain(`${account.email} is now admin.`);
		expect((await visitor.get('/teach')).status).toBe(200);
	});

	it('shows the Teach link only to those who may use it', async () => {
		const student = new Visitor(server.url);
		await student.post('/sign-up', newAccount());
		expect(await (await student.get('/')).text()).not.toContain('href="/teach"');
	});
});

describe('npm run user', () => {
	it('explains bad input and changes nothing', () => {
		const noRole = userCommand(server.databasePath, [
			'promote',
			'--email',
			'nobody@example.org',
			'--role',
			'instructor'
		]);
		expect(noRole.status).toBe(1);
		expect(noRole.stderr).toContain('No account with the email nobody@example.org.');

		const badRole = userCommand(server.databasePath, [
			'promote',
			'--email',
			'a@b.org',
			'--role',
			'king'
		]);
		expect(badRole.stderr).toContain('--role must be one of: student, instructor, admin');

		const weak = userCommand(
			server.databasePath,
			['create', '--email', 'c@d.org', '--name', 'C'],
			'short\n'
		);
		expect(weak.status).toBe(1);
		expect(weak.stderr).toContain('Use at least 8 characters.');

		const unknown = userCommand(server.databasePath, ['delete']);
		expect(unknown.stderr).toContain('Unknown command "delete"');
	});
});
