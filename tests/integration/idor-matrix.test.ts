import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Visitor } from '../helpers/client';
import { execute, query, snapshotTables } from '../helpers/db';
import { addEssay, essayQuestion } from '../helpers/essays';
import { createClass, joinCodeOf, signUp, type CreatedClass } from '../helpers/people';
import {
	answerFields,
	questionPath,
	QUIZ_PATH,
	reviewFields,
	sampleQuiz,
	startAttempt
} from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

/**
 * Every route that takes an id or serves something a user owns, asked by each of seven people.
 * A, B and C are students; C shares instructor X's class with A; B is in instructor Y's class.
 */
const ACTORS = ['anonymous', 'A', 'B', 'C', 'X', 'Y', 'admin'] as const;
type Actor = (typeof ACTORS)[number];
const SIGNED_IN = ACTORS.filter((actor) => actor !== 'anonymous');

type Outcome = 'ok' | 'sign in' | 'unauthorised' | 'forbidden' | 'not found' | `status ${number}`;

/** Whose personal data each actor may ever see: their own, their class members', or anyone's. */
const MAY_KNOW: Record<Actor, readonly ('A' | 'B' | 'C')[]> = {
	anonymous: [],
	A: ['A'],
	B: ['B'],
	C: ['C'],
	X: ['A', 'C'],
	Y: ['B'],
	admin: ['A', 'B', 'C']
};

// Distinctive, so a match in a response can only be a leak of this person's data.
const TYPED = {
	submitted: 'quokka marmalade one',
	open: 'quokka marmalade two',
	essay: 'quokka marmalade essay'
};
const SHORT = sampleQuiz.questions.find((question) => question.type === 'short')!;
const SINGLE = sampleQuiz.questions.find((question) => question.type === 'single')!;
const LESSON = 'franchise-model/local-allies';
/** The id A's device gave a review it queued offline. */
const SYNCED_REVIEW = randomUUID();

interface Fixture {
	visitors: Record<Actor, Visitor>;
	ids: Record<Exclude<Actor, 'anonymous'>, number>;
	emails: Record<'A' | 'B' | 'C', string>;
	names: Record<'A' | 'B' | 'C', string>;
	classX: CreatedClass;
	classY: CreatedClass;
	/** A's attempts: one submitted (with a review card from it), one still open. */
	submitted: string;
	open: string;
	reviewLogId: number;
	/** A's review card of SINGLE. */
	cardId: number;
	/** A valid answer to an unanswered question of A's open attempt. */
	openAnswer: Record<string, string | string[]>;
	reviewAnswer: Record<string, string>;
	/** A's essay answer in the submitted attempt, as the To grade form names it. */
	essay: { attempt: string; version: string };
}

interface Case {
	name: string;
	method: 'GET' | 'POST';
	path: (f: Fixture) => string;
	fields?: (f: Fixture) => Record<string, string | string[]>;
	json?: (f: Fixture) => unknown;
	/** Who gets the resource; every other signed-in actor gets `refused`. */
	allowed: readonly Actor[];
	refused?: Outcome;
	anonymous?: Outcome;
	/** Exceptions to the above, actor by actor. */
	except?: Partial<Record<Actor, Outcome>>;
	/** Text the allowed see (or `seenBy`, if narrower) and nobody else. */
	shows?: (f: Fixture) => string[];
	seenBy?: readonly Actor[];
	/** Each allowed actor sees their own email (self-service pages and exports). */
	ownEmail?: boolean;
}

interface WriteCase extends Case {
	method: 'POST';
	/** What the allowed request changes, read from the database: proof it was a real request. */
	effect: (f: Fixture) => unknown;
	/** Who changes `effect` (default: the allowed); other allowed actors must leave it alone. */
	changedBy?: readonly Actor[];
}

