import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLessonText } from '../../src/lib/content/lesson-text';
import { userCommand } from '../helpers/cli';
import { newAccount, Visitor } from '../helpers/client';
import { query } from '../helpers/db';
import { postAnswer, QUIZ_PATH, sampleQuiz, startAttempt } from '../helpers/quiz';
import { rawBody, requestBody, type RawBody } from '../helpers/request-bodies';
import { projectRoot, startServer, type TestServer } from '../helpers/server';

// Every action and endpoint gets generated bodies; whatever arrives, the answer is never a 5xx.

type Who = 'anonymous' | 'student' | 'instructor' | 'admin';
interface Target {
	path: string;
	/** The fields the action or endpoint reads. */
	fields: string[];
	/** Who may post here without losing their session (signing out ends it). */
	as?: Who[];
}

const LESSON_KEY = 'franchise-model/local-allies';
const sections = readLessonText(
	readFileSync(join(projectRoot, 'lessons/01-franchise-model/01-local-allies/index.md'), 'utf8')
).sections.map((s) => s.id);
const knownValues = [
	LESSON_KEY,
	...sections,
	...sampleQuiz.questions.map((q) => q.id),
	'0',
	'1',
	'2',
	'student',
	'instructor',
	'admin',
	'visit-0000-0001',
	'1b4e28ba-2fa1-41d2-883f-0016d3cca427',
	'someone@example.org'
];

let server: TestServer;
let people: Record<Who, Visitor>;
let targets: Target[];
let getPaths: ((a: string, b: string) => string)[];

async function signedIn(role: Exclude<Who, 'anonymous'>) {
	const account = newAccount();
	const visitor = new Visitor(server.url);
	if (role === 'instructor') {
		const created = userCommand(
			server.databasePath,
			['create', '--email', account.email, '--name', 'Fuzz Instructor', '--role', role],
			`${account.password}\n`
		);
		expect(created.status).toBe(0);
		await visitor.post('/sign-in', account);
	} else {
		await visitor.post('/sign-up', account);
		if (role === 'admin')
			expect(
				userCommand(server.databasePath, ['promote', '--email', account.email, '--role', role])
					.status
			).toBe(0);
	}
	return visitor;
}

beforeAll(async () => {
	server = await startServer();
	people = {
		anonymous: new Visitor(server.url),
		student: await signedIn('student'),
		instructor: await signedIn('instructor'),
		admin: await signedIn('admin')
	};
	const attempt = await startAttempt(people.student);
	const created = await people.instructor.post('/teach?/create', { name: 'Fuzzed class' });
	const classPath = created.headers.get('location')!;
	const [klass] = query<{ id: number; join_code: string }>(
		server.databasePath,
		'select id, join_code from classes where id = ?',
		Number(classPath.split('/').at(-1))
	);
	const classmate = await signedIn('student');
	await classmate.post(`/join/${klass!.join_code}`, {});
	const [member] = query<{ user_id: number }>(
		server.databasePath,
		'select user_id from class_members where class_id = ?',
		klass!.id
	);

	targets = [
		{ path: '/sign-up', fields: ['email', 'displayName', 'password'] },
		{ path: '/sign-in', fields: ['email', 'password'] },
		{ path: '/sign-out', fields: [], as: ['anonymous'] },
		{ path: '/account?/delete', fields: ['password', 'confirm'] },
		{ path: '/admin/users?/role', fields: ['email', 'role'] },
		{ path: '/review?/answer', fields: ['card', 'question', 'answer'] },
		{ path: `/learn/${LESSON_KEY}?/complete`, fields: [] },
		{ path: `${QUIZ_PATH}?/start`, fields: [] },
		{
			path: `${attempt}?/answer`,
			fields: [
				'question',
				'answer',
				'match:0',
				'match:1',
				'position:0',
				'position:1',
				'order',
				'clientId'
			]
		},
		{ path: `${attempt}?/submit`, fields: [] },
		{ path: '/teach?/create', fields: ['name'] },
		{ path: `${classPath}?/rename`, fields: ['name'] },
		{ path: `${classPath}?/archive`, fields: [] },
		{ path: `${classPath}?/unarchive`, fields: [] },
		{ path: `${classPath}?/rotate`, fields: [] },
		{ path: `${classPath}/students/${member!.user_id}?/remove`, fields: [] },
		{ path: '/join', fields: ['code'] },
		{ path: `/join/${klass!.join_code}`, fields: [] },
		{
			path: '/api/progress',
			fields: ['lesson', 'section', 'visitId', 'activeSeconds', 'clientId', 'readAt']
		},
		{ path: '/api/review/sync', fields: ['reviews'] }
	];
	getPaths = [
		(a) => `/teach/classes/${a}`,
		(a) => `${classPath}/students/${a}`,
		(a, b) => `${classPath}/quizzes/${a}/${b}`,
		(a, b) => `/teach/classes/${a}/export/${b}`,
		(a) => `${classPath}/export/${a}`,
		(a) => `${classPath}?sort=${a}&q=${a}&inactive=${a}&only=attention&page=${a}`,
		(a) => `/account/export/${a}`,
		() => '/account/export.json',
		(a) => `/learn/${a}`,
		(a, b) => `/learn/${a}/${b}`,
		(a, b) => `/learn/${a}/${b}/quiz`,
		(a) => `${QUIZ_PATH}/${a}`,
		(a) => `/join/${a}`,
		(a) => `/review?last=${a}`,
		(a) => `/admin/users?q=${a}`,
		(a) => `/sign-in?redirectTo=${a}`,
		(a) => `/api/review/offline?${a}`
	];
}, 120_000);
afterAll(() => server?.stop());

