// Queries the instructor analytics share. Population is always the class's members, and only
// submitted attempts count towards grades. Raw SQL (window functions, CTEs, json_each, an
// expression index) lets one aggregate query serve the whole class at once.
import { db } from '../db';
import { displaySafe } from '../names';

export type Grading = 'highest' | 'last' | 'average';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Rows of one read-only query; timestamps come back as epoch milliseconds. Awaited like all
 * database access, so only this function changes if the driver becomes asynchronous.
 */
export async function rows<T>(query: string, ...params: unknown[]): Promise<T[]> {
	return db()
		.$client.prepare(query)
		.all(...params) as T[];
}

export interface Member {
	userId: number;
	displayName: string;
	email: string;
	joinedAt: number;
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The class's members, sorted by display name (then id, so equal names stay in a stable order). */
export async function membersOf(classId: number): Promise<Member[]> {
	const members = await rows<Member>(
		`SELECT u.id AS userId, u.display_name AS displayName, u.email AS email, cm.joined_at AS joinedAt
		 FROM class_members cm JOIN users u ON u.id = cm.user_id
		 WHERE cm.class_id = ?`,
		classId
	);
	return members
		.map((member) => ({ ...member, displayName: displaySafe(member.displayName) }))
		.sort((a, b) => byName.compare(a.displayName, b.displayName) || a.userId - b.userId);
}

/** One member's submitted attempts at one quiz, summarised for every grading method. */
export interface QuizHistory {
	userId: number;
	quizId: string;
	attempts: number;
	highest: number;
	last: number;
	average: number;
}

/**
 * Every member's submitted attempts at the given quizzes, one row per member and quiz that has
 * any. "Last" is the most recently submitted, as in `quizGrade`; a missing score counts 0.
 */
export async function quizHistories(classId: number, quizIds: string[]): Promise<QuizHistory[]> {
	if (quizIds.length === 0) return [];
	return await rows<QuizHistory>(
		`WITH ranked AS (
			SELECT a.user_id, a.quiz_id, COALESCE(a.score, 0) AS score,
				ROW_NUMBER() OVER (
					PARTITION BY a.user_id, a.quiz_id
					ORDER BY a.submitted_at DESC, a.started_at DESC, a.id DESC
				) AS recency
			FROM attempts a
			JOIN class_members cm ON cm.class_id = ? AND cm.user_id = a.user_id
			WHERE a.status = 'submitted' AND a.quiz_id IN (SELECT value FROM json_each(?))
		)
		SELECT user_id AS userId, quiz_id AS quizId, COUNT(*) AS attempts,
			MAX(score) AS highest, AVG(score) AS average,
			MAX(CASE WHEN recency = 1 THEN score END) AS last
		FROM ranked
		GROUP BY user_id, quiz_id`,
		classId,
		JSON.stringify(quizIds)
	);
}

/**
 * Each member's latest activity (epoch ms): lesson progress, starting or submitting any attempt,
 * and review answers. Members with none are missing from the map.
 */
export async function lastActivity(classId: number): Promise<Map<number, number>> {
	const found = await rows<{ userId: number; at: number }>(
		`WITH m AS (SELECT user_id FROM class_members WHERE class_id = ?)
		SELECT user_id AS userId, MAX(at) AS at FROM (
			SELECT lp.user_id, MAX(lp.updated_at) AS at
			FROM lesson_progress lp JOIN m ON m.user_id = lp.user_id GROUP BY lp.user_id
			UNION ALL
			SELECT a.user_id, MAX(MAX(a.started_at), COALESCE(MAX(a.submitted_at), 0))
			FROM attempts a JOIN m ON m.user_id = a.user_id GROUP BY a.user_id
			UNION ALL
			SELECT r.user_id, MAX(r.reviewed_at)
			FROM review_logs r JOIN m ON m.user_id = r.user_id GROUP BY r.user_id
		)
		GROUP BY user_id`,
		classId
	);
	return new Map(found.map((row) => [row.userId, row.at]));
}
