import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { execute, PERSONAL_TABLES, query, snapshotTables } from '../helpers/db';
import { createClass, signUp, type CreatedClass, type Person } from '../helpers/people';
import { answerFields, QUIZ_PATH, reviewFields, sampleQuiz, startAttempt } from '../helpers/quiz';
import { rawRequest, setCookies, type RawResponse } from '../helpers/raw-http';
import { startServer, type TestServer } from '../helpers/server';

const EVIL = 'http://evil.example';
const LESSON = 'franchise-model/local-allies';
const SINGLE = sampleQuiz.questions.find((question) => question.type === 'single')!;
const TRUE_FALSE = sampleQuiz.questions.find((question) => question.type === 'truefalse')!;

let server: TestServer;
let f: Fixture;

interface Fixture {
	student: Person;
	/** Not in the class yet: joins it. */
	newcomer: Person;
	/** Deletes their account. */
	leaver: Person;
	teacher: Person;
	admin: Person;
	klass: CreatedClass;
	attempt: string;
	cardId: number;
	reviewAnswer: Record<string, string>;
	/** The newcomer's review card of SINGLE, to sync a review of. */
	newcomerCardId: number;
}

beforeAll(async () => {
	server = await startServer();
	const student = await signUp(server);
	const teacher = await signUp(server, 'instructor');
	const klass = await createClass(server, teacher.visitor, 'Evening seminar');
	await student.visitor.post(`/join/${klass.code}`, {});

	// A submitted attempt leaves a review card to answer; a second attempt stays open.
	const done = await startAttempt(student.visitor);
	await student.visitor.post(
		`${done}?/answer`,
		answerFields(SINGLE, await (await student.visitor.get(done)).text())
	);
	await student.visitor.post(`${done}?/submit`, {});
	const [card] = query<{ id: number }>(
		server.databasePath,
		'select id from review_cards where user_id = ?',
		student.id
	);
	execute(server.databasePath, 'update review_cards set due = 0 where id = ?', card!.id);
	const reviewAnswer = {
		card: String(card!.id),
		...(await reviewFields(student.visitor, SINGLE.id))
	};

	const newcomer = await signUp(server);
	const started = await startAttempt(newcomer.visitor);
	await newcomer.visitor.post(
		`${started}?/answer`,
		answerFields(SINGLE, await (await newcomer.visitor.get(started)).text())
	);
	const [newcomerCard] = query<{ id: number }>(
		server.databasePath,
		'select id from review_cards where user_id = ?',
		newcomer.id
	);

	f = {
		student,
		newcomer,
		leaver: await signUp(server),
		teacher,
		admin: await signUp(server, 'admin'),
		klass,
		attempt: await startAttempt(student.visitor),
		cardId: card!.id,
		reviewAnswer,
		newcomerCardId: newcomerCard!.id
	};
}, 120_000);
afterAll(() => server?.stop());

const read = (sql: string, ...params: unknown[]) => query(server.databasePath, sql, ...params);

interface Write {
	name: string;
	/** Who is signed in; `null` for sign-up and sign-in, which a signed-out visitor posts. */
	as: (f: Fixture) => Person | null;
	path: (f: Fixture) => string;
	fields: (f: Fixture) => Record<string, string>;
	/** What the same form from the course's own page changes. */
	effect: (f: Fixture) => unknown;
}

const classPath = (f: Fixture) => `/teach/classes/${f.klass.id}`;
const classRow = (f: Fixture) => read('select * from classes where id = ?', f.klass.id);
const signUpForm = newAccount();

