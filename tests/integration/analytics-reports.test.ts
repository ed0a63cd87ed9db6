import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/quiz-schema';
import type { GridLesson } from '../../src/lib/server/analytics/grid';

// The analytics run on a real database file of their own; each describe block builds its own
// class, so the reports also show that nothing leaks in from other classes.
const dir = mkdtempSync(join(tmpdir(), 'course-analytics-'));
process.env.DATABASE_PATH = join(dir, 'course.db');
const { closeDatabase, db, migrateDatabase } = await import('../../src/lib/server/db');
const { classGrid } = await import('../../src/lib/server/analytics/grid');
const { itemAnalysis } = await import('../../src/lib/server/analytics/item-analysis');
const { rebuildQuiz } = await import('../../src/lib/server/analytics/stats-rebuild');
const { needsAttention } = await import('../../src/lib/server/analytics/attention');
const { refreshLapse } = await import('../../src/lib/server/review/lapses');
const { completionsByWeek, scoreDistributions } =
	await import('../../src/lib/server/analytics/charts');

beforeAll(() => migrateDatabase());
afterAll(() => {
	closeDatabase();
	rmSync(dir, { recursive: true, force: true });
});

// ---- factories: rows straight into the app's tables ------------------------------------------

const DAY = 24 * 60 * 60 * 1000;
const ms = (at: Date | string) => new Date(at).getTime();
const insert = (sql: string, ...params: unknown[]) =>
	Number(
		db()
			.$client.prepare(sql)
			.run(...params).lastInsertRowid
	);

let people = 0;
function user(displayName: string, createdAt = '2025-01-01T00:00:00Z'): number {
	people += 1;
	return insert(
		`INSERT INTO users (email, display_name, role, password_hash, created_at, updated_at)
		VALUES (?, ?, 'student', 'x', ?, ?)`,
		`person${people}@example.org`,
		displayName,
		ms(createdAt),
		ms(createdAt)
	);
}

function newClass(): number {
	const teacher = user('Teacher');
	return insert(
		`INSERT INTO classes (instructor_id, name, join_code, created_at) VALUES (?, 'Class', ?, ?)`,
		teacher,
		`CODE${people}`,
		ms('2025-01-01T00:00:00Z')
	);
}

function enrol(classId: number, userId: number, joinedAt: Date | string = '2025-01-01T00:00:00Z') {
	insert(
		`INSERT INTO class_members (class_id, user_id, joined_at) VALUES (?, ?, ?)`,
		classId,
		userId,
		ms(joinedAt)
	);
}

/** A class with these members (by display name), returning their ids too. */
function classOf(...names: string[]) {
	const classId = newClass();
	const ids = names.map((name) => {
		const id = user(name);
		enrol(classId, id);
		return id;
	});
	return { classId, ids };
}

function quiz(id: string, grading: 'highest' | 'last' | 'average' = 'highest') {
	insert(
		`INSERT INTO quizzes (id, title, max_attempts, grading, shuffle_options, feedback, updated_at)
		VALUES (?, 'Check yourself', NULL, ?, 1, 'immediate', 0)`,
		id,
		grading
	);
}

const citations = [{ source: '000_472f3205b87b21e1.txt', quote: 'A sentence from the article.' }];
const common = {
	claimType: 'fact' as const,
	citations,
	explanation: 'Because the article says so.'
};
const choices = (...ids: string[]) => ids.map((id) => ({ id, text: `Option ${id.toUpperCase()}` }));