const classPath = (f: Fixture, which: 'classX' | 'classY') => `/teach/classes/${f[which].id}`;
const studentPath = (f: Fixture, which: 'classX' | 'classY', student: 'A' | 'B' | 'C') =>
	`${classPath(f, which)}/students/${f.ids[student]}`;
const TEACHERS_OF_X = ['X', 'admin'] as const;
const leavePath = (f: Fixture, which: 'classX' | 'classY') =>
	`/account/classes/${f[which].id}/leave`;

const reads: Case[] = [
	{
		name: "A's open attempt, at the question with A's typed answer",
		method: 'GET',
		path: (f) => questionPath(f.open, SHORT),
		allowed: ['A'],
		refused: 'forbidden',
		shows: () => [TYPED.open]
	},
	{
		name: "A's submitted attempt, as data",
		method: 'GET',
		path: (f) => `${f.submitted}/__data.json`,
		allowed: ['A'],
		refused: 'forbidden',
		shows: () => [TYPED.submitted]
	},
	{
		name: "A's attempt under another lesson's address",
		method: 'GET',
		path: (f) => `/learn/reading-the-sources/five-articles/quiz/${f.open.split('/').at(-1)}`,
		allowed: ['A'],
		refused: 'forbidden'
	},
	{
		name: 'an attempt that does not exist',
		method: 'GET',
		path: () => `${QUIZ_PATH}/999999`,
		allowed: [],
		refused: 'not found'
	},
	{
		name: "A's last review, named in the address",
		method: 'GET',
		path: (f) => `/review?last=${f.reviewLogId}`,
		allowed: SIGNED_IN,
		shows: () => ['Your last review'],
		seenBy: ['A']
	},
	{
		name: 'the review page',
		method: 'GET',
		path: () => '/review/__data.json',
		allowed: SIGNED_IN
	},
	{
		name: 'the review cards kept for offline review',
		method: 'GET',
		path: () => '/api/review/offline',
		allowed: SIGNED_IN,
		anonymous: 'unauthorised',
		shows: () => [SINGLE.prompt],
		seenBy: ['A']
	},
	{
		name: 'the dashboard',
		method: 'GET',
		path: () => '/dashboard',
		allowed: SIGNED_IN
	},
	{
		name: 'the quiz page with its list of attempts',
		method: 'GET',
		path: () => QUIZ_PATH,
		allowed: SIGNED_IN,
		shows: (f) => [f.open, f.submitted],
		seenBy: ['A']
	},
	{
		name: 'the data export',
		method: 'GET',
		path: () => '/account/export.json',
		allowed: SIGNED_IN,
		anonymous: 'unauthorised',
		ownEmail: true
	},
	{
		name: 'the profile as CSV',
		method: 'GET',
		path: () => '/account/export/profile.csv',
		allowed: SIGNED_IN,
		anonymous: 'unauthorised',
		ownEmail: true
	},
	{
		name: 'the answers as CSV',
		method: 'GET',
		path: () => '/account/export/answers.csv',
		allowed: SIGNED_IN,
		anonymous: 'unauthorised',
		shows: () => [TYPED.submitted, TYPED.open],
		seenBy: ['A']
	},
	{
		name: "X's class",
		method: 'GET',
		path: (f) => classPath(f, 'classX'),
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		shows: (f) => [f.names.A, f.names.C, 'Xylophone seminar']
	},
	{
		name: "X's class, as data",
		method: 'GET',
		path: (f) => `${classPath(f, 'classX')}/__data.json`,
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		shows: (f) => [f.emails.A, f.emails.C, f.classX.code]
	},
	{
		name: "A in X's class",
		method: 'GET',
		path: (f) => studentPath(f, 'classX', 'A'),
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		shows: (f) => [f.names.A, f.emails.A, TYPED.submitted, TYPED.open]
	},
	{
		name: "A in X's class, as data",
		method: 'GET',
		path: (f) => `${studentPath(f, 'classX', 'A')}/__data.json`,
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		shows: (f) => [f.emails.A, TYPED.submitted]
	},
	{
		name: "B, who is not in X's class, under X's class",
		method: 'GET',
		path: (f) => studentPath(f, 'classX', 'B'),
		allowed: [],
		refused: 'forbidden',
		except: { X: 'not found', admin: 'not found' }
	},
	{
		name: "B in Y's class",
		method: 'GET',
		path: (f) => studentPath(f, 'classY', 'B'),
		allowed: ['Y', 'admin'],
		refused: 'forbidden',
		shows: (f) => [f.names.B, f.emails.B]
	},
	{
		name: "item analysis of X's class",
		method: 'GET',
		path: (f) => `${classPath(f, 'classX')}/quizzes/${LESSON}`,
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		shows: () => ['Xylophone seminar']
	},
	{
		name: "X's essays to grade",
		method: 'GET',
		path: (f) => `${classPath(f, 'classX')}/grading`,
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		shows: () => [TYPED.essay]
	},
	{
		name: "item statistics of X's class as CSV",
		method: 'GET',
		path: (f) => `${classPath(f, 'classX')}/quizzes/${LESSON}/export/summary.csv`,
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		shows: () => ['Attempts the figures rest on']
	},
	{
		name: "X's class grid as CSV",
		method: 'GET',
		path: (f) => `${classPath(f, 'classX')}/export/grid.csv`,
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		shows: (f) => [f.emails.A, f.names.C]
	},
	{
		name: "X's class responses as CSV",
		method: 'GET',
		path: (f) => `${classPath(f, 'classX')}/export/responses.csv`,
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		shows: () => [TYPED.submitted]
	},
	{
		name: "Y's class grid as CSV",
		method: 'GET',
		path: (f) => `${classPath(f, 'classY')}/export/grid.csv`,
		allowed: ['Y', 'admin'],
		refused: 'forbidden',
		shows: (f) => [f.emails.B]
	},
	{
		name: 'a class that does not exist',
		method: 'GET',
		path: () => '/teach/classes/999999',
		allowed: [],
		refused: 'forbidden',
		except: { X: 'not found', Y: 'not found', admin: 'not found' }
	},
	{
		name: 'the list of classes',
		method: 'GET',
		path: () => '/teach',
		allowed: ['X', 'Y', 'admin'],
		refused: 'forbidden',
		shows: () => ['Xylophone seminar'],
		seenBy: TEACHERS_OF_X
	},
	{
		name: 'the users page, searching for A',
		method: 'GET',
		path: (f) => `/admin/users?q=${encodeURIComponent(f.emails.A)}`,
		allowed: ['admin'],
		refused: 'forbidden',
		shows: (f) => [f.names.A]
	},
	{
		name: 'the users page, as data',
		method: 'GET',
		path: () => '/admin/users/__data.json',
		allowed: ['admin'],
		refused: 'forbidden',
		shows: (f) => [f.emails.A, f.emails.B, f.emails.C]
	},
	{
		name: "X's join page",
		method: 'GET',
		path: (f) => `/join/${f.classX.code}`,
		allowed: SIGNED_IN,
		shows: () => ['Xylophone seminar']
	},
	{
		name: 'a join code that does not exist',
		method: 'GET',
		path: () => '/join/ZZZZZZZZ',
		allowed: [],
		refused: 'not found'
	},
	{
		name: "the account page, listing one's own classes",
		method: 'GET',
		path: () => '/account',
		allowed: SIGNED_IN,
		shows: () => ['Yarrow seminar'],
		seenBy: ['B'],
		ownEmail: true
	},
	{
		name: "a join confirmation naming X's class",
		method: 'GET',
		path: (f) => `/account?joined=${f.classX.id}`,
		allowed: SIGNED_IN,
		shows: () => ['You joined “Xylophone seminar”'],
		seenBy: ['A', 'C']
	},
	{
		name: "leaving Y's class, the confirmation page",
		method: 'GET',
		path: (f) => leavePath(f, 'classY'),
		allowed: ['B'],
		refused: 'not found',
		shows: () => ['Leave “Yarrow seminar”?']
	}
];

