// The per-learner, per-quiz summary rows the class grid and "needs attention" read.
import { statement } from '../db/prepared';

export interface AttemptRow {
	id: number;
	status: 'in_progress' | 'submitted';
	grade: number;
	startedAt: number;
	submittedAt: number | null;
}

/** Every attempt of one learner at one quiz, open ones included. */
export function attemptsAt(userId: number, quizId: string): AttemptRow[] {
	return statement(
		`SELECT id, status, COALESCE(score, 0) AS grade, started_at AS startedAt,
			submitted_at AS submittedAt
		FROM attempts WHERE user_id = ? AND quiz_id = ?`
	).all(userId, quizId) as AttemptRow[];
}

/** Rewrites the learner's summary row for the quiz from their attempts (a handful). */
export function refreshQuizSummary(
	userId: number,
	quizId: string,
	attempts = attemptsAt(userId, quizId)
): void {
	if (attempts.length === 0) {
		statement(`DELETE FROM quiz_summaries WHERE user_id = ? AND quiz_id = ?`).run(userId, quizId);
		return;
	}
	// Most recent first, in quizGrade's and the grid's order.
	const submitted = attempts
		.filter((a) => a.status === 'submitted')
		.sort((a, b) => b.submittedAt! - a.submittedAt! || b.startedAt - a.startedAt || b.id - a.id);
	const grades = submitted.map((a) => a.grade);
	const lastActiveAt = Math.max(...attempts.map((a) => Math.max(a.startedAt, a.submittedAt ?? 0)));
	statement(
		`INSERT OR REPLACE INTO quiz_summaries
			(user_id, quiz_id, attempts, highest, last, average, previous, last_active_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	).run(
		userId,
		quizId,
		grades.length,
		grades.length ? Math.max(...grades) : null,
		grades[0] ?? null,
		grades.length ? grades.reduce((sum, grade) => sum + grade, 0) / grades.length : null,
		grades[1] ?? null,
		lastActiveAt
	);
}

/** The same rows for every learner at a quiz, from scratch (see stats-rebuild.ts). */
export const rebuildQuizSummaries = `INSERT INTO quiz_summaries
	(user_id, quiz_id, attempts, highest, last, average, previous, last_active_at)
SELECT user_id, quiz_id, COUNT(recency), MAX(CASE WHEN recency THEN grade END),
	MAX(CASE WHEN recency = 1 THEN grade END), AVG(CASE WHEN recency THEN grade END),
	MAX(CASE WHEN recency = 2 THEN grade END), MAX(MAX(started_at), COALESCE(MAX(submitted_at), 0))
FROM (
	SELECT user_id, quiz_id, started_at, submitted_at, COALESCE(score, 0) AS grade,
		CASE WHEN status = 'submitted' THEN ROW_NUMBER() OVER (
			PARTITION BY user_id, status ORDER BY submitted_at DESC, started_at DESC, id DESC
		) END AS recency
	FROM attempts WHERE quiz_id = :quizId
)
GROUP BY user_id, quiz_id`;