// In this order: each write leaves what the next one needs.
const writes: Write[] = [
	{
		name: 'sign up',
		as: () => null,
		path: () => '/sign-up',
		fields: () => signUpForm,
		effect: () => read('select id from users where email = ?', signUpForm.email)
	},
	{
		name: 'sign in',
		as: () => null,
		path: () => '/sign-in',
		fields: () => ({ email: signUpForm.email, password: signUpForm.password }),
		effect: () =>
			read(
				'select count(*) as n from sessions s join users u on u.id = s.user_id where u.email = ?',
				signUpForm.email
			)
	},
	{
		name: 'mark a lesson complete',
		as: (f) => f.student,
		path: () => `/learn/${LESSON}?/complete`,
		fields: () => ({}),
		effect: (f) => read('select * from lesson_progress where user_id = ?', f.student.id)
	},
	{
		name: 'answer a quiz question',
		as: (f) => f.student,
		path: (f) => `${f.attempt}?/answer`,
		fields: () => ({ question: TRUE_FALSE.id, answer: 'true' }),
		effect: (f) => read('select * from answers where attempt_id = ?', attemptId(f.attempt))
	},
	{
		name: 'submit an attempt',
		as: (f) => f.student,
		path: (f) => `${f.attempt}?/submit`,
		fields: () => ({}),
		effect: (f) => read('select status from attempts where id = ?', attemptId(f.attempt))
	},
	{
		name: 'start an attempt',
		as: (f) => f.student,
		path: () => `${QUIZ_PATH}?/start`,
		fields: () => ({}),
		effect: (f) => read('select id from attempts where user_id = ?', f.student.id)
	},
	{
		name: 'answer a review card',
		as: (f) => f.student,
		path: () => '/review?/answer',
		fields: (f) => f.reviewAnswer,
		effect: (f) => read('select * from review_logs where card_id = ?', f.cardId)
	},
	{
		name: 'join a class',
		as: (f) => f.newcomer,
		path: (f) => `/join/${f.klass.code}`,
		fields: () => ({}),
		effect: (f) => read('select user_id from class_members where class_id = ?', f.klass.id)
	},
	{
		name: 'leave a class',
		as: (f) => f.newcomer,
		path: (f) => `/account/classes/${f.klass.id}/leave`,
		fields: () => ({}),
		effect: (f) => read('select user_id from class_members where class_id = ?', f.klass.id)
	},
	{
		name: 'create a class',
		as: (f) => f.teacher,
		path: () => '/teach?/create',
		fields: () => ({ name: 'Planted by another site' }),
		effect: (f) => read('select id from classes where instructor_id = ?', f.teacher.id)
	},
	{
		name: 'rename a class',
		as: (f) => f.teacher,
		path: (f) => `${classPath(f)}?/rename`,
		fields: () => ({ name: 'Renamed by another site' }),
		effect: classRow
	},
	{
		name: 'rotate a join code',
		as: (f) => f.teacher,
		path: (f) => `${classPath(f)}?/rotate`,
		fields: () => ({}),
		effect: classRow
	},
	{
		name: 'archive a class',
		as: (f) => f.teacher,
		path: (f) => `${classPath(f)}?/archive`,
		fields: () => ({}),
		effect: classRow
	},
	{
		name: 'restore a class',
		as: (f) => f.teacher,
		path: (f) => `${classPath(f)}?/unarchive`,
		fields: () => ({}),
		effect: classRow
	},
	{
		name: 'remove a student',
		as: (f) => f.teacher,
		path: (f) => `${classPath(f)}/students/${f.student.id}?/remove`,
		fields: () => ({}),
		effect: (f) => read('select user_id from class_members where class_id = ?', f.klass.id)
	},
	{
		name: 'change a role',
		as: (f) => f.admin,
		path: () => '/admin/users?/role',
		fields: (f) => ({ email: f.student.account.email, role: 'admin' }),
		effect: (f) => read('select role from users where id = ?', f.student.id)
	},
	{
		name: 'delete an account',
		as: (f) => f.leaver,
		path: () => '/account?/delete',
		fields: (f) => ({ password: f.leaver.account.password, confirm: 'DELETE' }),
		effect: (f) => read('select id from users where id = ?', f.leaver.id)
	},
	{
		name: 'sign out',
		as: (f) => f.student,
		path: () => '/sign-out',
		fields: () => ({}),
		effect: (f) => read('select count(*) as n from sessions where user_id = ?', f.student.id)
	}
];

