import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userCommand } from '../helpers/cli';
import { newAccount, Visitor } from '../helpers/client';
import { execute, query } from '../helpers/db';
import { postAnswer, sampleQuiz, startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

const REFUSED = 'The name contains an invisible character (U+202E) that could disguise it.';
// Anything that would reorder, hide or break a name on screen or in a spreadsheet (a page's own
// tabs and line breaks aside).
const hidden = /(?![\t\n\r])[\p{Cc}\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F]/u;

const usersWith = (email: string) =>
	query(server.databasePath, 'select id from users where email = ?', email);

async function person(role: 'student' | 'instructor' | 'admin', displayName?: string) {
	const account = newAccount(displayName ? { displayName } : {});
	const visitor = new Visitor(server.url);
	expect((await visitor.post('/sign-up', account)).status).toBe(303);
	if (role !== 'student')
		execute(server.databasePath, 'update users set role = ? where email = ?', role, account.email);
	return { visitor, account };
}

describe('names', () => {
	it('refuses a sign-up whose name holds a bidi override, and stores nothing', async () => {
		const account = newAccount({ displayName: '\u202Eevil' });
		const response = await new Visitor(server.url).post('/sign-up', account);
		expect(response.status).toBe(400);
		expect(await response.text()).toContain(REFUSED);
		expect(usersWith(account.email)).toEqual([]);
	});

	it('trims names and keeps emoji and joiners inside words', async () => {
		for (const [typed, stored] of [
			['  Ada Lovelace \t', 'Ada Lovelace'],
			['Sam \u{1F469}\u{1F3FD}\u200D\u{1F4BB}', 'Sam \u{1F469}\u{1F3FD}\u200D\u{1F4BB}'],
			['فاطمہ\u200Cبی', 'فاطمہ\u200Cبی']
		]) {
			const { account } = await person('student', typed);
			expect(
				query(server.databasePath, 'select display_name from users where email = ?', account.email)
			).toEqual([{ display_name: stored }]);
		}
	});

	it('refuses the same names in npm run user -- create', () => {
		const account = newAccount();
		const created = userCommand(
			server.databasePath,
			['create', '--email', account.email, '--name', 'Ada\u2066 Lovelace'],
			`${account.password}\n`
		);
		expect(created.status).toBe(1);
		expect(created.stderr).toContain('invisible character (U+2066)');
		expect(usersWith(account.email)).toEqual([]);
	});

	it('refuses such class names when creating or renaming a class', async () => {
		const { visitor } = await person('instructor');
		const refused = await visitor.post('/teach?/create', { name: 'Politics\u200B 101' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('invisible character (U+200B)');
		const created = await visitor.post('/teach?/create', { name: 'Politics 101' });
		const path = created.headers.get('location')!;
		const rename = await visitor.post(`${path}?/rename`, { name: '\u202EPolitics' });
		expect(rename.status).toBe(400);
		expect(await rename.text()).toContain(REFUSED);
		expect(
			query(
				server.databasePath,
				'select name from classes where id = ?',
				Number(path.split('/').at(-1))
			)
		).toEqual([{ name: 'Politics 101' }]);
	});

	it('cleans names stored before the rule wherever they are shown and exported', async () => {
		const teacher = await person('admin');
		const created = await teacher.visitor.post('/teach?/create', { name: 'Old names' });
		const path = created.headers.get('location')!;
		const [klass] = query<{ join_code: string; id: number }>(
			server.databasePath,
			'select id, join_code from classes where id = ?',
			Number(path.split('/').at(-1))
		);
		const student = await person('student');
		await student.visitor.post(`/join/${klass!.join_code}`, {});
		const attempt = await startAttempt(student.visitor);
		await postAnswer(student.visitor, attempt, sampleQuiz.questions[0]!, true);
		// As an older version of the app could have stored them:
		execute(
			server.databasePath,
			'update users set display_name = ? where email = ?',
			'\u202Egnirts\u200B \nKhan\u0007',
			student.account.email
		);
		execute(
			server.databasePath,
			'update classes set name = ? where id = ?',
			'\u2067Old\u2069 names',
			klass!.id
		);
		const shown = 'gnirts  Khan';

		const grid = await (await teacher.visitor.get(`${path}/export/grid.csv`)).text();
		const gridRows = Papa.parse<Record<string, string>>(grid.replace(/^\uFEFF/, ''), {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(gridRows.map((row) => row.Student)).toEqual([shown]);
		const responses = await (await teacher.visitor.get(`${path}/export/responses.csv`)).text();
		const responseRows = Papa.parse<Record<string, string>>(responses.replace(/^\uFEFF/, ''), {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(responseRows.map((row) => row.student)).toEqual([shown]);

		const pages = [
			await (await teacher.visitor.get(path)).text(),
			await (await teacher.visitor.get('/teach')).text(),
			await (await teacher.visitor.get(`/admin/users?q=khan`)).text(),
			await (await student.visitor.get('/')).text(),
			await (await student.visitor.get(`/join/${klass!.join_code}`)).text()
		];
		for (const [index, page] of pages.entries()) expect(page, `page ${index}`).not.toMatch(hidden);
		expect(pages[0]).toContain(shown);
		expect(pages[1]).toContain('Old names');
		expect(pages[2]).toContain(shown);
		expect(pages[3]).toContain(`Signed in as <strong>${shown}</strong>`);
		expect(pages[4]).toContain('Old names');
	});
});