const table = (sql: string) => (f: Fixture) => query(server.databasePath, sql, f.ids.A);
const classRow = (column: string) => (f: Fixture) =>
	query(server.databasePath, `select ${column} from classes where id = ?`, f.classX.id);

// In this order: each write leaves what the next one needs.
const writes: WriteCase[] = [
	{
		name: "answer in A's open attempt",
		method: 'POST',
		path: (f) => `${f.open}?/answer`,
		fields: (f) => f.openAnswer,
		allowed: ['A'],
		refused: 'forbidden',
		effect: table(
			'select count(*) as n from answers a join attempts t on t.id = a.attempt_id where t.user_id = ?'
		)
	},
	{
		name: "answer A's review card",
		method: 'POST',
		path: () => '/review?/answer',
		fields: (f) => f.reviewAnswer,
		allowed: ['A'],
		refused: 'forbidden',
		effect: table('select count(*) as n from review_logs where user_id = ?')
	},
	{
		// Everyone may sync; a card that is not theirs is refused inside the answer (200).
		name: "a review of A's card, synced after answering it offline",
		method: 'POST',
		path: () => '/api/review/sync',
		json: (f) => ({
			reviews: [
				{
					clientId: SYNCED_REVIEW,
					cardId: f.cardId,
					response: { type: 'single', optionId: SINGLE.answer },
					answeredAt: new Date().toISOString()
				}
			]
		}),
		allowed: SIGNED_IN,
		anonymous: 'unauthorised',
		// The card and every log of it, whoever would have written one.
		effect: (f) =>
			query(
				server.databasePath,
				`select c.*, (select count(*) from review_logs l where l.card_id = c.id) as logs
				 from review_cards c where c.id = ?`,
				f.cardId
			),
		changedBy: ['A']
	},
	{
		name: 'a reading checkpoint naming A as the reader',
		method: 'POST',
		path: () => '/api/progress',
		json: (f) => ({
			lesson: LESSON,
			section: 'end',
			visitId: 'visit-of-someone',
			activeSeconds: 60,
			userId: f.ids.A
		}),
		allowed: SIGNED_IN,
		anonymous: 'unauthorised',
		effect: table('select * from lesson_progress where user_id = ?'),
		changedBy: ['A']
	},
	{
		name: "rename X's class",
		method: 'POST',
		path: (f) => `${classPath(f, 'classX')}?/rename`,
		fields: () => ({ name: 'Xylophone seminar (renamed)' }),
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		effect: classRow('name')
	},
	{
		name: "mark A's essay in X's class",
		method: 'POST',
		path: (f) => `${classPath(f, 'classX')}/grading?/mark`,
		fields: (f) => ({ ...f.essay, mark: '70', comment: 'Closer reading, please.' }),
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		effect: () => query(server.databasePath, 'select mark, comment, grader_id from essay_marks')
	},
	{
		name: "rotate X's join code",
		method: 'POST',
		path: (f) => `${classPath(f, 'classX')}?/rotate`,
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		effect: classRow('join_code')
	},
	{
		name: "archive X's class",
		method: 'POST',
		path: (f) => `${classPath(f, 'classX')}?/archive`,
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		effect: classRow('archived_at is null as open')
	},
	{
		name: "restore X's class",
		method: 'POST',
		path: (f) => `${classPath(f, 'classX')}?/unarchive`,
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		effect: classRow('archived_at is null as open')
	},
	{
		name: "submit A's open attempt",
		method: 'POST',
		path: (f) => `${f.open}?/submit`,
		allowed: ['A'],
		refused: 'forbidden',
		effect: table("select count(*) as n from attempts where user_id = ? and status = 'submitted'")
	},
	{
		name: "remove C from X's class",
		method: 'POST',
		path: (f) => `${studentPath(f, 'classX', 'C')}?/remove`,
		allowed: TEACHERS_OF_X,
		refused: 'forbidden',
		// Whoever of the two comes second finds C already gone.
		except: { admin: 'not found' },
		effect: (f) =>
			query(
				server.databasePath,
				'select user_id from class_members where class_id = ?',
				f.classX.id
			)
	},
	{
		name: 'make C an admin',
		method: 'POST',
		path: () => '/admin/users?/role',
		fields: (f) => ({ email: f.emails.C, role: 'admin' }),
		allowed: ['admin'],
		refused: 'forbidden',
		effect: (f) => query(server.databasePath, 'select role from users where id = ?', f.ids.C)
	},
	{
		// The form names nobody: whoever sends it leaves (or, not in the class, gets 404).
		name: "leave Y's class, with a form naming B",
		method: 'POST',
		path: (f) => leavePath(f, 'classY'),
		fields: (f) => ({ userId: String(f.ids.B) }),
		allowed: ['B'],
		refused: 'not found',
		effect: (f) =>
			query(
				server.databasePath,
				'select user_id from class_members where class_id = ?',
				f.classY.id
			)
	},
	{
		// The code is the key: whoever is signed in and has it may join, once.
		name: "join X's class with its code",
		method: 'POST',
		path: (f) => `/join/${joinCodeOf(server, f.classX.id)}`,
		allowed: SIGNED_IN,
		effect: (f) =>
			query(
				server.databasePath,
				'select user_id from class_members where class_id = ?',
				f.classX.id
			),
		changedBy: SIGNED_IN.filter((actor) => actor !== 'A')
	}
];

