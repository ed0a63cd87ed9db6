// Series for the class charts.
import type { GridLesson, GridRow } from './grid';
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

/** The bucket of a grade (0–1): 0 holds 0–10 %, …, 9 holds 90–100 % with 100 % itself. */
export function bucketOf(grade: number): number {
	// The small allowance keeps a grade like 0.7 (stored as 0.69999…) in its own bucket.
	return Math.min(9, Math.max(0, Math.floor(grade * 10 + 1e-9)));
}

/**
 * For each quiz in the grid, how many members' grades fall in each tenth; members who never
 * submitted are left out. Read off the grid, which already holds each grade by its method.
 */
export function scoreDistributions(grid: GridRow[], lessons: GridLesson[]) {
	return lessons.flatMap((lesson, column) => {
		if (!lesson.hasQuiz) return [];
		const buckets: number[] = Array.from({ length: 10 }, () => 0);
		for (const row of grid) {
			const grade = row.cells[column]!.quizScore;
			if (grade !== null) buckets[bucketOf(grade)]! += 1;
		}
		return [{ key: lesson.key, title: lesson.title, buckets }];
	});
}
