// Part of `npm run bench`: what `synchronous = FULL` (an fsync of the WAL at every commit, so an
// acknowledged answer survives a power cut) costs per answer against NORMAL, in the app's schema.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ANSWERS = 400;
const WARM_UPS = 20;
const QUESTIONS = 20;
const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

type Mode = 'NORMAL' | 'FULL';

/** Milliseconds per answer row written in its own transaction, as the app writes each answer. */
function answerCommits(path: string, mode: Mode): number[] {
	const sqlite = new Database(path);
	try {
		sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('foreign_keys = ON');
		migrate(drizzle(sqlite), { migrationsFolder });
		sqlite.pragma(`synchronous = ${mode}`);

		const now = Date.now();
		const attempts = Math.ceil((ANSWERS + WARM_UPS) / QUESTIONS);
		const { versions, attemptIds } = sqlite.transaction(() => {
			const userId = sqlite
				.prepare(
					`INSERT INTO users (email, display_name, role, password_hash, created_at, updated_at)
					VALUES ('bench@example.org', 'Bench', 'student', 'not-a-hash', ?, ?)`
				)
				.run(now, now).lastInsertRowid;
			sqlite
				.prepare(
					`INSERT INTO quizzes (id, title, max_attempts, grading, shuffle_options, feedback, updated_at)
					VALUES ('bench/quiz', 'Bench', NULL, 'highest', 1, 'immediate', ?)`
				)
				.run(now);
			const insertVersion = sqlite.prepare(
				`INSERT INTO question_versions
					(quiz_id, question_key, content_hash, type, body, position, is_current, created_at)
				VALUES ('bench/quiz', ?, ?, 'truefalse', '{}', ?, 1, ?)`
			);
			const insertAttempt = sqlite.prepare(
				`INSERT INTO attempts (user_id, quiz_id, status, started_at)
				VALUES (?, 'bench/quiz', 'submitted', ?)`
			);
			return {
				versions: Array.from({ length: QUESTIONS }, (_, q) =>
					Number(insertVersion.run(`q${q}`, `hash-${q}`, q, now).lastInsertRowid)
				),
				attemptIds: Array.from({ length: attempts }, () =>
					Number(insertAttempt.run(userId, now).lastInsertRowid)
				)
			};
		})();
		const insertAnswer = sqlite.prepare(
			`INSERT INTO answers (attempt_id, question_version_id, response, score, answered_at, updated_at)
			VALUES (?, ?, '{"type":"truefalse","value":true}', 1, ?, ?)`
		);
		const samples: number[] = [];
		for (let i = 0; i < ANSWERS + WARM_UPS; i++) {
			const start = performance.now();
			insertAnswer.run(attemptIds[Math.floor(i / QUESTIONS)], versions[i % QUESTIONS], now, now);
			if (i >= WARM_UPS) samples.push(performance.now() - start);
		}
		return samples.sort((a, b) => a - b);
	} finally {
		sqlite.close();
	}
}

/** Times both settings in temporary databases inside `folder`, then deletes them. */
export function benchCommits(folder: string): void {
	mkdirSync(folder, { recursive: true });
	const dir = mkdtempSync(join(folder, 'bench-commits-'));
	try {
		const medians = {} as Record<Mode, number>;
		for (const mode of ['NORMAL', 'FULL'] as const) {
			const samples = answerCommits(join(dir, `${mode.toLowerCase()}.db`), mode);
			const at = (share: number) => samples[Math.floor(share * (samples.length - 1))]!.toFixed(3);
			// The mean counts the checkpoints too, where NORMAL does its syncing.
			const mean = samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
			medians[mode] = samples[Math.floor(samples.length / 2)]!;
			console.log(
				`answer commit, synchronous = ${mode}: median ${at(0.5)} ms, mean ${mean.toFixed(3)} ` +
					`(p90 ${at(0.9)}, max ${at(1)}) over ${ANSWERS} answers`
			);
		}
		console.log(
			`synchronous = FULL: ${(medians.FULL / medians.NORMAL).toFixed(1)}× NORMAL, ` +
				`${(medians.FULL - medians.NORMAL).toFixed(3)} ms more per answer (in ${folder})`
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
