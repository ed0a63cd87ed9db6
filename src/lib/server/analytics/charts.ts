// Series for the class charts.
import type { GridLesson } from './grid';
import { gradingByQuiz } from './grid-page';
import { DAY_MS, rows } from './shared';

const WEEK_MS = 7 * DAY_MS;

/** Midnight UTC of the Monday starting the week that holds `at`. */
export function weekStartOf(at: Date): Date {
	const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
	const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
	return new Date(midnight - sinceMonday * DAY_MS);
}

/** Lesson completions by the class's members in each of the last `weeks` weeks, oldest first. */
export async function completionsByWeek(
	classId: number,
	options: { weeks?: number; now?: Date } = {}
): Promise<{ weekStart: string; completions: number }[]> {
	const weeks = Math.max(1, Math.floor(options.weeks ?? 8));
	const first = weekStartOf(options.now ?? new Date()).getTime() - (weeks - 1) * WEEK_MS;
	const end = first + weeks * WEEK_MS;
	const counts = new Map(
		(
			await rows<{ week: number; completions: number }>(
				`SELECT CAST((lp.completed_at - ?) / ? AS INTEGER) AS week, COUNT(*) AS completions
			FROM lesson_progress lp
			JOIN class_members cm ON cm.class_id = ? AND cm.user_id = lp.user_id
			WHERE lp.completed_at >= ? AND lp.completed_at < ?
			GROUP BY week`,
				first,
				WEEK_MS,
				classId,
				first,
				end
			)
		).map((row) => [row.week, row.completions])
	);
	return Array.from({ length: weeks }, (_, week) => ({
		weekStart: new Date(first + week * WEEK_MS).toISOString().slice(0, 10),
		completions: counts.get(week) ?? 0
	}));
}

/**
 * For each quiz in the grid, how many members' grades fall in each tenth, each quiz graded by its
 * lesson's method; members who never submitted are left out. A grade's tenth allows for binary rounding (0.7 − 0.4 is 30 %, not 29.99…), and 100 % goes in
 * the top one.
 */
export async function scoreDistributions(classId: number, lessons: GridLesson[]) {
	const counts = new Map<string, number[]>();
	for (const row of await rows<{ quizId: string; bucket: number; members: number }>(
		`SELECT quiz_id AS quizId, bucket, COUNT(*) AS members FROM (
			SELECT s.quiz_id, MIN(9, MAX(0, CAST(floor((CASE g.value WHEN 'highest' THEN s.highest
				WHEN 'last' THEN s.last ELSE s.average END) * 10 + 1e-9) AS INTEGER))) AS bucket
			FROM class_members cm
			JOIN quiz_summaries s ON s.user_id = cm.user_id AND s.attempts > 0
			JOIN json_each(?) g ON g.key = s.quiz_id
			WHERE cm.class_id = ?
		) GROUP BY quiz_id, bucket`,
		JSON.stringify(gradingByQuiz(lessons)),
		classId
	)) {
		const buckets = counts.get(row.quizId) ?? Array.from({ length: 10 }, () => 0);
		buckets[row.bucket] = row.members;
		counts.set(row.quizId, buckets);
	}
	return lessons.flatMap((lesson) =>
		lesson.hasQuiz
			? [
					{
						key: lesson.key,
						title: lesson.title,
						buckets: counts.get(lesson.key) ?? Array.from({ length: 10 }, () => 0)
					}
				]
			: []
	);
}
