// `npm run bench [-- --students N]`: times the instructor analytics on a synthetic class of N
// students (1,000 by default) with 10 submitted attempts each at a 30-question quiz, in a
// temporary database that is then deleted; then what an answer's commit costs with
// synchronous = FULL against NORMAL; then what a phone downloads on a first visit to the home
// page, a lesson and a quiz attempt.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Question } from '../src/lib/content/quiz-schema';
import { benchCommits } from './bench-commits';
import { benchPageWeight } from './page-weight';

/** The targets: 50 ms for each at 1,000 students; at 10,000, 200 ms for the class page. */
const targetMs = (whole: boolean) => (whole && STUDENTS > 1_000 ? 200 : 50);
const { values: options } = parseArgs({
	options: { students: { type: 'string', default: '1000' } }
});
const STUDENTS = Number(options.students);
if (!Number.isSafeInteger(STUDENTS) || STUDENTS < 1) throw new Error('--students must be a count.');
const ATTEMPTS_PER_STUDENT = 10;
const QUESTIONS = 30;
const OPTIONS = 4;
const WARM_UPS = 2;
const RUNS = 15;
const DAY = 24 * 60 * 60 * 1000;

/** mulberry32: a small seeded generator, so every run builds the same data. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const random = seeded(20240601);
/** Standard normal, by Box–Muller. */
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

const dir = mkdtempSync(join(tmpdir(), 'course-bench-'));
process.env.DATABASE_PATH = join(dir, 'bench.db');