const attemptId = (path: string) => Number(path.split('/').at(-1));

// Sessions too: a refused form must not sign anyone in or out.
const snapshot = () => snapshotTables(server.databasePath, ['sessions', ...PERSONAL_TABLES]);

type Body = { contentType: string; body: string };

/** The three encodings an HTML form (or a script without CORS) can send to another site. */
async function encodings(
	fields: Record<string, string>
): Promise<Record<'urlencoded' | 'multipart' | 'text/plain', Body>> {
	const multipart = new FormData();
	for (const [name, value] of Object.entries(fields)) multipart.append(name, value);
	const encoded = new Response(multipart);
	return {
		urlencoded: {
			contentType: 'application/x-www-form-urlencoded',
			body: new URLSearchParams(fields).toString()
		},
		multipart: {
			contentType: encoded.headers.get('content-type')!,
			body: await encoded.text()
		},
		'text/plain': {
			contentType: 'text/plain',
			body: Object.entries(fields)
				.map(([name, value]) => `${name}=${value}\r\n`)
				.join('')
		}
	};
}

const cookieOf = (person: Person | null) =>
	person ? `session=${person.visitor.cookies.get('session')}` : undefined;

/** A request as a browser would send it from another page, with the victim's cookie. */
function post(
	path: string,
	options: { origin?: string; cookie?: string; accept?: string } & Body
): Promise<RawResponse> {
	return rawRequest({
		port: server.port,
		path,
		method: 'POST',
		headers: {
			'x-forwarded-for': '203.0.113.7',
			accept: options.accept ?? 'text/html,application/xhtml+xml',
			'content-type': options.contentType,
			...(options.origin ? { origin: options.origin } : {}),
			...(options.cookie ? { cookie: options.cookie } : {})
		},
		body: options.body
	});
}

describe('a form posted from another site, or without an Origin, is refused and changes nothing', () => {
	for (const write of writes) {
		it(write.name, async () => {
			const person = write.as(f);
			const path = write.path(f);
			const before = snapshot();
			for (const [encoding, body] of Object.entries(await encodings(write.fields(f)))) {
				for (const origin of [EVIL, 'null', undefined]) {
					const response = await post(path, { ...body, origin, cookie: cookieOf(person) });
					const label = `${encoding} from ${origin ?? 'no Origin'}`;
					expect(response.status, `${label}: ${response.body.slice(0, 200)}`).toBe(403);
					expect(setCookies(response), label).toEqual([]);
				}
			}
			// As use:enhance would ask: still refused, as an action error.
			const enhanced = await post(path, {
				...(await encodings(write.fields(f))).urlencoded,
				origin: EVIL,
				cookie: cookieOf(person),
				accept: 'application/json'
			});
			expect(enhanced.status).toBe(403);
			expect(JSON.parse(enhanced.body).type).toBe('error');
			expect(snapshot(), 'a refused form changed the database').toEqual(before);

			// The same form from the course's own page works: the refusals were of real requests.
			const effect = write.effect(f);
			const visitor = person?.visitor ?? new Visitor(server.url);
			const response = await visitor.post(path, write.fields(f));
			expect(response.status, 'the same-origin form').toBeLessThan(400);
			expect(write.effect(f), 'the same-origin form changed nothing').not.toEqual(effect);
		});
	}
});

interface JsonEndpoint {
	path: string;
	body: (f: Fixture) => string;
	/** What the same request from the course's own pages changes. */
	effect: (f: Fixture) => unknown[];
}

const jsonEndpoints: JsonEndpoint[] = [
	{
		path: '/api/progress',
		body: () =>
			JSON.stringify({
				lesson: LESSON,
				section: 'end',
				visitId: 'visit-from-elsewhere',
				activeSeconds: 60
			}),
		effect: (f) => read('select * from lesson_progress where user_id = ?', f.newcomer.id)
	},
	{
		path: '/api/review/sync',
		body: (f) =>
			JSON.stringify({
				reviews: [
					{
						clientId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
						cardId: f.newcomerCardId,
						response: { type: 'single', optionId: SINGLE.answer },
						answeredAt: new Date().toISOString()
					}
				]
			}),
		effect: (f) => read('select * from review_logs where user_id = ?', f.newcomer.id)
	}
];

