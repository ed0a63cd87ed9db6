import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { execute, query } from '../helpers/db';
import { postAnswer, sampleQuiz, startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

async function person(
	role: 'student' | 'instructor' | 'admin',
	overrides: Partial<ReturnType<typeof newAccount>> = {}
) {
	const account = newAccount(overrides);
	const visitor = new Visitor(server.url);
	await visitor.post('/sign-up', account);
	if (role !== 'student')
		execute(server.databasePath, 'update users set role = ? where email = ?', role, account.email);
	const [user] = query<{ id: number }>(
		server.databasePath,
		'select id from users where email = ?',
		account.email
	);
	return { visitor, account, id: user!.id };
}

async function createClass(instructor: Visitor, name = 'Politics 101') {
	const response = await instructor.post('/teach?/create', { name });
	expect(response.status).toBe(303);
	const path = response.headers.get('location')!;
	const [row] = query<{ id: number; join_code: string }>(
		server.databasePath,
		'select id, join_code from classes where id = ?',
		Number(path.split('/').at(-1))
	);
	return { path, id: row!.id, code: row!.join_code };
}

describe('classes and join codes', () => {
	it('lets a student join with the code or the link, once, in several classes', async () => {
		const teacher = await person('instructor');
		const first = await createClass(teacher.visitor, 'First');
		const second = await createClass(teacher.visitor, 'Second');
		const student = await person('student');
		const typed = `${first.code.slice(0, 4).toLowerCase()}-${first.code.slice(4)}`;
		expect((await student.visitor.post('/join', { code: typed })).headers.get('location')).toBe(
			`/join/${first.code}`
		);
		expect((await student.visitor.post(`/join/${first.code}`, {})).status).toBe(303);
		expect((await student.visitor.post(`/join/${first.code}`, {})).status).toBe(303);
		expect((await student.visitor.post(`/join/${second.code}`, {})).status).toBe(303);
		expect(
			query(
				server.databasePath,
				'select class_id from class_members where user_id = ? order by class_id',
				student.id
			)
		).toEqual([{ class_id: first.id }, { class_id: second.id }]);
	});

	it('makes one class of a double submit, and another only under another name', async () => {
		const teacher = await person('instructor');
		const first = await createClass(teacher.visitor, 'Evening seminar');
		const again = await createClass(teacher.visitor, '  evening SEMINAR ');
		expect(again.id).toBe(first.id);
		const other = await createClass(teacher.visitor, 'Morning seminar');
		expect(other.id).not.toBe(first.id);
		await teacher.visitor.post(`${first.path}?/archive`, {});
		const reopened = await createClass(teacher.visitor, 'Evening seminar');
		expect(reopened.id).not.toBe(first.id);
		expect(
			query(
				server.databasePath,
				'select count(*) as n from classes where instructor_id = ?',
				teacher.id
			)
		).toEqual([{ n: 3 }]);
	});

	it('reads a typed 0, 1 or 8 as the O, I or B a code can hold', async () => {
		const teacher = await person('instructor');
		const klass = await createClass(teacher.visitor);
		execute(
			server.databasePath,
			"update classes set join_code = 'OIBQ2345' where id = ?",
			klass.id
		);
		const student = await person('student');
		const typed = await student.visitor.post('/join', { code: '0i8q 2345' });
		expect(typed.headers.get('location')).toBe('/join/OIBQ2345');
		expect((await student.visitor.post('/join/0I8Q-2345', {})).status).toBe(303);
		expect(
			query(server.databasePath, 'select user_id from class_members where class_id = ?', klass.id)
		).toEqual([{ user_id: student.id }]);
	});

	it('refuses a wrong, a rotated and an archived code, each with its reason', async () => {
		const teacher = await person('instructor');
		const klass = await createClass(teacher.visitor);
		const student = await person('student');
		const wrong = await student.visitor.get('/join/ZZZZZZZZ');
		expect(wrong.status).toBe(404);
		expect(await wrong.text()).toContain('does not match any class');
		// Typed into the form, the same code is answered on the form, with what was typed kept.
		const typed = await student.visitor.post('/join', { code: 'zzzz-zzzz' });
		expect(typed.status).toBe(400);
		const page = await typed.text();
		expect(page).toContain('That join code does not match a class.');
		expect(page).toContain('value="zzzz-zzzz"');

		await teacher.visitor.post(`${klass.path}?/rotate`, {});
		expect((await student.visitor.post(`/join/${klass.code}`, {})).status).toBe(404);
		const [rotated] = query<{ join_code: string }>(
			server.databasePath,
			'select join_code from classes where id = ?',
			klass.id
		);
		const join_code = rotated!.join_code;
		expect(join_code).not.toBe(klass.code);

		await teacher.visitor.post(`${klass.path}?/archive`, {});
		const archived = await student.visitor.post(`/join/${join_code}`, {});
		expect(archived.status).toBe(410);
		expect(await archived.text()).toContain('archived');
		expect(
			query(server.databasePath, 'select * from class_members where class_id = ?', klass.id)
		).toEqual([]);
	});

	it('renames, and removes a student', async () => {
		const teacher = await person('instructor');
		const klass = await createClass(teacher.visitor);
		const student = await person('student');
		await student.visitor.post(`/join/${klass.code}`, {});
		await teacher.visitor.post(`${klass.path}?/rename`, { name: 'Renamed class' });
		expect(await (await teacher.visitor.get(klass.path)).text()).toContain('Renamed class');
		const blank = await teacher.visitor.post(`${klass.path}?/rename`, { name: '  ' });
		expect(blank.status).toBe(400);
		await teacher.visitor.post(`${klass.path}/students/${student.id}?/remove`, {});
		expect(
			query(server.databasePath, 'select * from class_members where class_id = ?', klass.id)
		).toEqual([]);
	});
});

describe('who may see a class', () => {
	const routes = (klass: { path: string }, studentId: number) =>
		[
			['GET', klass.path],
			['GET', `${klass.path}/students/${studentId}`],
			['GET', `${klass.path}/quizzes/franchise-model/local-allies`],
			['GET', `${klass.path}/coverage`],
			['GET', `${klass.path}/export/grid.csv`],
			['GET', `${klass.path}/export/responses.csv`],
			['GET', `${klass.path}/qr`],
			['POST', `${klass.path}?/rename`],
			['POST', `${klass.path}?/rotate`],
			['POST', `${klass.path}?/archive`],
			['POST', `${klass.path}?/unarchive`],
			['POST', `${klass.path}/students/${studentId}?/remove`]
		] as const;

	it('refuses another instructor, a student and a signed-out visitor on every route; admits owner and admin', async () => {
		const owner = await person('instructor');
		const klass = await createClass(owner.visitor);
		const student = await person('student');
		await student.visitor.post(`/join/${klass.code}`, {});
		const other = await person('instructor');
		const admin = await person('admin');
		const anonymous = new Visitor(server.url);

		const send = (visitor: Visitor, [method, path]: readonly [string, string]) =>
			method === 'GET'
				? visitor.get(path)
				: visitor.post(path, { name: 'Hijacked', student: String(student.id) });

		for (const route of routes(klass, student.id)) {
			expect((await send(other.visitor, route)).status, `other instructor ${route.join(' ')}`).toBe(
				403
			);
			expect((await send(student.visitor, route)).status, `student ${route.join(' ')}`).toBe(403);
			const signedOut = await send(anonymous, route);
			expect(signedOut.status, `anonymous ${route.join(' ')}`).toBe(303);
			expect(signedOut.headers.get('location')).toMatch(/^\/sign-in\?redirectTo=/);
		}
		// nothing changed hands
		expect(
			query(server.databasePath, 'select name, archived_at from classes where id = ?', klass.id)
		).toEqual([{ name: 'Politics 101', archived_at: null }]);
		expect(
			query(server.databasePath, 'select user_id from class_members where class_id = ?', klass.id)
		).toEqual([{ user_id: student.id }]);

		for (const [method, path] of routes(klass, student.id).filter(([method]) => method === 'GET')) {
			expect((await owner.visitor.get(path)).status, `owner ${method} ${path}`).toBe(200);
			expect((await admin.visitor.get(path)).status, `admin ${method} ${path}`).toBe(200);
		}
		expect(await (await admin.visitor.get('/teach')).text()).toContain('Politics 101');
		expect(await (await other.visitor.get('/teach')).text()).not.toContain('Politics 101');
	});

	it('keeps the admin page to admins, who can make instructors', async () => {
		const admin = await person('admin');
		const teacher = await person('instructor');
		const learner = await person('student');
		expect((await teacher.visitor.get('/admin/users')).status).toBe(403);
		expect(
			(
				await learner.visitor.post('/admin/users?/role', {
					email: learner.account.email,
					role: 'admin'
				})
			).status
		).toBe(403);
		const promoted = await admin.visitor.post('/admin/users?/role', {
			email: learner.account.email,
			role: 'instructor'
		});
		expect(await promoted.text()).toContain('is now instructor.');
		expect((await learner.visitor.get('/teach')).status).toBe(200);

		// A typed _ is a character to find, not a wildcard.
		await person('student', { displayName: 'Under_score Reader' });
		const found = await (await admin.visitor.get('/admin/users?q=_')).text();
		expect(found).toContain('Under_score Reader');
		expect(found).not.toContain(learner.account.displayName);
	});
});

describe('CSV exports', () => {
	it('neutralise spreadsheet formulas and read back through a CSV parser', async () => {
		const teacher = await person('instructor');
		const klass = await createClass(teacher.visitor);
		const sly = await person('student', {
			displayName: '=HYPERLINK("http://evil.example","click")'
		});
		const plus = await person('student', { displayName: '+1 (555) quiz' });
		for (const student of [sly, plus]) {
			await student.visitor.post(`/join/${klass.code}`, {});
			const attempt = await startAttempt(student.visitor);
			await postAnswer(student.visitor, attempt, sampleQuiz.questions[0]!, true);
			await student.visitor.post(`${attempt}?/submit`, {});
		}
		const grid = await (await teacher.visitor.get(`${klass.path}/export/grid.csv`)).text();
		const parsed = Papa.parse<Record<string, string>>(grid, { header: true, skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		const names = parsed.data.map((row) => row.Student).sort();
		expect(names).toEqual([`'+1 (555) quiz`, `'=HYPERLINK("http://evil.example","click")`]);
		expect(parsed.data.every((row) => row['Lessons done'] === '0')).toBe(true);

		const responses = await (
			await teacher.visitor.get(`${klass.path}/export/responses.csv`)
		).text();
		const rows = Papa.parse<Record<string, string>>(responses, {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(rows).toHaveLength(2);
		expect(
			rows.every((row) => row.question === sampleQuiz.questions[0]!.id && row.score === '1')
		).toBe(true);
		expect(rows.map((row) => row.student ?? '').every((name) => /^'[=+]/.test(name))).toBe(true);
	});
});