let server: TestServer;
let fixture: Fixture;

beforeAll(async () => {
	server = await startServer();
	fixture = await buildFixture();
}, 120_000);
afterAll(() => server?.stop());

async function buildFixture(): Promise<Fixture> {
	const a = await signUp(server, 'student', { displayName: 'Amaranth Owner' });
	const b = await signUp(server, 'student', { displayName: 'Bramble Outsider' });
	const c = await signUp(server, 'student', { displayName: 'Clover Classmate' });
	const x = await signUp(server, 'instructor', { displayName: 'Xavier Teacher' });
	const y = await signUp(server, 'instructor', { displayName: 'Yara Teacher' });
	const admin = await signUp(server, 'admin', { displayName: 'Zora Admin' });
	const classX = await createClass(server, x.visitor, 'Xylophone seminar');
	const classY = await createClass(server, y.visitor, 'Yarrow seminar');
	for (const [student, klass] of [
		[a, classX],
		[c, classX],
		[b, classY]
	] as const)
		expect((await student.visitor.post(`/join/${klass.code}`, {})).status).toBe(303);

	// A: one submitted attempt with a typed answer and an essay, a review of it, reading
	// progress, and an open attempt with another typed answer.
	addEssay(server.databasePath, LESSON);
	const submitted = await startAttempt(a.visitor);
	for (const answer of [TYPED.submitted, undefined]) {
		const fields = answer
			? { question: SHORT.id, answer }
			: answerFields(SINGLE, await (await a.visitor.get(submitted)).text());
		expect((await a.visitor.post(`${submitted}?/answer`, fields)).status).toBe(303);
	}
	const essayFields = { question: essayQuestion().id, answer: `${TYPED.essay} in five words` };
	expect((await a.visitor.post(`${submitted}?/answer`, essayFields)).status).toBe(303);
	expect((await a.visitor.post(`${submitted}?/submit`, {})).status).toBe(303);
	const [card] = query<{ id: number }>(
		server.databasePath,
		'select id from review_cards where user_id = ? and question_key = ?',
		a.id,
		SINGLE.id
	);
	const dueNow = () =>
		execute(server.databasePath, 'update review_cards set due = 0 where id = ?', card!.id);
	dueNow();
	const reviewed = await a.visitor.post('/review?/answer', {
		card: String(card!.id),
		...(await reviewFields(a.visitor, SINGLE.id))
	});
	const reviewLogId = Number(/last=(\d+)/.exec(reviewed.headers.get('location') ?? '')?.[1]);
	expect(reviewLogId).toBeGreaterThan(0);
	dueNow();
	const reviewAnswer = { card: String(card!.id), ...(await reviewFields(a.visitor, SINGLE.id)) };

	const progress = await a.visitor.postJson('/api/progress', {
		lesson: LESSON,
		section: 'end',
		visitId: 'visit-of-a-0001',
		activeSeconds: 30
	});
	expect(progress.status).toBe(200);

	const open = await startAttempt(a.visitor);
	expect(open).not.toBe(submitted);
	await a.visitor.post(`${open}?/answer`, { question: SHORT.id, answer: TYPED.open });
	const openAnswer = answerFields(SINGLE, await (await a.visitor.get(open)).text());

	return {
		visitors: {
			anonymous: new Visitor(server.url),
			A: a.visitor,
			B: b.visitor,
			C: c.visitor,
			X: x.visitor,
			Y: y.visitor,
			admin: admin.visitor
		},
		ids: { A: a.id, B: b.id, C: c.id, X: x.id, Y: y.id, admin: admin.id },
		emails: { A: a.account.email, B: b.account.email, C: c.account.email },
		names: { A: a.account.displayName, B: b.account.displayName, C: c.account.displayName },
		classX,
		classY,
		submitted,
		open,
		reviewLogId,
		cardId: card!.id,
		openAnswer,
		reviewAnswer,
		essay: query<{ attempt: string; version: string }>(
			server.databasePath,
			`select cast(attempt_id as text) as attempt, cast(question_version_id as text) as version
			from answers where attempt_id = ? and question_version_id in
				(select id from question_versions where type = 'essay')`,
			Number(submitted.split('/').at(-1))
		)[0]!
	};
}

