import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Visitor } from '../helpers/client';
import { execute, query } from '../helpers/db';
import { createClass, joinCodeOf, signUp, type Person } from '../helpers/people';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

const membersOf = (classId: number) =>
	query<{ user_id: number }>(
		server.databasePath,
		'select user_id from class_members where class_id = ? order by user_id',
		classId
	).map((row) => row.user_id);

async function page(visitor: Visitor, path: string) {
	const response = await visitor.get(path);
	return { status: response.status, html: await response.text() };
}

async function join(student: Person, code: string) {
	const response = await student.visitor.post(`/join/${code}`, {});
	expect(response.status).toBe(303);
	return response.headers.get('location')!;
}

const leavePath = (classId: number | string) => `/account/classes/${classId}/leave`;

/** An instructor with a class, and a student who has joined it. */
async function classWithStudent(className: string, instructorName = 'Farah Instructor') {
	const teacher = await signUp(server, 'instructor', { displayName: instructorName });
	const klass = await createClass(server, teacher.visitor, className);
	const student = await signUp(server, 'student', { displayName: `Pupil of ${className}` });
	const landing = await join(student, klass.code);
	return { teacher, klass, student, landing };
}

describe('joining a class', () => {
	it('names the class and its instructor before joining', async () => {
		const teacher = await signUp(server, 'instructor', { displayName: 'Omar Instructor' });
		const klass = await createClass(server, teacher.visitor, 'Morning reading group');
		const student = await signUp(server);
		const { status, html } = await page(student.visitor, `/join/${klass.code}`);
		expect(status).toBe(200);
		expect(html).toContain('Join “Morning reading group”');
		expect(html).toContain('Taught by Omar Instructor');
		expect(html).toContain('Omar Instructor will see your progress');
	});

	it('lands on the account page with a confirmation naming the class, its instructor and what it means', async () => {
		const { klass, student, landing } = await classWithStudent('Evening seminar');
		expect(landing).toBe(`/account?joined=${klass.id}`);
		const { status, html } = await page(student.visitor, landing);
		expect(status).toBe(200);
		const banner = html.slice(html.indexOf('role="alert"'), html.indexOf('<h1'));
		expect(banner).toContain('Success');
		expect(banner).toContain('You joined “Evening seminar”');
		expect(banner).toContain('Farah Instructor, who teaches it, can now see your progress');
		expect(banner).toMatch(/tabindex="-1"/);
		expect(html).toMatch(/<div[^>]*role="alert"[^>]*autofocus/);
	});

	it('confirms nothing for a class the student is not in, so the address names no other class', async () => {
		const { klass } = await classWithStudent('Private seminar');
		const outsider = await signUp(server);
		const { status, html } = await page(outsider.visitor, `/account?joined=${klass.id}`);
		expect(status).toBe(200);
		expect(html).not.toContain('role="alert"');
		expect(html).not.toContain('Private seminar');
		expect(html).toContain('You are not in a class.');
	});
});

describe('the account page lists the student’s classes', () => {
	it('with name, instructor, joined date and a leave link, the latest joined first', async () => {
		const { klass, student } = await classWithStudent('First seminar', 'Amina Instructor');
		const other = await signUp(server, 'instructor', { displayName: 'Bilal Instructor' });
		const second = await createClass(server, other.visitor, 'Second seminar');
		await join(student, second.code);
		execute(
			server.databasePath,
			'update class_members set joined_at = ? where class_id = ? and user_id = ?',
			Date.UTC(2025, 5, 3, 12),
			klass.id,
			student.id
		);

		const { html } = await page(student.visitor, '/account');
		const section = html.slice(html.indexOf('id="your-classes"'), html.indexOf('>Download<'));
		expect(section.indexOf('Second seminar')).toBeGreaterThan(-1);
		expect(section.indexOf('Second seminar')).toBeLessThan(section.indexOf('First seminar'));
		expect(section).toContain('Taught by Amina Instructor');
		expect(section).toContain('Taught by Bilal Instructor');
		expect(section).toContain('<time datetime="2025-06-03T12:00:00.000Z">3 June 2025</time>');
		expect(section).toContain(`href="${leavePath(klass.id)}"`);
		expect(section).toContain(`href="${leavePath(second.id)}"`);
		expect(section).toMatch(/If you leave a class, its instructor no\s+longer sees it/);
	});

	it('says when a class has been archived', async () => {
		const { teacher, klass, student } = await classWithStudent('Closed seminar');
		await teacher.visitor.post(`${klass.path}?/archive`, {});
		const { html } = await page(student.visitor, '/account');
		expect(html).toContain('Archived: it takes no new students');
	});
});