/** Sends one request as `who`, without taking any cookie it sets back. */
async function send(
	who: Who,
	method: 'GET' | 'POST',
	path: string,
	body?: RawBody,
	accept?: string
): Promise<number> {
	const visitor = people[who];
	const cookie = [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	const headers: Record<string, string> = {
		'x-forwarded-for': visitor.address,
		origin: server.url,
		...(cookie ? { cookie } : {}),
		...(accept ? { accept } : {}),
		...(body?.contentType !== undefined ? { 'content-type': body.contentType } : {})
	};
	const response = await fetch(new URL(path, server.url), {
		method,
		headers,
		body: body?.body,
		redirect: 'manual'
	});
	await response.arrayBuffer();
	return response.status;
}

/** Every table the app keeps, as rows (rate limit counters are bookkeeping, not data). */
function everything() {
	const tables = query<{ name: string }>(
		server.databasePath,
		"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != 'rate_limits'"
	);
	return Object.fromEntries(
		tables.map(({ name }) => [name, query(server.databasePath, `select * from "${name}"`)])
	);
}

const who = (target: Target) =>
	fc.constantFrom<Who>(...(target.as ?? ['anonymous', 'student', 'instructor', 'admin']));
const accept = fc.constantFrom(
	'text/html,application/xhtml+xml',
	'application/json',
	'*/*',
	undefined
);
describe('requests the app does not expect', () => {
	it('refuse a form body that is not a form with 400 or 415, and store nothing', async () => {
		const before = everything();
		const form = 'email=new.person@example.org\r\ndisplayName=New\r\npassword=correct horse 12\r\n';
		const bodies: RawBody[] = [
			{ contentType: 'text/plain', body: new TextEncoder().encode(form), label: 'text/plain' },
			{
				contentType: 'multipart/form-data; boundary=xyz',
				body: new TextEncoder().encode('--xyz\r\nContent-Disposition: form-data; name="email"\r\n'),
				label: 'multipart cut short'
			},
			{ contentType: 'multipart/form-data', body: new Uint8Array([1, 2]), label: 'no boundary' }
		];
		const json = ['/api/progress', '/api/review/sync'];
		for (const target of targets.filter((t) => !json.includes(t.path)))
			for (const body of bodies)
				for (const as of target.as ?? (['anonymous', 'student', 'instructor', 'admin'] as const)) {
					const status = await send(as, 'POST', target.path, body, 'text/html');
					expect([400, 415], `${target.path} as ${as} with ${body.label}`).toContain(status);
				}
		for (const path of json) expect(await send('student', 'POST', path, bodies[0]!)).toBe(415);
		expect(everything()).toEqual(before);
	});

	it('answer a large refused body rather than drop the connection', async () => {
		const large: RawBody = {
			contentType: 'text/plain',
			body: new TextEncoder().encode(`name=${'x'.repeat(300_000)}`),
			label: '300 kB of text'
		};
		for (let i = 0; i < 5; i++) {
			expect(await send('instructor', 'POST', '/teach?/create', large)).toBe(415);
			expect(await send('anonymous', 'POST', '/api/progress', large)).toBe(401);
			expect(await send('anonymous', 'POST', '/api/review/sync', large)).toBe(401);
		}
	});

	it('never answer 5xx, whatever body any action or endpoint is sent', async () => {
		const statuses = new Map<number, number>();
		const run = fc.constantFrom(...targets).chain((target) =>
			fc.record({
				target: fc.constant(target),
				who: who(target),
				accept,
				body: requestBody(target.fields, knownValues),
				// Now and then an action that does not exist, or the reserved name.
				action: fc.oneof(
					{ weight: 9, arbitrary: fc.constant(null) },
					{ weight: 1, arbitrary: fc.constantFrom('?/default', '?/nope', '?/') }
				)
			})
		);
		await fc.assert(
			fc.asyncProperty(run, async ({ target, who, accept, body, action }) => {
				const raw = await rawBody(body);
				const path = action ? target.path.replace(/\?.*$/, '') + action : target.path;
				const status = await send(who, 'POST', path, raw, accept);
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
				expect(status, `POST ${path} as ${who}: ${raw.label}`).toBeLessThan(500);
			}),
			{ numRuns: 500, endOnFailure: true }
		);
		// The bodies reached the actions too, not only the guard.
		expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 303, 400, 415]));
	}, 90_000);

	it('never answer 5xx to a page or download with odd values in its URL', async () => {
		const segment = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 30 }).map(encodeURIComponent),
			fc.integer().map(String),
			fc.constantFrom(
				'0',
				'-1',
				'1e309',
				'NaN',
				'9007199254740993',
				'%',
				'%zz',
				'%E0%A4%A',
				'..',
				'%2F',
				'franchise-model',
				'local-allies',
				'grid.csv',
				'responses.csv',
				'answers.csv'
			)
		);
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...getPaths),
				segment,
				segment,
				fc.constantFrom<Who>('anonymous', 'student', 'instructor', 'admin'),
				accept,
				async (pathOf, a, b, as, accepts) => {
					const path = pathOf(a, b);
					const status = await send(as, 'GET', path, undefined, accepts);
					expect(status, `GET ${path} as ${as}`).toBeLessThan(500);
				}
			),
			{ numRuns: 300, endOnFailure: true }
		);
	}, 60_000);

	it('never answer 5xx to a batch of reviews, whatever its answers hold', async () => {
		// Cards of the student's own to answer, besides ids that are not theirs.
		const attempt = await startAttempt(people.student);
		for (const question of sampleQuiz.questions)
			await postAnswer(people.student, attempt, question);
		const cards = query<{ id: number }>(server.databasePath, 'select id from review_cards').map(
			(card) => card.id
		);
		expect(cards.length).toBeGreaterThan(0);
		const ids = sampleQuiz.questions.flatMap((question) => [
			question.id,
			...('options' in question ? question.options.map((option) => option.id) : []),
			...('items' in question ? question.items.map((item) => item.id) : []),
			...('pairs' in question ? question.pairs.map((pair) => pair.id) : [])
		]);
		const id = fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 20 }));
		const response = fc.record(
			{
				type: fc.constantFrom(...new Set(sampleQuiz.questions.map((question) => question.type))),
				optionId: id,
				optionIds: fc.array(id, { maxLength: 6 }),
				value: fc.oneof(fc.boolean(), fc.double()),
				text: fc.oneof(fc.string(), fc.double().map(String)),
				matches: fc.dictionary(id, id, { maxKeys: 6 }),
				order: fc.array(id, { maxLength: 8 })
			},
			{ requiredKeys: ['type'] }
		);
		const review = fc.record(
			{
				clientId: fc.oneof({ weight: 4, arbitrary: fc.uuid() }, fc.string()),
				cardId: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...cards) }, fc.integer()),
				response: fc.oneof({ weight: 4, arbitrary: response }, fc.jsonValue({ maxDepth: 2 })),
				answeredAt: fc.oneof(
					{
						weight: 4,
						arbitrary: fc
							.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })
							.map((date) => date.toISOString())
					},
					fc.string()
				)
			},
			{ requiredKeys: [] }
		);
		const statuses = new Set<number>();
		await fc.assert(
			fc.asyncProperty(fc.array(review, { maxLength: 8 }), async (reviews) => {
				const body = new TextEncoder().encode(JSON.stringify({ reviews }));
				const raw: RawBody = { contentType: 'application/json', body, label: 'reviews' };
				const status = await send('student', 'POST', '/api/review/sync', raw);
				statuses.add(status);
				expect(status, JSON.stringify(reviews).slice(0, 500)).toBeLessThan(500);
			}),
			{ numRuns: 300, endOnFailure: true }
		);
		expect([...statuses].sort()).toEqual([200, 400]);
	}, 90_000);

	it('leave the server up, with no server error in its log', async () => {
		expect(await send('student', 'GET', '/')).toBe(200);
		expect(server.output()).not.toMatch(/"status":5\d\d/);
	});
});