for (const endpoint of jsonEndpoints)
	describe(`the JSON endpoint ${endpoint.path}`, () => {
		const { path, body, effect } = endpoint;

		it('refuses JSON sent as text/plain (what another site can send without asking)', async () => {
			for (const origin of [EVIL, undefined]) {
				const response = await post(path, {
					contentType: 'text/plain;charset=UTF-8',
					body: body(f),
					origin,
					cookie: cookieOf(f.newcomer)
				});
				expect(response.status, `from ${origin ?? 'no Origin'}`).toBe(403);
			}
			expect(effect(f)).toEqual([]);
		});

		it('takes only application/json, so a script on a sibling address without CORS stores nothing', async () => {
			// What fetch(…, { mode: 'no-cors', credentials: 'include', body: blob }) sends from a page
			// on the same site but another origin (SameSite=Lax lets the cookie through there).
			const response = await rawRequest({
				port: server.port,
				path,
				method: 'POST',
				headers: {
					origin: 'http://localhost:5173',
					cookie: cookieOf(f.newcomer)!,
					'content-length': String(Buffer.byteLength(body(f)))
				},
				body: body(f)
			});
			expect(response.status).toBe(415);
			// Nor one of another type that skips the preflight in some browsers' eyes.
			const binary = await post(path, {
				contentType: 'application/octet-stream',
				body: body(f),
				origin: 'http://localhost:5173',
				cookie: cookieOf(f.newcomer)
			});
			expect(binary.status).toBe(415);
			expect(effect(f)).toEqual([]);
		});

		it('grants no other site the right to send it JSON or to read its answers', async () => {
			const preflight = await rawRequest({
				port: server.port,
				path,
				method: 'OPTIONS',
				headers: {
					origin: EVIL,
					'access-control-request-method': 'POST',
					'access-control-request-headers': 'content-type'
				}
			});
			expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
			expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

			const own = await f.newcomer.visitor.postJson(path, JSON.parse(body(f)));
			expect(own.status).toBe(200);
			expect(own.headers.get('access-control-allow-origin')).toBeNull();
			expect(effect(f)).toHaveLength(1);
		});
	});

describe('the review cards kept for offline review', () => {
	it('grant no other site the right to read them', async () => {
		const response = await rawRequest({
			port: server.port,
			path: '/api/review/offline',
			headers: { origin: EVIL, cookie: cookieOf(f.newcomer)! }
		});
		expect(response.status).toBe(200);
		expect(response.headers['access-control-allow-origin']).toBeUndefined();
		expect(response.headers['access-control-allow-credentials']).toBeUndefined();
	});
});

describe('the session cookie', () => {
	it('is HttpOnly and SameSite=Lax, so scripts cannot read it and other sites do not send it', async () => {
		const account = newAccount();
		const signedUp = await post('/sign-up', {
			contentType: 'application/x-www-form-urlencoded',
			body: new URLSearchParams(account).toString(),
			origin: server.url
		});
		const signedIn = await post('/sign-in', {
			contentType: 'application/x-www-form-urlencoded',
			body: new URLSearchParams({ email: account.email, password: account.password }).toString(),
			origin: server.url
		});
		for (const response of [signedUp, signedIn]) {
			expect(response.status).toBe(303);
			const cookie = setCookies(response).find((value) => value.startsWith('session='));
			expect(cookie).toBeDefined();
			const attributes = cookie!
				.split(';')
				.slice(1)
				.map((attribute) => attribute.trim().toLowerCase());
			expect(attributes).toContain('httponly');
			expect(attributes).toContain('samesite=lax');
			expect(attributes).toContain('path=/');
		}
	});
});