try {
	const { closeDatabase, db, migrateDatabase } = await import('../src/lib/server/db');
	const { classGrid } = await import('../src/lib/server/analytics/grid');
	const { itemAnalysis } = await import('../src/lib/server/analytics/item-analysis');
	const { classOverview } = await import('../src/lib/server/analytics/class-overview');
	const { rebuildAllStats } = await import('../src/lib/server/analytics/stats-rebuild');
	const { refreshAllLapses } = await import('../src/lib/server/review/lapses');
	type GridLesson = import('../src/lib/server/analytics/grid').GridLesson;

	migrateDatabase();
	const sqlite = db().$client;

	// Fifteen lessons in three modules; every third has a quiz, the last of module 1 is timed.
	const lessons: GridLesson[] = Array.from({ length: 15 }, (_, i) => ({
		key: `module-${Math.floor(i / 5) + 1}/lesson-${(i % 5) + 1}`,
		title: `Lesson ${i + 1}`,
		hasQuiz: i % 3 === 2,
		grading: pick(['highest', 'last', 'average'] as const)
	}));
	const quiz = lessons[2]!;

	const built = performance.now();
	const now = Date.now();
	const build = sqlite.transaction(() => {
		const insertUser = sqlite.prepare(
			`INSERT INTO users (email, display_name, role, password_hash, created_at, updated_at)
			VALUES (?, ?, ?, 'not-a-hash', ?, ?)`
		);
		const instructorId = Number(
			insertUser.run('teacher@example.org', 'Teacher', 'instructor', now, now).lastInsertRowid
		);
		const classId = Number(
			sqlite
				.prepare(
					`INSERT INTO classes (instructor_id, name, join_code, created_at) VALUES (?, ?, ?, ?)`
				)
				.run(instructorId, 'Benchmark class', 'BENCH001', now - 90 * DAY).lastInsertRowid
		);

		const insertQuiz = sqlite.prepare(
			`INSERT INTO quizzes (id, title, max_attempts, grading, shuffle_options, feedback, updated_at)
			VALUES (?, 'Check yourself', NULL, ?, 1, 'immediate', ?)`
		);
		for (const lesson of lessons.filter((l) => l.hasQuiz))
			insertQuiz.run(lesson.key, lesson.grading, now);

		// Thirty single-choice questions; each has a difficulty, and two of them a misleading key
		// (stronger students pick a distractor), so the statistics have something to find.
		const insertVersion = sqlite.prepare(
			`INSERT INTO question_versions
				(quiz_id, question_key, content_hash, type, body, position, is_current, created_at)
			VALUES (?, ?, ?, 'single', ?, ?, 1, ?)`
		);
		const questions = Array.from({ length: QUESTIONS }, (_, position) => {
			const key = `question-${position + 1}`;
			const options = Array.from({ length: OPTIONS }, (_, o) => ({
				id: `option-${o + 1}`,
				text: `Reading ${o + 1} of the source for question ${position + 1}`
			}));
			const body: Question = {
				id: key,
				type: 'single',
				claimType: 'fact',
				prompt: `According to article 00${position % 5}, what happened in event ${position + 1}?`,
				options,
				answer: pick(options).id,
				explanation: `The article states it plainly in its account of event ${position + 1}.`,
				citations: [
					{
						source: `00${position % 5}_${(0x1234567890abcdefn + BigInt(position)).toString(16)}.txt`,
						quote: `The quoted sentence about event ${position + 1}.`
					}
				]
			};
			const versionId = Number(
				insertVersion.run(
					quiz.key,
					key,
					`hash-${position}`,
					JSON.stringify(body),
					position,
					now - 100 * DAY
				).lastInsertRowid
			);
			return {
				versionId,
				answer: body.answer,
				distractors: options.map((o) => o.id).filter((id) => id !== body.answer),
				difficulty: normal(),
				slope: position === 7 || position === 19 ? -0.8 : 0.6 + random() * 1.2
			};
		});

		const insertMember = sqlite.prepare(
			`INSERT INTO class_members (class_id, user_id, joined_at) VALUES (?, ?, ?)`
		);
		const insertProgress = sqlite.prepare(
			`INSERT INTO lesson_progress (user_id, lesson_key, sections_reached, percent, last_section,
				active_seconds, visit_id, visit_seconds, started_at, completed_at, updated_at)
			VALUES (?, ?, '[]', ?, NULL, ?, NULL, 0, ?, ?, ?)`
		);
		const insertAttempt = sqlite.prepare(
			`INSERT INTO attempts (user_id, quiz_id, status, score, started_at, submitted_at)
			VALUES (?, ?, 'submitted', ?, ?, ?)`
		);
		const insertGiven = sqlite.prepare(
			`INSERT INTO attempt_questions (attempt_id, position, question_version_id, layout)
			VALUES (?, ?, ?, ?)`
		);
		const insertAnswer = sqlite.prepare(
			`INSERT INTO answers (attempt_id, question_version_id, response, score, answered_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)`
		);
		const insertCard = sqlite.prepare(
			`INSERT INTO review_cards (user_id, quiz_id, question_key, due, stability, difficulty,
				elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review, layout,
				created_at)
			VALUES (?, ?, ?, ?, 1, 5, 0, 1, 0, 0, 0, 2, NULL, NULL, ?)`
		);
		const insertReview = sqlite.prepare(
			`INSERT INTO review_logs (card_id, user_id, rating, score, response, reviewed_at)
			VALUES (?, ?, ?, ?, '{}', ?)`
		);
		const layout = JSON.stringify({
			order: Array.from({ length: OPTIONS }, (_, o) => `option-${o + 1}`)
		});

		for (let s = 0; s < STUDENTS; s++) {
			const joined = now - (60 + random() * 30) * DAY;
			const userId = Number(
				insertUser.run(
					`student${s + 1}@example.org`,
					`Student ${String(s + 1).padStart(4, '0')}`,
					'student',
					joined,
					joined
				).lastInsertRowid
			);
			insertMember.run(classId, userId, joined);

			const ability = normal();
			const reached = Math.floor(random() * (lessons.length + 1));
			for (let l = 0; l < reached; l++) {
				const started = joined + (l + random()) * 3 * DAY;
				const done = l < reached - 1 || random() < 0.5;
				const updated = started + random() * DAY;
				insertProgress.run(
					userId,
					lessons[l]!.key,
					done ? 100 : Math.floor(random() * 100),
					Math.floor(random() * 1800),
					started,
					done ? updated : null,
					updated
				);
			}

			for (let a = 0; a < ATTEMPTS_PER_STUDENT; a++) {
				const started = joined + (a + random()) * 5 * DAY;
				const submitted = started + (5 + random() * 20) * 60_000;
				const learned = ability + a * 0.15; // later attempts go a little better
				const results = questions.map((q) => {
					const answered = random() > 0.03;
					const right = random() < sigmoid(q.slope * (learned - q.difficulty));
					return { q, answered, right: answered && right };
				});
				const score = results.filter((r) => r.right).length / QUESTIONS;
				const attemptId = Number(
					insertAttempt.run(userId, quiz.key, score, started, submitted).lastInsertRowid
				);
				results.forEach(({ q, answered, right }, position) => {
					insertGiven.run(attemptId, position, q.versionId, layout);
					if (!answered) return;
					const optionId = right ? q.answer : pick(q.distractors);
					const at = started + (position + 1) * 30_000;
					insertAnswer.run(
						attemptId,
						q.versionId,
						JSON.stringify({ type: 'single', optionId }),
						right ? 1 : 0,
						at,
						at
					);
				});
			}

			// A review card per question, each reviewed up to four times over the last 30 days.
			questions.forEach((q, position) => {
				const cardId = Number(
					insertCard.run(userId, quiz.key, `question-${position + 1}`, now, joined).lastInsertRowid
				);
				const reviews = Math.floor(random() * 5);
				for (let r = 0; r < reviews; r++) {
					const right = random() < sigmoid(q.slope * (ability + 0.5 - q.difficulty));
					const at = now - (30 - (r + random()) * 7) * DAY;
					insertReview.run(cardId, userId, right ? 3 : 1, right ? 1 : 0, at);
				}
			});
		}
		return classId;
	});
	const classId = build();
	const buildMs = performance.now() - built;
	// The rows went in raw, as in a database from before the statistics were kept: a start-up
	// would build them the same way.
	const rebuilt = performance.now();
	rebuildAllStats();
	refreshAllLapses();
	const rebuildMs = performance.now() - rebuilt;
	// A live database checkpoints as it goes; fold the bulk load's WAL back in the same way.
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	const count = (table: string) =>
		(sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
	console.log(
		`built ${STUDENTS.toLocaleString('en')} students, ${count('attempts').toLocaleString('en')} attempts, ` +
			`${count('answers').toLocaleString('en')} answers, ${count('lesson_progress').toLocaleString('en')} lesson progress rows, ` +
			`${count('review_logs').toLocaleString('en')} review answers ` +
			`in ${(buildMs / 1000).toFixed(1)} s; statistics rebuilt from them in ` +
			`${(rebuildMs / 1000).toFixed(1)} s; database ` +
			`${(statSync(process.env.DATABASE_PATH).size / 2 ** 20).toFixed(0)} MB`
	);

	async function time(name: string, target: number, run: () => Promise<unknown>) {
		for (let i = 0; i < WARM_UPS; i++) await run();
		const samples: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const start = performance.now();
			await run();
			samples.push(performance.now() - start);
		}
		samples.sort((a, b) => a - b);
		const median = samples[Math.floor(samples.length / 2)]!;
		const ms = (value: number) => value.toFixed(1);
		console.log(
			`${name}: median ${ms(median)} ms (min ${ms(samples[0]!)}, max ${ms(samples.at(-1)!)}) — ` +
				`${(median / target).toFixed(2)}× the ${target} ms target`
		);
	}

	await time('whole class grid (the CSV export)', targetMs(true), () =>
		classGrid(classId, lessons)
	);
	await time('item analysis', targetMs(false), () => itemAnalysis(classId, quiz.key));
	// Everything the class page computes, for the whole-page picture: its first page by name, and
	// the last page in the order that costs most (by average score).
	const view = { search: '', onlyAttention: false, inactiveDays: 7 };
	await time('class page (grid page, needs attention, charts)', targetMs(true), () =>
		classOverview(classId, lessons, { ...view, sort: 'name', page: 1 })
	);
	await time('class page sorted by average score, last page', targetMs(true), () =>
		classOverview(classId, lessons, { ...view, sort: 'score', page: Infinity })
	);

	// A sanity check that the timed calls do the work they are meant to.
	const grid = await classGrid(classId, lessons);
	const items = await itemAnalysis(classId, quiz.key, 'all');
	if (grid.length !== STUDENTS || items.attempts !== STUDENTS * ATTEMPTS_PER_STUDENT)
		throw new Error('the benchmark data did not come out as built');
	const flagged = items.items.filter((item) => item.flags.length > 0).length;
	console.log(`item analysis: ${items.items.length} questions, ${flagged} flagged`);

	// What keeping the statistics adds to a submission: a further attempt by 15 students, each
	// submitted with the upkeep submitAttempt runs, timed inside its transaction (the commit,
	// measured below, comes on top).
	const { finishStatsChange, startStatsChange } =
		await import('../src/lib/server/analytics/stats-upkeep');
	const versionIds = (
		sqlite
			.prepare(`SELECT id FROM question_versions WHERE quiz_id = ? ORDER BY position`)
			.all(quiz.key) as { id: number }[]
	).map((row) => row.id);
	const upkeep: number[] = [];
	for (const { userId } of sqlite
		.prepare(`SELECT user_id AS userId FROM class_members WHERE class_id = ? LIMIT 15`)
		.all(classId) as { userId: number }[]) {
		const attemptId = Number(
			sqlite
				.prepare(
					`INSERT INTO attempts (user_id, quiz_id, status, started_at) VALUES (?, ?, 'in_progress', ?)`
				)
				.run(userId, quiz.key, Date.now()).lastInsertRowid
		);
		versionIds.forEach((versionId, position) => {
			sqlite
				.prepare(
					`INSERT INTO attempt_questions (attempt_id, position, question_version_id, layout)
					VALUES (?, ?, ?, '{}')`
				)
				.run(attemptId, position, versionId);
			sqlite
				.prepare(
					`INSERT INTO answers (attempt_id, question_version_id, response, score, answered_at, updated_at)
					VALUES (?, ?, '{"type":"single","optionId":"option-1"}', ?, 0, 0)`
				)
				.run(attemptId, versionId, position % 2);
		});
		sqlite.transaction(() => {
			const start = performance.now();
			const change = startStatsChange(userId, quiz.key);
			sqlite
				.prepare(
					`UPDATE attempts SET status = 'submitted', score = 0.5, submitted_at = ? WHERE id = ?`
				)
				.run(Date.now(), attemptId);
			finishStatsChange(change);
			upkeep.push(performance.now() - start);
		})();
	}
	upkeep.sort((a, b) => a - b);
	console.log(
		`submitting an attempt with the statistics' upkeep: median ${upkeep[7]!.toFixed(2)} ms ` +
			`(max ${upkeep.at(-1)!.toFixed(2)}) over 15 submissions, before the commit`
	);

	closeDatabase();
} finally {
	rmSync(dir, { recursive: true, force: true });
}

// In data/, the default database folder: fsync costs what the database's disk makes it cost
// (a /tmp held in memory would make it free).
benchCommits(fileURLToPath(new URL('../data', import.meta.url)));
await benchPageWeight();
