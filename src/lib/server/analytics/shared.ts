// Queries the instructor analytics share. Population is always the class's members, and only
// submitted attempts count towards grades. Raw SQL over the rows kept on write (quiz_summaries,
// the statistics tables) lets one query serve the whole class at once.
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
 * The given learners' submitted attempts at the given quizzes, one row per learner and quiz that
 * has any, read from the summary rows kept on write (quiz-summaries.ts). "Last" is the most
 * recently submitted, as in `quizGrade`; a missing score counts 0.
 */
export async function quizHistories(userIds: number[], quizIds: string[]): Promise<QuizHistory[]> {
	if (quizIds.length === 0 || userIds.length === 0) return [];
	return await rows<QuizHistory>(
		`SELECT s.user_id AS userId, s.quiz_id AS quizId, s.attempts, s.highest, s.last, s.average
		FROM json_each(?) u JOIN quiz_summaries s ON s.user_id = u.value
		WHERE s.attempts > 0 AND s.quiz_id IN (SELECT value FROM json_each(?))`,
		JSON.stringify(userIds),
		JSON.stringify(quizIds)
	);
}

/**
 * Each member's latest activity (epoch ms): lesson progress, starting or submitting any attempt,
 * and review answers. Members with none are missing from the map. Each figure is one index
 * lookup per member (the latest row of lesson_progress_recent_idx and review_logs_user_time_idx,
 * the member's few quiz summaries), so the cost follows the class's size, not its history.
 */
async function lastActivity(classId: number): Promise<Map<number, number>> {
	const found = await rows<{ userId: number; at: number | null }>(
		`SELECT user_id AS userId, MAX(
			COALESCE((SELECT MAX(updated_at) FROM lesson_progress WHERE user_id = cm.user_id), -1),
			COALESCE((SELECT MAX(last_active_at) FROM quiz_summaries WHERE user_id = cm.user_id), -1),
			COALESCE((SELECT MAX(reviewed_at) FROM review_logs WHERE user_id = cm.user_id), -1)
		) AS at
		FROM class_members cm WHERE cm.class_id = ?`,
		classId
	);
	return new Map(found.flatMap((row) => (row.at! >= 0 ? [[row.userId, row.at!]] : [])));
}

/** The class's members and their latest activity, read once for the grid and the attention list. */
export interface Roster {
	members: Member[];
	active: Map<number, number>;
}

export async function classRoster(classId: number): Promise<Roster> {
	return { members: await membersOf(classId), active: await lastActivity(classId) };
}