describe('leaving a class', () => {
	it('asks first, saying what leaving means, and changes nothing until confirmed', async () => {
		const { klass, student } = await classWithStudent('Thinking seminar', 'Sana Instructor');
		const { status, html } = await page(student.visitor, leavePath(klass.id));
		expect(status).toBe(200);
		expect(html).toContain('Leave “Thinking seminar”?');
		expect(html).toContain('Sana Instructor no longer sees your progress');
		expect(html).toContain('Your own progress stays');
		expect(html).toMatch(/<form[^>]*method="POST"/);
		expect(membersOf(klass.id)).toEqual([student.id]);
	});

	it('removes the membership from the database, the instructor’s grid and the data export, and keeps the progress', async () => {
		const { teacher, klass, student } = await classWithStudent('Leaving seminar');
		const classmate = await signUp(server, 'student', { displayName: 'Staying Classmate' });
		await join(classmate, klass.code);
		const progress = await student.visitor.postJson('/api/progress', {
			lesson: 'franchise-model/local-allies',
			section: 'end',
			visitId: 'visit-before-leaving',
			activeSeconds: 30
		});
		expect(progress.status).toBe(200);
		const progressRows = () =>
			query(server.databasePath, 'select * from lesson_progress where user_id = ?', student.id);
		const progressBefore = progressRows();
		expect(progressBefore).toHaveLength(1);
		expect(await (await teacher.visitor.get(klass.path)).text()).toContain(
			'Pupil of Leaving seminar'
		);

		const left = await student.visitor.post(leavePath(klass.id), {});
		expect(left.status).toBe(303);
		expect(left.headers.get('location')).toBe('/account');

		expect(membersOf(klass.id)).toEqual([classmate.id]);
		const grid = await (await teacher.visitor.get(klass.path)).text();
		expect(grid).not.toContain('Pupil of Leaving seminar');
		expect(grid).toContain('Staying Classmate');
		expect((await teacher.visitor.get(`${klass.path}/students/${student.id}`)).status).toBe(404);
		const exported = (await (await student.visitor.get('/account/export.json')).json()) as {
			classes: unknown[];
		};
		expect(exported.classes).toEqual([]);
		expect(progressRows()).toEqual(progressBefore);

		// Confirmed once on the account page, which no longer lists the class.
		const account = await page(student.visitor, '/account');
		expect(account.html).toContain('You left “Leaving seminar”');
		expect(account.html).toContain('Its instructor no longer sees your progress');
		expect(account.html).not.toContain(leavePath(klass.id));
		const again = await page(student.visitor, '/account');
		expect(again.html).not.toContain('You left');
	});

	it('lets nobody else make a student leave', async () => {
		const { teacher, klass, student } = await classWithStudent('Guarded seminar');
		const classmate = await signUp(server);
		await join(classmate, klass.code);
		const outsider = await signUp(server);
		const admin = await signUp(server, 'admin');

		for (const [who, visitor] of [
			['outsider', outsider.visitor],
			['instructor', teacher.visitor],
			['admin', admin.visitor]
		] as const) {
			const confirm = await page(visitor, leavePath(klass.id));
			expect(confirm.status, `${who} opens the confirmation`).toBe(404);
			expect(confirm.html).not.toContain('Guarded seminar');
			// The form names no person; one that tries to is not listened to.
			const posted = await visitor.post(leavePath(klass.id), { userId: String(student.id) });
			expect(posted.status, `${who} posts the form`).toBe(404);
			expect(await posted.text()).toContain('You are not in this class');
		}
		expect(membersOf(klass.id)).toEqual([student.id, classmate.id].sort((a, b) => a - b));

		// A classmate naming the student leaves only themselves.
		const posted = await classmate.visitor.post(leavePath(klass.id), {
			userId: String(student.id)
		});
		expect(posted.status).toBe(303);
		expect(membersOf(klass.id)).toEqual([student.id]);
	});

	it('answers 404 for a class the student is not in, one that does not exist, or a bad address', async () => {
		const { klass, student } = await classWithStudent('Once seminar');
		expect((await student.visitor.post(leavePath(klass.id), {})).status).toBe(303);
		for (const classId of [klass.id, 999_999, 'abc', '1.5', '-1', '99999999999999999999']) {
			expect((await student.visitor.post(leavePath(classId), {})).status, `${classId}`).toBe(404);
			const { status, html } = await page(student.visitor, leavePath(classId));
			expect(status, `${classId}`).toBe(404);
			expect(html).toContain('You are not in this class');
		}
	});

	it('sends a visitor who is not signed in to sign in, and back', async () => {
		const { klass } = await classWithStudent('Open seminar');
		const response = await new Visitor(server.url).post(leavePath(klass.id), {});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(
			`/sign-in?redirectTo=${encodeURIComponent(leavePath(klass.id))}`
		);
		expect(membersOf(klass.id)).toHaveLength(1);
	});
});

