import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/quiz-schema';
import type { CatalogQuiz } from '../../src/lib/server/quiz/catalog';

// The statistics kept on write must equal the ones rebuilt from the raw answers, whatever
// happened in between. The app's own functions run here on a real database file.
const dir = mkdtempSync(join(tmpdir(), 'course-stats-'));
process.env.DATABASE_PATH = join(dir, 'course.db');
const { closeDatabase, db, migrateDatabase } = await import('../../src/lib/server/db');
const { syncQuizzes } = await import('../../src/lib/server/quiz/sync');
const quiz = await import('../../src/lib/server/quiz/attempts');
const { createClass, joinClass, removeStudent } = await import('../../src/lib/server/classes');
const { leaveClass } = await import('../../src/lib/server/student-classes');
const { deleteAccount } = await import('../../src/lib/server/account/export');
const { deleteAttempt } = await import('../../src/lib/server/analytics/stats-upkeep');
const { rebuildAllStats, reconcileStats } =
	await import('../../src/lib/server/analytics/stats-rebuild');
const { itemAnalysis } = await import('../../src/lib/server/analytics/item-analysis');
const { markEssay } = await import('../../src/lib/server/quiz/essay-marks');

beforeAll(() => migrateDatabase());
afterAll(() => {
	closeDatabase();
	rmSync(dir, { recursive: true, force: true });
});

const sql = <T>(query: string, ...params: unknown[]) =>
	db()
		.$client.prepare(query)
		.all(...params) as T[];

const common = {
	claimType: 'fact' as const,
	citations: [{ source: '000_472f3205b87b21e1.txt', quote: 'A sentence from the article.' }],
	explanation: 'Because the article says so.'
};
const options = ['a', 'b', 'c'].map((id) => ({ id, text: `Option ${id}` }));

/** A quiz of six questions of six kinds, an essay last; `edits` rewords q1. */
function quizFile(
	id: string,
	grading: 'highest' | 'last' | 'average',
	edits: number,
	feedback: 'immediate' | 'deferred'
): CatalogQuiz {
	const [moduleSlug, lessonSlug] = id.split('/') as [string, string];
	const questions: Question[] = [
		{
			...common,
			id: 'q1',
			type: 'single',
			prompt: `Which one? (edition ${edits})`,
			options,
			// Every other edition changes the key too.
			answer: edits % 2 ? 'b' : 'a'
		},
		{ ...common, id: 'q2', type: 'multiple', prompt: 'Which two?', options, answers: ['a', 'b'] },
		{ ...common, id: 'q3', type: 'truefalse', prompt: 'True?', answer: true },
		{
			...common,
			id: 'q4',
			type: 'short',
			prompt: 'Where?',
			answers: [{ text: 'Lahore', credit: 1, feedback: undefined }]
		},
		{
			...common,
			id: 'q5',
			type: 'ordering',
			prompt: 'In what order?',
			items: ['x', 'y', 'z'].map((id) => ({ id, text: `Event ${id}` }))
		},
		{ ...common, id: 'q6', type: 'essay', prompt: 'Why?', guidance: 'Look for a reason.' }
	];
	return {
		id,
		moduleSlug,
		lessonSlug,
		quiz: { title: 'Check', grading, shuffleOptions: true, feedback, questions }
	};
}

/** A form answering a question by positions in its layout. */
const typed = ['Lahore', 'lahore', ' Karachi', 'Pe\u0161awar "old"', 'Quetta\\'];
const orders = [
	['0', '1', '2'],
	['2', '1', '0'],
	['1', '0', '2']
];

function form(type: string, choice: number): FormData {
	const answer = new FormData();
	if (type === 'short' || type === 'essay') answer.set('answer', typed[choice % typed.length]!);
	else if (type === 'ordering')
		for (const position of orders[choice % 3]!) answer.append('order', position);
	else if (type === 'truefalse') answer.set('answer', choice % 2 ? 'true' : 'false');
	else if (type === 'multiple')
		for (const position of ['0', '1', '2'].filter((_, i) => (choice + 1) & (1 << i)))
			answer.append('answer', position);
	else answer.set('answer', String(choice % 3));
	return answer;
}