/** Each person's and each class's distinctive data, as it stands now (codes rotate). */
function markers(f: Fixture) {
	const persons: Record<string, string[]> = {
		A: [f.emails.A, f.names.A, TYPED.submitted, TYPED.open, TYPED.essay],
		B: [f.emails.B, f.names.B],
		C: [f.emails.C, f.names.C]
	};
	const classes: Record<string, string[]> = {
		X: ['Xylophone seminar', joinCodeOf(server, f.classX.id)],
		Y: ['Yarrow seminar', joinCodeOf(server, f.classY.id)]
	};
	return { persons, classes };
}

function ownMarkers(actor: Actor): string[] {
	const { persons, classes } = markers(fixture);
	return persons[actor] ?? classes[actor] ?? [];
}

/** What a response means, for pages, endpoints and SvelteKit's `__data.json` alike. */
function outcomeOf(response: Response, body: string, path: string): Outcome {
	const location = response.headers.get('location') ?? '';
	if (path.includes('/__data.json') && response.status === 200) {
		const data = JSON.parse(body) as {
			type: string;
			location?: string;
			nodes?: ({ type: string; status?: number } | null)[];
		};
		if (data.type === 'redirect') return data.location?.startsWith('/sign-in?') ? 'sign in' : 'ok';
		const failed = data.nodes?.find((node) => node?.type === 'error');
		if (failed) return statusOutcome(failed.status ?? 500);
		return 'ok';
	}
	if (response.status === 303 && location.startsWith('/sign-in?redirectTo=')) return 'sign in';
	return statusOutcome(response.status);
}