let hashes = 0;
function version(
	quizId: string,
	question: Question,
	{ current = true, position = 0 }: { current?: boolean; position?: number } = {}
): number {
	hashes += 1;
	return insert(
		`INSERT INTO question_versions
			(quiz_id, question_key, content_hash, type, body, position, is_current, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		quizId,
		question.id,
		`hash-${hashes}`,
		question.type,
		JSON.stringify(question),
		position,
		current ? 1 : 0,
		hashes
	);
}

type Given = [versionId: number, answer: { response: object; score: number } | null];

/**
 * An attempt given these versions, answered as listed (null: left unanswered); its score is
 * the answers' sum over the questions given, as submitting computes it.
 */
function attempt(
	userId: number,
	quizId: string,
	given: Given[],
	{
		status = 'submitted',
		startedAt = '2025-02-01T10:00:00Z',
		submittedAt
	}: { status?: 'submitted' | 'in_progress'; startedAt?: string; submittedAt?: string } = {}
): number {
	const total = given.reduce((sum, [, answer]) => sum + (answer?.score ?? 0), 0);
	const submitted = status === 'submitted';
	const id = insert(
		`INSERT INTO attempts (user_id, quiz_id, status, score, started_at, submitted_at)
		VALUES (?, ?, ?, ?, ?, ?)`,
		userId,
		quizId,
		status,
		submitted ? (given.length ? total / given.length : 0) : null,
		ms(startedAt),
		submitted ? (submittedAt ? ms(submittedAt) : ms(startedAt) + 10 * 60 * 1000) : null
	);
	given.forEach(([versionId, answer], position) => {
		insert(
			`INSERT INTO attempt_questions (attempt_id, position, question_version_id, layout)
			VALUES (?, ?, ?, '{}')`,
			id,
			position,
			versionId
		);
		if (answer)
			insert(
				`INSERT INTO answers (attempt_id, question_version_id, response, score, answered_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)`,
				id,
				versionId,
				JSON.stringify(answer.response),
				answer.score,
				ms(startedAt),
				ms(startedAt)
			);
	});
	// Raw rows bypass the upkeep on write: recompute the quiz's statistics, as a start-up would.
	rebuildQuiz(quizId);
	return id;
}

/** A submitted one-question attempt scoring `score`, for the grade-only reports. */
function scored(userId: number, quizId: string, versionId: number, score: number, at: string) {
	return attempt(
		userId,
		quizId,
		[[versionId, { response: { type: 'single', optionId: 'a' }, score }]],
		{ startedAt: at }
	);
}

function progress(
	userId: number,
	lessonKey: string,
	{ percent, completedAt, updatedAt }: { percent: number; completedAt?: string; updatedAt: string }
) {
	insert(
		`INSERT INTO lesson_progress (user_id, lesson_key, sections_reached, percent, last_section,
			active_seconds, visit_id, visit_seconds, started_at, completed_at, updated_at)
		VALUES (?, ?, '[]', ?, NULL, 60, NULL, 0, ?, ?, ?)`,
		userId,
		lessonKey,
		percent,
		ms(updatedAt) - DAY,
		completedAt ? ms(completedAt) : null,
		ms(updatedAt)
	);
}

function card(userId: number, quizId: string, questionKey: string): number {
	return insert(
		`INSERT INTO review_cards (user_id, quiz_id, question_key, due, stability, difficulty,
			elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review, layout,
			created_at)
		VALUES (?, ?, ?, 0, 1, 5, 0, 1, 0, 0, 0, 0, NULL, NULL, 0)`,
		userId,
		quizId,
		questionKey
	);
}

function review(cardId: number, userId: number, score: number, at: Date | string) {
	insert(
		`INSERT INTO review_logs (card_id, user_id, rating, score, response, reviewed_at)
		VALUES (?, ?, ?, ?, '{}', ?)`,
		cardId,
		userId,
		score === 1 ? 3 : 1,
		score,
		ms(at)
	);
	// As logging an answer through the app does (review/history.ts).
	refreshLapse(cardId);
}

const single = (id: string, prompt: string, answer = 'a'): Question => ({
	...common,
	id,
	type: 'single',
	prompt,
	options: choices('a', 'b', 'c'),
	answer
});
const multiple = (id: string, prompt: string): Question => ({
	...common,
	id,
	type: 'multiple',
	prompt,
	options: choices('a', 'b', 'c'),
	answers: ['a', 'b']
});
const trueFalse = (id: string, prompt: string): Question => ({
	...common,
	id,
	type: 'truefalse',
	prompt,
	answer: true
});
const pick = (optionId: string, score: number) => ({
	response: { type: 'single', optionId },
	score
});
const picks = (optionIds: string[], score: number) => ({
	response: { type: 'multiple', optionIds },
	score
});
const says = (value: boolean, score: number) => ({ response: { type: 'truefalse', value }, score });

// ---- item analysis ---------------------------------------------------------------------------

describe('itemAnalysis', () => {
	const quizId = 'unit-1/sources';
	let classId: number;
	let otherClass: number;

	beforeAll(() => {
		quiz(quizId);
		// q1 was reworded after Ann's attempt: both versions are the one question "q1".
		const q1Old = version(quizId, single('q1', 'Old wording of q1'), { current: false });
		const q1 = version(quizId, single('q1', 'Which article reports the attack first?'));
		const q2 = version(quizId, multiple('q2', 'Which two claims are attributed?'), {
			position: 1
		});
		const q3 = version(quizId, trueFalse('q3', 'The column names two planners.'), {
			position: 2
		});

		const members = classOf('Ann', 'Ben', 'Cat', 'Dan', 'Eve');
		classId = members.classId;
		const [ann, ben, cat, dan, eve] = members.ids as [number, number, number, number, number];
		//          q1        q2              q3           total t
		// Ann      1 (a)     1 {a,b}         0 (false)    2
		// Ben      1 (a)     1 {a,b}         0 (false)    2
		// Cat      1 (a)     0.5 {a}         1 (true)     2.5
		// Dan      0 (b)     0 {c}           1 (true)     1
		// Eve      —  (0)    0 {c}           1 (true)     1
		attempt(ann, quizId, [
			[q1Old, pick('a', 1)],
			[q2, picks(['a', 'b'], 1)],
			[q3, says(false, 0)]
		]);
		attempt(ben, quizId, [
			[q1, pick('a', 1)],
			[q2, picks(['a', 'b'], 1)],
			[q3, says(false, 0)]
		]);
		attempt(cat, quizId, [
			[q1, pick('a', 1)],
			[q2, picks(['a'], 0.5)],
			[q3, says(true, 1)]
		]);
		attempt(dan, quizId, [
			[q1, pick('b', 0)],
			[q2, picks(['c'], 0)],
			[q3, says(true, 1)]
		]);
		attempt(eve, quizId, [
			[q1, null],
			[q2, picks(['c'], 0)],
			[q3, says(true, 1)]
		]);

		// None of these count: an attempt still open, and a student of another class.
		attempt(
			ann,
			quizId,
			[
				[q1, pick('c', 0)],
				[q2, picks(['c'], 0)],
				[q3, says(false, 0)]
			],
			{ status: 'in_progress' }
		);
		const other = classOf('Zed');
		otherClass = other.classId;
		attempt(other.ids[0]!, quizId, [
			[q1, pick('c', 0)],
			[q2, picks(['a', 'b'], 1)],
			[q3, says(false, 0)]
		]);
	});

	it('counts the class members’ submitted attempts only', async () => {
		expect((await itemAnalysis(classId, quizId)).attempts).toBe(5);
		expect((await itemAnalysis(otherClass, quizId)).attempts).toBe(1);
	});

	it('gives facility and discrimination as worked out by hand', async () => {
		const [q1, q2, q3] = (await itemAnalysis(classId, quizId)).items;
		// q1: x = 1,1,1,0,0 (Eve's blank scores 0), rest r = t − x = 1,1,1.5,1,1.
		//   facility = 3/5 = 0.6
		//   Σx = 3, Σx² = 3, Σr = 5.5, Σr² = 6.25, Σxr = 3.5
		//   r = (5·3.5 − 3·5.5) / √((5·3 − 9)(5·6.25 − 30.25)) = 1/√6 = 0.408248
		expect(q1).toMatchObject({ questionKey: 'q1', attempts: 5, facility: 0.6 });
		expect(q1!.discrimination).toBeCloseTo(0.408248, 6);
		// q2: x = 1,1,0.5,0,0, r = 1,1,2,1,1.
		//   facility = 2.5/5 = 0.5
		//   Σx = 2.5, Σx² = 2.25, Σr = 6, Σr² = 8, Σxr = 3
		//   r = (5·3 − 2.5·6) / √((5·2.25 − 6.25)(5·8 − 36)) = 0/√20 = 0
		expect(q2).toMatchObject({ questionKey: 'q2', attempts: 5, facility: 0.5 });
		expect(q2!.discrimination).toBeCloseTo(0, 9);
		// q3: x = 0,0,1,1,1, r = 2,2,1.5,0,0 — the strongest attempts got it wrong.
		//   facility = 3/5 = 0.6
		//   Σx = 3, Σx² = 3, Σr = 5.5, Σr² = 10.25, Σxr = 1.5
		//   r = (5·1.5 − 3·5.5) / √(6·(5·10.25 − 30.25)) = −9/√126 = −0.801784
		expect(q3).toMatchObject({ questionKey: 'q3', attempts: 5, facility: 0.6 });
		expect(q3!.discrimination).toBeCloseTo(-0.801784, 6);
	});

	it('gives Moodle’s quiz summary and per-question figures as a statistics package does', async () => {
		const { summary, items } = await itemAnalysis(classId, quizId);
		// Computed with SciPy 1.17 / NumPy 2.4 from the table above (grades g = t / 3):
		//   g.mean(), np.median(g), g.std(ddof=1), stats.skew(g, bias=False),
		//   stats.kurtosis(g, bias=False); CIC = 100·p/(p−1)·(1 − Σ var(x_i) / var(t)) with p = 3,
		//   ddof=1 variances; error ratio = 100·√(1 − CIC/100); standard error = ER/100 · SD.
		const expected = {
			mean: 0.5666666666666667,
			standardDeviation: 0.22360679774997896,
			skewness: -0.16563466499998417,
			kurtosis: -2.4074074074074048,
			internalConsistency: -133.33333333333337,
			errorRatio: 152.75252316519467,
			standardError: 0.34156502553198664
		};
		for (const [name, value] of Object.entries(expected))
			expect(Math.abs(summary[name as keyof typeof expected]! - value), name).toBeLessThan(1e-12);
		// Grades are kept to the millionth for the median.
		expect(summary.median).toBeCloseTo(0.6666666666666666, 6);
		expect(summary).toMatchObject({
			attempts: 5,
			students: 5,
			firstAttempts: { count: 5 },
			allAttempts: { count: 5 }
		});
		expect(summary.allAttempts.average).toBeCloseTo(0.5666666666666667, 12);
		// x.std(0, ddof=1); effective weight √cov(x_i, t) / Σ √cov over cov ≥ 0, from np.cov:
		// cov = 0.35, 0.25, −0.15, so q3 has none.
		const figures = items.map((item) => [
			item.sd,
			item.effectiveWeight,
			item.intendedWeight,
			item.randomGuessScore
		]);
		const wanted = [
			[0.5477225575051662, 0.541960108450192, 1 / 3, 1 / 3],
			[0.5, 0.458039891549808, 1 / 3, null],
			[0.5477225575051662, null, 1 / 3, 0.5]
		];
		figures.forEach((row, i) =>
			row.forEach((value, j) => {
				const want = wanted[i]![j]!;
				if (want === null) expect(value, `${i}.${j}`).toBeNull();
				else expect(Math.abs(value! - want), `${i}.${j}`).toBeLessThan(1e-12);
			})
		);
		// Discriminative efficiency as Moodle computes it, with NumPy: np.cov(x, r)[0, 1] over
		// np.cov(np.sort(x), np.sort(r))[0, 1]. q1's right answers came with the best rests.
		const efficiency = [1.0, 0.0, -0.8181818181818185];
		items.forEach((item, i) =>
			expect(Math.abs(item.discriminativeEfficiency! - efficiency[i]!), `${i}`).toBeLessThan(1e-9)
		);
	});

	it('flags weak and negative discrimination', async () => {
		const flags = (await itemAnalysis(classId, quizId)).items.map((item) => item.flags);
		expect(flags).toEqual([
			[],
			['weak discrimination', 'dubious discriminative efficiency'],
			['negative discrimination', 'dubious discriminative efficiency']
		]);
	});

	it('shows each option’s share of the attempts, with its text and whether it is in the key', async () => {
		const [q1, q2, q3] = (await itemAnalysis(classId, quizId)).items;
		expect(q1!.options).toEqual([
			{ id: 'a', text: 'Option A', count: 3, share: 0.6, correct: true },
			{ id: 'b', text: 'Option B', count: 1, share: 0.2, correct: false },
			{ id: 'c', text: 'Option C', count: 0, share: 0, correct: false }
		]);
		// multiple answer: the share of attempts that picked each option
		expect(q2!.options).toEqual([
			{ id: 'a', text: 'Option A', count: 3, share: 0.6, correct: true },
			{ id: 'b', text: 'Option B', count: 2, share: 0.4, correct: true },
			{ id: 'c', text: 'Option C', count: 2, share: 0.4, correct: false }
		]);
		expect(q3!.options).toEqual([
			{ id: 'true', text: 'True', count: 3, share: 0.6, correct: true },
			{ id: 'false', text: 'False', count: 2, share: 0.4, correct: false }
		]);
	});

	it('marks every option that earns full credit as in the key, as Moodle’s two right answers do', async () => {
		const credited = 'unit-1/credited';
		quiz(credited);
		const q = version(credited, {
			...single('q1', 'Where was he from?'),
			options: [
				{ id: 'a', text: 'Option A', credit: 1 },
				{ id: 'b', text: 'Option B', credit: 1 },
				{ id: 'c', text: 'Option C', credit: 0.5 }
			]
		} as Question);
		const fay = classOf('Fay');
		attempt(fay.ids[0]!, credited, [[q, pick('b', 1)]]);
		const [item] = (await itemAnalysis(fay.classId, credited)).items;
		expect(item!.options.map((option) => [option.id, option.correct])).toEqual([
			['a', true],
			['b', true],
			['c', false]
		]);
	});

	it('describes each question by its current version', async () => {
		const [q1, q2] = (await itemAnalysis(classId, quizId)).items;
		expect(q1).toMatchObject({
			prompt: 'Which article reports the attack first?',
			type: 'single',
			citations,
			explanation: 'Because the article says so.'
		});
		expect(q2!.type).toBe('multiple');
		// Ann was given the old wording; the page says how many such attempts are pooled in.
		expect(q1!.earlierAttempts).toBe(1);
		expect(q2!.earlierAttempts).toBe(0);
		// Eve left q1 blank: the option table gets a "No answer" row.
		expect(q1!.unanswered).toBe(1);
		expect(q2!.unanswered).toBe(0);
	});

	it('flags items almost everyone gets right or wrong, and lists unanswered ones', async () => {
		const easy = 'unit-1/easy';
		quiz(easy);
		const e1 = version(easy, single('e1', 'Everyone knows this.'));
		const e2 = version(easy, trueFalse('e2', 'Nobody knows this.'), { position: 1 });
		version(easy, single('e3', 'Added after the attempts.'), { position: 2 });
		// Five attempts: as many as a flag waits for.
		const { classId: cls, ids } = classOf('P', 'Q', 'R', 'S', 'T');
		for (const id of ids)
			attempt(id, easy, [
				[e1, pick('a', 1)],
				[e2, says(false, 0)]
			]);
		const { attempts, items } = await itemAnalysis(cls, easy);
		expect(attempts).toBe(5);
		expect(
			items.map((item) => [
				item.questionKey,
				item.facility,
				item.discrimination,
				item.discriminativeEfficiency
			])
		).toEqual([
			['e1', 1, null, null],
			['e2', 0, null, null],
			['e3', null, null, null]
		]);
		expect(items.map((item) => item.flags)).toEqual([
			['almost everyone right'],
			['almost everyone wrong'],
			[]
		]);
		expect(items[0]!.options[0]).toEqual({
			id: 'a',
			text: 'Option A',
			count: 5,
			share: 1,
			correct: true
		});
		expect(items[2]!.attempts).toBe(0);
		expect(items.map((item) => item.inQuiz)).toEqual([true, true, true]);
	});

	it('marks a question that has left the quiz, after the ones still in it', async () => {
		const edited = 'unit-1/edited';
		quiz(edited);
		const kept = version(edited, single('kept', 'Still asked.'));
		const dropped = version(edited, trueFalse('dropped', 'No longer asked.'), { current: false });
		const { classId: cls, ids } = classOf('Ivy');
		attempt(ids[0]!, edited, [
			[dropped, says(true, 1)],
			[kept, pick('a', 1)]
		]);
		const { items } = await itemAnalysis(cls, edited);
		expect(items.map((item) => [item.questionKey, item.inQuiz, item.intendedWeight])).toEqual([
			['kept', true, 1],
			['dropped', false, null]
		]);
	});

	it('shows each version beside the others when the key changed, and pools rewordings', async () => {
		const rekeyed = 'unit-1/rekeyed';
		quiz(rekeyed);
		const before = version(rekeyed, single('k1', 'Which one?', 'a'), { current: false });
		const after = version(rekeyed, single('k1', 'Which one, now?', 'b'));
		const { classId: cls, ids } = classOf('Jo', 'Kit', 'Lu');
		attempt(ids[0]!, rekeyed, [[before, pick('a', 1)]]);
		attempt(ids[1]!, rekeyed, [[before, pick('a', 1)]]);
		attempt(ids[2]!, rekeyed, [[after, pick('a', 0)]]);
		const [k1] = (await itemAnalysis(cls, rekeyed)).items;
		expect(k1!.versions).toEqual([
			{ number: 1, current: false, key: 'Option A', attempts: 2, facility: 1 },
			{ number: 2, current: true, key: 'Option B', attempts: 1, facility: 0 }
		]);
		// q1 was only reworded: one question, no versions listed.
		expect((await itemAnalysis(classId, quizId)).items[0]!.versions).toEqual([]);
	});

	it('flags nothing below five attempts at a question', async () => {
		const few = 'unit-1/few';
		quiz(few);
		const f1 = version(few, single('f1', 'Everyone so far knows this.'));
		const { classId: cls, ids } = classOf('U', 'V', 'W', 'X');
		for (const id of ids) attempt(id, few, [[f1, pick('a', 1)]]);
		const [f1Stats] = (await itemAnalysis(cls, few)).items;
		expect(f1Stats).toMatchObject({ attempts: 4, facility: 1, flags: [] });
	});

	it('lists the most frequent responses to typed and ordering questions, with their credit', async () => {
		const typedQuiz = 'unit-1/typed';
		quiz(typedQuiz);
		const where = version(typedQuiz, {
			...common,
			id: 'where',
			type: 'short',
			prompt: 'Where was it?',
			answers: [{ text: 'Lahore', credit: 1, feedback: undefined }]
		});
		const order = version(
			typedQuiz,
			{
				...common,
				id: 'order',
				type: 'ordering',
				prompt: 'In what order?',
				items: ['x', 'y', 'z'].map((id) => ({ id, text: `Event ${id}` }))
			},
			{ position: 1 }
		);
		const { classId: cls, ids } = classOf('Mo', 'Ned', 'Oz', 'Pip');
		const typed = (text: string) => ({ response: { type: 'short', text }, score: 0 });
		const ordered = (...ids: string[]) => ({
			response: { type: 'ordering', order: ids },
			score: 0
		});
		attempt(ids[0]!, typedQuiz, [
			[where, typed('Lahore')],
			[order, ordered('x', 'y', 'z')]
		]);
		attempt(ids[1]!, typedQuiz, [
			[where, typed('Lahore')],
			[order, ordered('x', 'z', 'y')]
		]);
		attempt(ids[2]!, typedQuiz, [
			[where, typed('Karachi')],
			[order, ordered('x', 'z', 'y')]
		]);
		attempt(ids[3]!, typedQuiz, [
			[where, null],
			[order, null]
		]);
		const [whereStats, orderStats] = (await itemAnalysis(cls, typedQuiz)).items;
		// Credit by the key: Lahore is right, Karachi not; x, z, y has two of its three pairs in order.
		expect(whereStats!.responses).toEqual([
			{ words: ['Lahore'], count: 2, share: 0.5, credit: 1 },
			{ words: ['Karachi'], count: 1, share: 0.25, credit: 0 }
		]);
		expect(orderStats!.responses).toEqual([
			{ words: ['1. Event x', '2. Event z', '3. Event y'], count: 2, share: 0.5, credit: 2 / 3 },
			{ words: ['1. Event x', '2. Event y', '3. Event z'], count: 1, share: 0.25, credit: 1 }
		]);
		expect(whereStats!.unanswered).toBe(1);
	});

	it('is empty for a class with no attempts', async () => {
		const { classId: empty } = classOf('Nobody');
		const report = await itemAnalysis(empty, quizId);
		expect(report.attempts).toBe(0);
		expect(report.items.every((item) => item.attempts === 0 && item.facility === null)).toBe(true);
	});
});

// ---- which attempts count ----------------------------------------------------------------------

describe('itemAnalysis by set of attempts', () => {
	// Ann tries three times, Ben once; two questions. Grades by attempt (q1, q2):
	//   Ann 1 (Feb 1): 0, 0 → 0     Ann 2 (Feb 2): 1, 1 → 1     Ann 3 (Feb 3): 1, 0 → 0.5
	//   Ben 1 (Feb 1): 1, 1 → 1
	let quizzes = 0;
	function classWithHistory(grading: 'highest' | 'last' | 'average') {
		quizzes += 1;
		const quizId = `sets/${grading}-${quizzes}`;
		quiz(quizId, grading);
		const q1 = version(quizId, single('q1', 'First'));
		const q2 = version(quizId, trueFalse('q2', 'Second'), { position: 1 });
		const {
			classId,
			ids: [ann, ben]
		} = classOf('Ann', 'Ben');
		const answer = (right: boolean, id: number) =>
			id === q1 ? pick(right ? 'a' : 'b', right ? 1 : 0) : says(right, right ? 1 : 0);
		const tries: [number, boolean, boolean, string][] = [
			[ann!, false, false, '2025-02-01T10:00:00Z'],
			[ann!, true, true, '2025-02-02T10:00:00Z'],
			[ann!, true, false, '2025-02-03T10:00:00Z'],
			[ben!, true, true, '2025-02-01T11:00:00Z']
		];
		for (const [userId, first, second, startedAt] of tries)
			attempt(
				userId,
				quizId,
				[
					[q1, answer(first, q1)],
					[q2, answer(second, q2)]
				],
				{ startedAt }
			);
		return async (set: 'counted' | 'first' | 'all') => {
			const report = await itemAnalysis(classId, quizId, set);
			return [report.attempts, report.students, ...report.items.map((item) => item.facility)];
		};
	}

	it('counts each student’s highest-graded attempt under "highest"', async () => {
		const analysis = classWithHistory('highest');
		// Ann 2 and Ben: both right on both.
		expect(await analysis('counted')).toEqual([2, 2, 1, 1]);
	});

	it('counts each student’s last attempt under "last"', async () => {
		const analysis = classWithHistory('last');
		// Ann 3 (1, 0) and Ben (1, 1).
		expect(await analysis('counted')).toEqual([2, 2, 1, 0.5]);
	});

	it('counts every attempt under "average"', async () => {
		const analysis = classWithHistory('average');
		// q1: 0 + 1 + 1 + 1 of 4; q2: 0 + 1 + 0 + 1 of 4.
		expect(await analysis('counted')).toEqual([4, 2, 0.75, 0.5]);
	});

	it('offers first attempts and all attempts whatever the grading method', async () => {
		for (const grading of ['highest', 'last', 'average'] as const) {
			const analysis = classWithHistory(grading);
			// Ann 1 (0, 0) and Ben (1, 1).
			expect(await analysis('first')).toEqual([2, 2, 0.5, 0.5]);
			expect(await analysis('all')).toEqual([4, 2, 0.75, 0.5]);
		}
	});
});

// ---- class grid ------------------------------------------------------------------------------

const lessons: GridLesson[] = [
	{ key: 'grid/one', title: 'Lesson One', hasQuiz: true, grading: 'highest' },
	{ key: 'grid/two', title: 'Lesson Two', hasQuiz: true, grading: 'last' },
	{ key: 'grid/three', title: 'Lesson Three', hasQuiz: true, grading: 'average' },
	{ key: 'grid/reading', title: 'Reading only', hasQuiz: false, grading: 'highest' }
];

describe('classGrid', () => {
	let classId: number;
	let ada: number, bea: number, cal: number;

	beforeAll(() => {
		// one single-choice question per quiz: its version id
		const [one, two, three] = lessons
			.filter((lesson) => lesson.hasQuiz)
			.map((lesson) => {
				quiz(lesson.key, lesson.grading);
				return version(lesson.key, single('g', 'Grid question'));
			}) as [number, number, number];
		const members = classOf('bea', 'Cal', 'Ada');
		classId = members.classId;
		[bea, cal, ada] = members.ids as [number, number, number];

		progress(ada, 'grid/one', {
			percent: 100,
			completedAt: '2025-02-02T10:00:00Z',
			updatedAt: '2025-02-02T10:00:00Z'
		});
		progress(ada, 'grid/two', { percent: 40, updatedAt: '2025-02-03T10:00:00Z' });
		progress(ada, 'grid/reading', {
			percent: 100,
			completedAt: '2025-02-04T10:00:00Z',
			updatedAt: '2025-02-04T10:00:00Z'
		});
		// highest of 0.4 and 0.8; the open attempt does not count
		scored(ada, 'grid/one', one, 0.4, '2025-02-01T10:00:00Z');
		scored(ada, 'grid/one', one, 0.8, '2025-02-01T11:00:00Z');
		attempt(ada, 'grid/one', [[one, null]], {
			status: 'in_progress',
			startedAt: '2025-02-01T12:00:00Z'
		});
		// last: 0.9 then 0.6
		scored(ada, 'grid/two', two, 0.9, '2025-02-05T10:00:00Z');
		scored(ada, 'grid/two', two, 0.6, '2025-02-06T10:00:00Z');
		// average of 0.5 and 1, without opening the lesson; the latest activity of all
		scored(ada, 'grid/three', three, 0.5, '2025-02-07T10:00:00Z');
		attempt(ada, 'grid/three', [[three, pick('a', 1)]], {
			startedAt: '2025-02-08T10:00:00Z',
			submittedAt: '2025-02-08T10:30:00Z'
		});

		// Cal has only an open attempt and a review
		attempt(cal, 'grid/one', [[one, null]], {
			status: 'in_progress',
			startedAt: '2025-02-10T09:00:00Z'
		});
		review(card(cal, 'grid/one', 'g'), cal, 1, '2025-02-11T09:00:00Z');

		// someone else, in another class, with activity of their own
		const other = classOf('Aaron');
		scored(other.ids[0]!, 'grid/one', one, 1, '2025-03-01T10:00:00Z');
	});

	it('has one row per member, sorted by name, with cells in lesson order', async () => {
		const grid = await classGrid(classId, lessons);
		expect(grid.map((row) => row.displayName)).toEqual(['Ada', 'bea', 'Cal']);
		expect(grid.map((row) => row.userId)).toEqual([ada, bea, cal]);
		expect(grid[0]!.email).toMatch(/@example\.org$/);
		for (const row of grid)
			expect(row.cells.map((cell) => cell.lessonKey)).toEqual(lessons.map((l) => l.key));
	});

	it('grades each quiz by its method over submitted attempts', async () => {
		const [row] = await classGrid(classId, lessons);
		expect(row!.cells).toEqual([
			{ lessonKey: 'grid/one', status: 'complete', percent: 100, quizScore: 0.8, attempts: 2 },
			{ lessonKey: 'grid/two', status: 'in progress', percent: 40, quizScore: 0.6, attempts: 2 },
			{
				lessonKey: 'grid/three',
				status: 'in progress',
				percent: 0,
				quizScore: 0.75,
				attempts: 2
			},
			{
				lessonKey: 'grid/reading',
				status: 'complete',
				percent: 100,
				quizScore: null,
				attempts: 0
			}
		]);
		expect(row!.completed).toBe(2);
		expect(row!.averageScore).toBeCloseTo((0.8 + 0.6 + 0.75) / 3, 12);
		expect(row!.lastActiveAt).toEqual(new Date('2025-02-08T10:30:00Z'));
	});

	it('follows the grading method it is given', async () => {
		const byLast = lessons.map((lesson) => ({ ...lesson, grading: 'last' as const }));
		const [row] = await classGrid(classId, byLast);
		expect(row!.cells.map((cell) => cell.quizScore)).toEqual([0.8, 0.6, 1, null]);
		const byAverage = lessons.map((lesson) => ({ ...lesson, grading: 'average' as const }));
		expect((await classGrid(classId, byAverage))[0]!.cells[0]!.quizScore).toBeCloseTo(0.6, 12);
	});

	it('shows members with nothing done as not started', async () => {
		const [, beaRow, calRow] = await classGrid(classId, lessons);
		expect(beaRow).toMatchObject({ completed: 0, averageScore: null, lastActiveAt: null });
		expect(beaRow!.cells.every((cell) => cell.status === 'not started')).toBe(true);
		expect(beaRow!.cells.every((cell) => cell.quizScore === null && cell.attempts === 0)).toBe(
			true
		);
		// an open attempt and a review are activity, but neither starts a lesson or grades a quiz
		expect(calRow!.cells[0]).toEqual({
			lessonKey: 'grid/one',
			status: 'not started',
			percent: 0,
			quizScore: null,
			attempts: 0
		});
		expect(calRow!.lastActiveAt).toEqual(new Date('2025-02-11T09:00:00Z'));
	});

	it('is empty for a class without members', async () => {
		expect(await classGrid(newClass(), lessons)).toEqual([]);
	});
});

// ---- needs attention -------------------------------------------------------------------------

describe('needsAttention', () => {
	const now = new Date('2025-03-20T12:00:00Z');
	const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * 3600_000);
	const iso = (days: number, hours = 0) => ago(days, hours).toISOString();
	let classId: number;
	const id: Record<string, number> = {};

	beforeAll(() => {
		const one = 'attention/one';
		const two = 'attention/two';
		const three = 'attention/three';
		for (const key of [one, two, three]) quiz(key);
		const v = {
			[one]: version(one, single('a1', 'A')),
			[two]: version(two, single('a2', 'A')),
			[three]: version(three, single('a3', 'A'))
		};
		classId = newClass();
		const member = (name: string, joined: Date) => {
			id[name] = user(name);
			enrol(classId, id[name]!, joined);
			return id[name]!;
		};
		const recently = (userId: number, days: number) =>
			progress(userId, `attention/reading-${userId}`, { percent: 50, updatedAt: iso(days) });

		// Ada: active yesterday, nothing wrong
		recently(member('Ada', ago(30)), 1);
		// Ben: last seen 10 days (and a few hours) ago
		const ben = member('Ben', ago(30));
		scored(ben, one, v[one]!, 0.9, iso(10, 3));
		// Cy: joined 8 days ago and has done nothing since
		member('Cy', ago(8, 2));
		// Dee: failed quiz one twice; failed quiz two once then passed; scored exactly 0.5 twice
		const dee = member('Dee', ago(30));
		recently(dee, 2);
		scored(dee, one, v[one]!, 0.2, iso(20));
		scored(dee, one, v[one]!, 0.4, iso(19));
		scored(dee, two, v[two]!, 0.3, iso(18));
		scored(dee, two, v[two]!, 0.9, iso(17));
		scored(dee, three, v[three]!, 0.5, iso(16));
		scored(dee, three, v[three]!, 0.5, iso(15));
		// Eve: right on a card 20 days ago, wrong on it twice this week
		const eve = member('Eve', ago(30));
		const eveCard = card(eve, one, 'a1');
		review(eveCard, eve, 1, ago(20));
		review(eveCard, eve, 0, ago(3));
		review(eveCard, eve, 0, ago(2));
		// Fay: wrong twice on a card never right (no lapse), and a lapse yesterday on another
		const fay = member('Fay', ago(30));
		recently(fay, 1);
		const never = card(fay, one, 'a1');
		review(never, fay, 0, ago(3));
		review(never, fay, 0, ago(2));
		const once = card(fay, two, 'a2');
		review(once, fay, 1, ago(30));
		review(once, fay, 0, ago(20));
		review(once, fay, 0, ago(1));
		// Gus: every reason at once
		const gus = member('Gus', ago(60));
		scored(gus, two, v[two]!, 0.1, iso(40));
		scored(gus, two, v[two]!, 0.2, iso(39));
		scored(gus, one, v[one]!, 0.3, iso(38));
		scored(gus, one, v[one]!, 0.3, iso(37));
		const gusCard = card(gus, one, 'a1');
		review(gusCard, gus, 1, ago(36));
		review(gusCard, gus, 0, ago(12));
		review(gusCard, gus, 0, ago(11));
		// Hal: joined 3 days ago, last active elsewhere long before
		const hal = member('Hal', ago(3));
		recently(hal, 25);
		// Ivy: failed quiz one twice, then passed it; lapsed a card, then got it right again
		const ivy = member('Ivy', ago(30));
		recently(ivy, 1);
		scored(ivy, one, v[one]!, 0.1, iso(9));
		scored(ivy, one, v[one]!, 0.2, iso(8));
		scored(ivy, one, v[one]!, 0.8, iso(7));
		const ivyCard = card(ivy, one, 'a1');
		review(ivyCard, ivy, 1, ago(6));
		review(ivyCard, ivy, 0, ago(5));
		review(ivyCard, ivy, 1, ago(4));

		// an inactive student of another class
		classOf('Olga');
	});

	const lessonsHere: GridLesson[] = [
		{ key: 'attention/one', title: 'Lesson One', hasQuiz: true, grading: 'highest' },
		{ key: 'attention/two', title: 'Lesson Two', hasQuiz: true, grading: 'highest' },
		{ key: 'attention/three', title: 'Lesson Three', hasQuiz: true, grading: 'highest' }
	];

	it('lists each student with a reason, and only those', async () => {
		expect(await needsAttention(classId, lessonsHere, { now })).toEqual([
			{ userId: id.Ben, displayName: 'Ben', reasons: ['inactive for 10 days'] },
			{ userId: id.Cy, displayName: 'Cy', reasons: ['inactive for 8 days'] },
			{ userId: id.Dee, displayName: 'Dee', reasons: ['failed Lesson One quiz twice in a row'] },
			{
				userId: id.Eve,
				displayName: 'Eve',
				reasons: ['mastery dropping: 1 review card lapsed']
			},
			{
				userId: id.Fay,
				displayName: 'Fay',
				reasons: ['mastery dropping: 1 review card lapsed']
			},
			{
				userId: id.Gus,
				displayName: 'Gus',
				reasons: [
					'inactive for 11 days',
					'failed Lesson One quiz twice in a row',
					'failed Lesson Two quiz twice in a row',
					'mastery dropping: 1 review card lapsed'
				]
			}
		]);
	});

	it('takes the inactivity threshold it is given', async () => {
		const flagged = await needsAttention(classId, lessonsHere, { now, inactiveDays: 2 });
		const inactive = flagged
			.filter((row) => row.reasons.some((reason) => reason.startsWith('inactive')))
			.map((row) => [row.displayName, row.reasons[0]]);
		expect(inactive).toEqual([
			['Ben', 'inactive for 10 days'],
			['Cy', 'inactive for 8 days'],
			['Dee', 'inactive for 2 days'],
			['Eve', 'inactive for 2 days'],
			['Gus', 'inactive for 11 days'],
			['Hal', 'inactive for 3 days']
		]);
	});

	it('counts lapses in the last 14 days only', async () => {
		// Seen from 10 days later, Eve's and Fay's lapses are 12 and 11 days old (still in), Gus's
		// is 21 (out).
		const later = new Date(now.getTime() + 10 * DAY);
		const lapsing = (await needsAttention(classId, lessonsHere, { now: later, inactiveDays: 365 }))
			.filter((row) => row.reasons.some((reason) => reason.startsWith('mastery dropping')))
			.map((row) => row.displayName);
		expect(lapsing).toEqual(['Eve', 'Fay']);
	});

	it('names a quiz outside the lesson list by its id', async () => {
		const dee = (await needsAttention(classId, [], { now })).find(
			(row) => row.displayName === 'Dee'
		);
		expect(dee!.reasons).toEqual(['failed attention/one quiz twice in a row']);
	});
});

// ---- charts ----------------------------------------------------------------------------------

describe('completionsByWeek', () => {
	let classId: number;
	const now = new Date('2025-03-12T15:00:00Z'); // a Wednesday; its week starts on 10 March

	beforeAll(() => {
		const { classId: cls, ids } = classOf('Ana', 'Bo');
		classId = cls;
		const [ana, bo] = ids as [number, number];
		const done = (userId: number, key: string, at: string) =>
			progress(userId, key, { percent: 100, completedAt: at, updatedAt: at });
		done(ana, 'weeks/monday', '2025-03-10T00:00:00Z'); // first instant of this week
		done(ana, 'weeks/sunday', '2025-03-09T23:59:59Z'); // last instant of last week
		done(bo, 'weeks/today', '2025-03-12T09:00:00Z');
		done(bo, 'weeks/first', '2025-01-20T00:00:00Z'); // first day of the eighth week back
		done(ana, 'weeks/too-old', '2025-01-19T23:00:00Z');
		progress(bo, 'weeks/unfinished', { percent: 60, updatedAt: '2025-03-11T09:00:00Z' });
		const other = classOf('Out');
		done(other.ids[0]!, 'weeks/today', '2025-03-11T09:00:00Z');
	});

	it('counts members’ completions per week, oldest first, over 8 weeks', async () => {
		expect(await completionsByWeek(classId, { now })).toEqual([
			{ weekStart: '2025-01-20', completions: 1 },
			{ weekStart: '2025-01-27', completions: 0 },
			{ weekStart: '2025-02-03', completions: 0 },
			{ weekStart: '2025-02-10', completions: 0 },
			{ weekStart: '2025-02-17', completions: 0 },
			{ weekStart: '2025-02-24', completions: 0 },
			{ weekStart: '2025-03-03', completions: 1 },
			{ weekStart: '2025-03-10', completions: 2 }
		]);
	});

	it('takes the number of weeks, and a Sunday belongs to the week before it', async () => {
		expect(
			await completionsByWeek(classId, { weeks: 2, now: new Date('2025-03-16T23:00:00Z') })
		).toEqual([
			{ weekStart: '2025-03-03', completions: 1 },
			{ weekStart: '2025-03-10', completions: 2 }
		]);
	});
});

describe('scoreDistributions', () => {
	const quizId = 'charts/quiz';
	let classId: number;
	const scoreDistribution = async (quizId: string, grading: GridLesson['grading']) => {
		const lessons = [
			{ key: 'charts/reading', title: 'Reading only', hasQuiz: false, grading },
			{ key: quizId, title: 'Quiz', hasQuiz: true, grading }
		];
		const [only, ...more] = await scoreDistributions(classId, lessons);
		expect(more).toEqual([]);
		expect(only!.key).toBe(quizId);
		return only!.buckets;
	};

	beforeAll(() => {
		quiz(quizId);
		const v = version(quizId, single('d1', 'Distribution'));
		const { classId: cls, ids } = classOf(
			'm1',
			'm2',
			'm3',
			'm4',
			'm5',
			'm6',
			'm7',
			'm8',
			'm9',
			'idle'
		);
		classId = cls;
		// 0.7 − 0.4 is stored as 0.29999999999999993: still 30 %, so in the fourth bucket.
		const grades = [0, 0.05, 0.1, 0.7, 0.99, 1];
		scored(ids[7]!, quizId, v, 0.7 - 0.4, '2025-02-01T10:00:00Z');
		scored(ids[8]!, quizId, v, 0.29, '2025-02-01T10:00:00Z');
		grades.forEach((grade, i) => scored(ids[i]!, quizId, v, grade, '2025-02-01T10:00:00Z'));
		// m7: 0.95 first, 0.25 last — 0.95 highest, 0.25 last, 0.6 average
		scored(ids[6]!, quizId, v, 0.95, '2025-02-01T10:00:00Z');
		scored(ids[6]!, quizId, v, 0.25, '2025-02-02T10:00:00Z');
		const other = classOf('Out');
		scored(other.ids[0]!, quizId, v, 1, '2025-02-01T10:00:00Z');
	});

	it('puts members’ grades in tenths, with 100 % in the top bucket', async () => {
		expect(await scoreDistribution(quizId, 'highest')).toEqual([2, 1, 1, 1, 0, 0, 0, 1, 0, 3]);
	});

	it('grades by the method it is given', async () => {
		expect(await scoreDistribution(quizId, 'last')).toEqual([2, 1, 2, 1, 0, 0, 0, 1, 0, 2]);
		expect(await scoreDistribution(quizId, 'average')).toEqual([2, 1, 1, 1, 0, 0, 1, 1, 0, 2]);
	});

	it('is all zeros for a quiz nobody in the class submitted', async () => {
		expect(await scoreDistribution('unit-1/sources', 'highest')).toEqual(Array(10).fill(0));
	});
});