const gradings = ['highest', 'last', 'average'] as const;
const student = fc.nat({ max: 2 });
const quizIndex = fc.nat({ max: 1 });
const operation = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			op: fc.constant('answer'),
			student,
			quizIndex,
			question: fc.nat({ max: 5 }),
			choice: fc.nat({ max: 6 })
		})
	},
	{
		weight: 4,
		arbitrary: fc.record({
			op: fc.constant('submit'),
			student,
			quizIndex,
			choices: fc.array(fc.nat({ max: 6 }), { minLength: 6, maxLength: 6 })
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({
			op: fc.constant('delete attempt'),
			student,
			quizIndex,
			which: fc.nat({ max: 3 })
		})
	},
	{
		weight: 2,
		arbitrary: fc.record({ op: fc.constant('join'), student, classIndex: fc.nat({ max: 1 }) })
	},
	{
		weight: 1,
		arbitrary: fc.record({
			op: fc.constant('leave'),
			student,
			classIndex: fc.nat({ max: 1 }),
			removed: fc.boolean()
		})
	},
	{
		weight: 6,
		arbitrary: fc.record({
			op: fc.constant('mark essay'),
			student,
			quizIndex,
			which: fc.nat({ max: 3 }),
			classIndex: fc.nat({ max: 1 }),
			// Moodle's fractions and plain percentages alike, regrades included.
			mark: fc.constantFrom(0, 0.25, 1 / 3, 0.5, 0.7, 1)
		})
	},
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('edit question'), quizIndex }) },
	{
		weight: 1,
		arbitrary: fc.record({
			op: fc.constant('change grading'),
			quizIndex,
			grading: fc.constantFrom(...gradings)
		})
	},
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('delete account'), student }) }
);

const tables = {
	quiz_stats: 'class_id, quiz_id, attempt_set',
	grade_counts: 'class_id, quiz_id, attempt_set, grade_micros',
	question_stats: 'class_id, quiz_id, attempt_set, question_version_id',
	question_marks: 'class_id, quiz_id, attempt_set, question_version_id, axis, micros',
	choice_counts: 'class_id, quiz_id, attempt_set, question_version_id, choice',
	quiz_summaries: 'user_id, quiz_id'
};