function statusOutcome(status: number): Outcome {
	if (status >= 200 && status < 400) return 'ok';
	const outcomes: Record<number, Outcome> = {
		401: 'unauthorised',
		403: 'forbidden',
		404: 'not found'
	};
	return outcomes[status] ?? `status ${status}`;
}

function expectedOutcome(c: Case, actor: Actor): Outcome {
	if (c.except?.[actor]) return c.except[actor];
	if (c.allowed.includes(actor)) return 'ok';
	if (actor === 'anonymous') return c.anonymous ?? 'sign in';
	return c.refused ?? 'forbidden';
}

async function send(c: Case, actor: Actor) {
	const f = fixture;
	const visitor = f.visitors[actor];
	const path = c.path(f);
	const response =
		c.method === 'GET'
			? await visitor.get(path)
			: c.json
				? await visitor.postJson(path, c.json(f))
				: await visitor.post(path, c.fields?.(f) ?? {});
	const body = await response.text();
	return { path, outcome: outcomeOf(response, body, path), body };
}

/** Sends the case as `actor` and checks what came back: the outcome, and no one else's data. */
async function check(c: Case, actor: Actor) {
	const { path, outcome, body } = await send(c, actor);
	const label = `${actor}: ${c.method} ${path}`;
	expect(outcome, label).toBe(expectedOutcome(c, actor));

	const { persons, classes } = markers(fixture);
	// Nobody ever sees data of a person outside their classes.
	for (const [person, texts] of Object.entries(persons)) {
		if ((MAY_KNOW[actor] as readonly string[]).includes(person)) continue;
		for (const text of texts)
			expect(body, `${label} shows ${person}'s "${text}"`).not.toContain(text);
	}
	// A refusal shows nothing of anyone else, nor of any class.
	if (outcome !== 'ok') {
		const own = ownMarkers(actor);
		const others = [...Object.values(persons), ...Object.values(classes)]
			.flat()
			.filter((text) => !own.includes(text));
		for (const text of others)
			expect(body, `${label} refused, yet shows "${text}"`).not.toContain(text);
	}
	// The allowed see what the resource holds; everyone else sees none of it.
	const shown = c.shows?.(fixture) ?? [];
	const seenBy = c.seenBy ?? c.allowed;
	for (const text of shown) {
		if (seenBy.includes(actor)) expect(body, `${label} should show "${text}"`).toContain(text);
		else if (!ownMarkers(actor).includes(text))
			expect(body, `${label} shows "${text}"`).not.toContain(text);
	}
	if (c.ownEmail && outcome === 'ok' && actor !== 'anonymous') {
		const email = query<{ email: string }>(
			server.databasePath,
			'select email from users where id = ?',
			fixture.ids[actor]
		)[0]!.email;
		expect(body, `${label} should show the actor's own email`).toContain(email);
	}
}