describe('an old or mistyped join link', () => {
	/** The helpful page: its status, and the typed-code form holding the code from the link. */
	async function refusal(visitor: Visitor, code: string, method: 'GET' | 'POST' = 'GET') {
		const response =
			method === 'GET'
				? await visitor.get(`/join/${code}`)
				: await visitor.post(`/join/${code}`, {});
		const html = await response.text();
		expect(html).not.toContain('Page not found');
		expect(html).toMatch(/<form[^>]*method="POST"[^>]*action="\/join"/);
		expect(html).toContain(`name="code"`);
		expect(html).toContain(`value="${code}"`);
		return { status: response.status, html };
	}

	it('explains a mistyped code with a 404 and lets the student correct it', async () => {
		const teacher = await signUp(server, 'instructor');
		const klass = await createClass(server, teacher.visitor, 'Typo seminar');
		const student = await signUp(server);
		const mistyped = `${klass.code.slice(0, 7)}${klass.code.at(7) === 'Z' ? 'Y' : 'Z'}`;
		const { status, html } = await refusal(student.visitor, mistyped);
		expect(status).toBe(404);
		expect(html).toContain('This join link does not work');
		expect(html).toContain('copied or typed with a mistake');
		expect(html).toContain('Ask your instructor for the current join link or code');
		expect(html).toContain('aria-invalid="true"');
		expect(html).not.toContain('Typo seminar');

		// The corrected code, sent from that form, goes on to the class.
		const corrected = await student.visitor.post('/join', { code: klass.code.toLowerCase() });
		expect(corrected.headers.get('location')).toBe(`/join/${klass.code}`);
	});

	it('explains a link whose code was changed with a 404, on the page and on the form', async () => {
		const teacher = await signUp(server, 'instructor');
		const klass = await createClass(server, teacher.visitor, 'Rotated seminar');
		await teacher.visitor.post(`${klass.path}?/rotate`, {});
		expect(joinCodeOf(server, klass.id)).not.toBe(klass.code);
		const student = await signUp(server);
		for (const method of ['GET', 'POST'] as const) {
			const { status, html } = await refusal(student.visitor, klass.code, method);
			expect(status, method).toBe(404);
			expect(html).toContain('made a new code for the class, and the old one stopped working');
			expect(html).not.toContain('Rotated seminar');
		}
		expect(membersOf(klass.id)).toEqual([]);
	});

	it('explains an archived class with a 410', async () => {
		const teacher = await signUp(server, 'instructor');
		const klass = await createClass(server, teacher.visitor, 'Archived seminar');
		await teacher.visitor.post(`${klass.path}?/archive`, {});
		const student = await signUp(server);
		for (const method of ['GET', 'POST'] as const) {
			const { status, html } = await refusal(student.visitor, klass.code, method);
			expect(status, method).toBe(410);
			expect(html).toContain('This class takes no new students');
			expect(html).toContain('archived');
			expect(html).toContain('href="/account#your-classes"');
		}
		expect(membersOf(klass.id)).toEqual([]);
	});

	it('still counts wrong codes followed as links, and says so when there were too many', async () => {
		const student = await signUp(server);
		const statuses: number[] = [];
		for (let guess = 0; guess < 11; guess++)
			statuses.push((await student.visitor.get(`/join/QQQQQQ${guess}A`)).status);
		expect(statuses).toEqual([...Array(10).fill(404), 429]);
		const { status, html } = await refusal(student.visitor, 'QQQQQQXA');
		expect(status).toBe(429);
		expect(html).toContain('Too many wrong codes');
	});
});