function snapshot() {
	return Object.entries(tables).map(([table, key]) => ({
		table,
		rows: sql<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY ${key}`)
	}));
}

/** Equal keys and counts; sums equal to 1e-9 of their size. */
function expectClose(kept: unknown, rebuilt: unknown, path = ''): void {
	if (typeof kept === 'number' && typeof rebuilt === 'number') {
		const tolerance = 1e-9 * Math.max(1, Math.abs(kept), Math.abs(rebuilt));
		if (Math.abs(kept - rebuilt) > tolerance)
			expect.fail(`${path}: kept ${kept}, rebuilt ${rebuilt}`);
	} else if (kept && rebuilt && typeof kept === 'object' && typeof rebuilt === 'object') {
		expect(Object.keys(kept), path).toEqual(Object.keys(rebuilt));
		for (const [key, value] of Object.entries(kept))
			expectClose(value, (rebuilt as Record<string, unknown>)[key], `${path}.${key}`);
	} else expect(kept, path).toEqual(rebuilt);
}

let runs = 0;
let marked = 0;
let people = 0;

describe('statistics kept on write', () => {
	it('equal the ones rebuilt from the raw answers after any sequence of changes', async () => {
		const teacher = sql<{ id: number }>(
			`INSERT INTO users (email, display_name, role, password_hash, created_at, updated_at)
			VALUES ('teacher@example.org', 'Teacher', 'instructor', 'x', 0, 0) RETURNING id`
		)[0]!.id;
		await fc.assert(
			fc.asyncProperty(
				fc.array(operation, { minLength: 5, maxLength: 40 }),
				fc.tuple(fc.constantFrom(...gradings), fc.constantFrom(...gradings)),
				async (operations, [gradingA, gradingB]) => {
					runs += 1;
					const quizzes = [
						{ id: `run${runs}/a`, grading: gradingA, edits: 0, feedback: 'deferred' as const },
						{ id: `run${runs}/b`, grading: gradingB, edits: 0, feedback: 'immediate' as const }
					];
					const sync = () =>
						syncQuizzes(quizzes.map((q) => quizFile(q.id, q.grading, q.edits, q.feedback)));
					sync();
					reconcileStats();
					const classes = [
						await createClass(teacher, `Run ${runs} first`),
						await createClass(teacher, `Run ${runs} second`)
					];
					const students = Array.from({ length: 3 }, () => {
						people += 1;
						return sql<{ id: number }>(
							`INSERT INTO users (email, display_name, role, password_hash, created_at, updated_at)
							VALUES (?, ?, 'student', 'x', 0, 0) RETURNING id`,
							`s${people}@example.org`,
							`Student ${people}`
						)[0]!.id;
					});
					const deleted = new Set<number>();
					for (const [i, userId] of students.entries())
						if (i < 2) await joinClass(userId, classes[i % 2]!.joinCode);

					for (const step of operations) {
						const userId = 'student' in step ? students[step.student]! : 0;
						if (deleted.has(userId)) continue;
						const target = 'quizIndex' in step ? quizzes[step.quizIndex]! : undefined;
						switch (step.op) {
							case 'answer': {
								const attemptId = quiz.startOrResumeAttempt(userId, target!.id);
								const given = (await quiz.attemptQuestionsOf(attemptId))[step.question]!;
								// An immediate-feedback answer cannot be changed; the refusal is part of the run.
								await quiz
									.saveAnswer(
										userId,
										attemptId,
										given.question.id,
										form(given.question.type, step.choice)
									)
									.catch(() => {});
								break;
							}
							case 'submit': {
								// The open attempt as it stands, or a whole new one answered by `choices`.
								let open = (await quiz.attemptsOf(userId, target!.id)).find(
									(a) => a.status === 'in_progress'
								)?.id;
								if (!open) {
									open = quiz.startOrResumeAttempt(userId, target!.id);
									for (const [i, given] of (await quiz.attemptQuestionsOf(open)).entries())
										await quiz.saveAnswer(
											userId,
											open,
											given.question.id,
											form(given.question.type, step.choices[i]!)
										);
								}
								await quiz.submitAttempt(userId, open);
								break;
							}
							case 'delete attempt': {
								const all = await quiz.attemptsOf(userId, target!.id);
								if (all.length) deleteAttempt(all[step.which % all.length]!.id);
								break;
							}
							case 'mark essay': {
								// Among the submitted attempts: marking an open one is refused, and would
								// leave few runs that mark anything.
								const all = (await quiz.attemptsOf(userId, target!.id)).filter(
									(attempt) => attempt.status === 'submitted'
								);
								const attempt = all[step.which % Math.max(1, all.length)];
								const essay = attempt
									? (await quiz.attemptQuestionsOf(attempt.id)).find(
											(given) => given.question.type === 'essay'
										)
									: undefined;
								// Refused when not submitted, unanswered or not in that class: part of the run.
								// By a teacher of one of the student's classes where there is one: other
								// classes are refused (tests/integration/essays.test.ts), and change nothing.
								const theirs = sql<{ id: number }>(
									`SELECT class_id AS id FROM class_members WHERE user_id = ? ORDER BY class_id`,
									userId
								);
								const klass = theirs[step.classIndex % Math.max(1, theirs.length)]?.id;
								if (attempt && essay)
									await markEssay(klass ?? classes[step.classIndex]!.id, teacher, {
										attemptId: attempt.id,
										questionVersionId: essay.versionId,
										mark: step.mark,
										comment: step.mark < 1 ? 'Say why.' : null
									}).then(
										() => (marked += 1),
										() => {}
									);
								break;
							}
							case 'join':
								await joinClass(userId, classes[step.classIndex]!.joinCode);
								break;
							case 'leave':
								if (step.removed) await removeStudent(classes[step.classIndex]!.id, userId);
								else await leaveClass(userId, classes[step.classIndex]!.id).catch(() => {});
								break;
							case 'edit question':
								target!.edits += 1;
								sync();
								break;
							case 'change grading':
								target!.grading = step.grading;
								// As the server does when it starts with an edited quiz file.
								sync();
								reconcileStats();
								break;
							case 'delete account':
								await deleteAccount(userId);
								deleted.add(userId);
								break;
						}
					}

					const kept = snapshot();
					const reports = async () => {
						const all = [];
						for (const klass of classes)
							for (const { id } of quizzes)
								for (const set of ['counted', 'first', 'all'] as const)
									all.push(await itemAnalysis(klass.id, id, set));
						return all;
					};
					const keptReports = await reports();
					rebuildAllStats();
					expectClose(kept, snapshot());
					expectClose(keptReports, await reports());
				}
			),
			{ numRuns: 60 }
		);
		// The runs did mark essays, not only try to (the marks themselves may since have gone with
		// their attempts or accounts).
		// About fifteen in a set of runs; none at all would mean the generator stopped reaching them.
		expect(marked).toBeGreaterThan(0);
	}, 180_000);
});