const snapshot = () => snapshotTables(server.databasePath);

describe('who may read what: 7 people × every route that takes an id or serves their data', () => {
	for (const c of reads) {
		it(`${c.name}: ${c.allowed.length ? c.allowed.join(', ') : 'nobody'} may`, async () => {
			const before = snapshot();
			for (const actor of ACTORS) await check(c, actor);
			expect(snapshot(), 'a page view changed the database').toEqual(before);
		});
	}
});

describe('who may change what: refused writes change nothing, allowed ones work', () => {
	for (const c of writes) {
		it(`${c.name}: ${c.allowed.join(', ')} may`, async () => {
			const refused = ACTORS.filter((actor) => !c.allowed.includes(actor));
			const changers = c.changedBy ?? c.allowed;
			const bystanders = c.allowed.filter((actor) => !changers.includes(actor));

			const before = snapshot();
			for (const actor of refused) await check(c, actor);
			expect(snapshot(), 'a refused write changed the database').toEqual(before);

			const effect = c.effect(fixture);
			for (const actor of bystanders) await check(c, actor);
			expect(c.effect(fixture), "another user's write changed this").toEqual(effect);

			for (const actor of changers) await check(c, actor);
			expect(c.effect(fixture), 'the allowed write did nothing').not.toEqual(effect);
		});
	}
});
