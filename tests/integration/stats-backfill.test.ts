import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsCommand } from '../helpers/cli';
import { execute, query } from '../helpers/db';
import { createClass, signUp, type CreatedClass, type Person } from '../helpers/people';
import { sampleQuiz, submitSampleQuiz } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

// A database whose attempts were made before the statistics were kept gets them when the server
// starts, and a quiz whose grading method changed is recounted then.
let first: TestServer;
let server: TestServer;

/** When drizzle-kit made the migration whose name starts so (what drizzle records it by). */
function migrationTime(prefix: string): number {
	const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as {
		entries: { tag: string; when: number }[];
	};
	return journal.entries.find((entry) => entry.tag.startsWith(prefix))!.when;
}
let teacher: Person;
let klass: CreatedClass;
let lapsedCard: number;
let lapsedAt: number;

const STATS_TABLES = [
	'quiz_stats',
	'grade_counts',
	'question_stats',
	'choice_counts',
	'quiz_summaries',
	'quiz_stats_grading'
];

beforeAll(async () => {
	first = await startServer();
	teacher = await signUp(first, 'instructor');
	klass = await createClass(first, teacher.visitor, 'Older class');
	const student = await signUp(first, 'student');
	await student.visitor.post(`/join/${klass.code}`, {});
	await submitSampleQuiz(student.visitor);
	await first.signal('SIGTERM');
	// As the database was before migration 0009 filled these tables.
	for (const table of STATS_TABLES) execute(first.databasePath, `DELETE FROM ${table}`);
	// And before 0010: no rest-score counts, no lapses kept on the cards, with one card answered
	// right and then wrong in review an hour ago. The migrations from 0010 on are undone and
	// forgotten, so the next start runs them again (drizzle runs those newer than the last it ran).
	for (const sql of [
		`DROP TABLE question_marks`,
		`DROP INDEX review_cards_lapsed_idx`,
		`ALTER TABLE review_cards DROP COLUMN lapsed_at`,
		`DROP TABLE essay_marks`, // 0011
		`DELETE FROM __drizzle_migrations WHERE created_at >= ${migrationTime('0010_')}`
	])
		execute(first.databasePath, sql);
	const [card] = query<{ id: number; userId: number }>(
		first.databasePath,
		`SELECT id, user_id AS userId FROM review_cards ORDER BY id LIMIT 1`
	);
	lapsedCard = card!.id;
	for (const [score, hoursAgo] of [
		[1, 30],
		[0, 1]
	] as const)
		execute(
			first.databasePath,
			`INSERT INTO review_logs (card_id, user_id, rating, score, response, reviewed_at)
			VALUES (?, ?, ?, ?, '{}', ?)`,
			card!.id,
			card!.userId,
			score ? 3 : 1,
			score,
			(lapsedAt = Date.now() - hoursAgo * 3_600_000)
		);
	server = await startServer({ databasePath: first.databasePath, port: first.port });
}, 120_000);
afterAll(async () => {
	await server?.stop();
	if (first) rmSync(dirname(first.databasePath), { recursive: true, force: true });
});

describe('statistics of attempts made before they were kept', () => {
	it('are counted in at start', async () => {
		const page = await teacher.visitor.get(`${klass.path}/quizzes/franchise-model/local-allies`);
		expect(await page.text()).toContain('From 1 submitted attempt by 1 student in this class.');
		const [summary] = query<{ attempts: number; highest: number }>(
			server.databasePath,
			`SELECT attempts, highest FROM quiz_summaries WHERE quiz_id = 'franchise-model/local-allies'`
		);
		expect(summary).toEqual({ attempts: 1, highest: 1 });
		const [marks] = query<{ attempts: number }>(
			server.databasePath,
			`SELECT TOTAL(attempts) AS attempts FROM question_marks
			WHERE quiz_id = 'franchise-model/local-allies' AND attempt_set = 'all'`
		);
		// An item score and a rest score for each question of the one attempt.
		expect(marks!.attempts).toBe(2 * sampleQuiz.questions.length);
	});

	it('keep the lapses of cards answered before migration 0010, for "mastery dropping"', async () => {
		const [card] = query<{ lapsedAt: number | null }>(
			server.databasePath,
			`SELECT lapsed_at AS lapsedAt FROM review_cards WHERE id = ?`,
			lapsedCard
		);
		expect(card!.lapsedAt).toBe(lapsedAt);
		const page = await (await teacher.visitor.get(klass.path)).text();
		expect(page).toContain('mastery dropping: 1 review card lapsed');
	});

	it('are recounted at start for a quiz whose grading method changed, and only for it', async () => {
		await server.stop(); // its own folder goes; the database is the first server's
		execute(
			server.databasePath,
			`UPDATE quiz_stats_grading SET grading = 'last' WHERE quiz_id = 'franchise-model/local-allies'`
		);
		server = await startServer({ databasePath: server.databasePath, port: server.port });
		expect(server.output()).toMatch(/"rebuiltStats":1\b/);
		const [row] = query<{ grading: string }>(
			server.databasePath,
			`SELECT grading FROM quiz_stats_grading WHERE quiz_id = 'franchise-model/local-allies'`
		);
		expect(row!.grading).toBe('highest');
	});

	it('lose an attempt deleted from the shell, which says what it did', async () => {
		const [attempt] = query<{ id: number }>(server.databasePath, `SELECT id FROM attempts`);
		const deleted = analyticsCommand(server.databasePath, [
			'delete-attempt',
			'--id',
			`${attempt!.id}`
		]);
		expect(deleted).toMatchObject({ status: 0, stdout: `Deleted attempt ${attempt!.id}.\n` });
		const page = await teacher.visitor.get(`${klass.path}/quizzes/franchise-model/local-allies`);
		expect(await page.text()).toContain('From 0 submitted attempts by 0 students in this class.');
		const again = analyticsCommand(server.databasePath, [
			'delete-attempt',
			'--id',
			`${attempt!.id}`
		]);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain(`No attempt with the id ${attempt!.id}.`);
	});
});
