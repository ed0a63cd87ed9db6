// The class grid: one row per member, one cell per lesson (progress and quiz grade).
import { classRoster, quizHistories, rows, type Member } from './shared';

export interface GridLesson {
	/** `${module}/${lesson}`, which is also the lesson's quiz id. */
	key: string;
	title: string;
	hasQuiz: boolean;
	grading: 'highest' | 'last' | 'average';
}

export interface GridCell {
	lessonKey: string;
	status: 'not started' | 'in progress' | 'complete';
	percent: number;
	/** The quiz grade (0–1) by the lesson's grading method; null with no submitted attempt. */
	quizScore: number | null;
	/** Submitted attempts. */
	attempts: number;
}

export interface GridRow {
	userId: number;
	displayName: string;
	email: string;
	/** Lessons complete, of those listed. */
	completed: number;
	/** Mean of the quiz grades the member has (quizzes never submitted are left out). */
	averageScore: number | null;
	lastActiveAt: Date | null;
	cells: GridCell[];
}

interface ProgressRow {
	userId: number;
	lessonKey: string;
	percent: number;
	completedAt: number | null;
}

/** Rows per member, each at its lesson's column (lessons not listed are dropped). */
function byMemberAndColumn<T extends { userId: number }>(
	found: T[],
	lessonKeyOf: (row: T) => string,
	column: Map<string, number>
): Map<number, (T | undefined)[]> {
	const byMember = new Map<number, (T | undefined)[]>();
	for (const row of found) {
		const at = column.get(lessonKeyOf(row));
		if (at === undefined) continue;
		let cells = byMember.get(row.userId);
		if (!cells) byMember.set(row.userId, (cells = []));
		cells[at] = row;
	}
	return byMember;
}

/**
 * A cell is complete once the lesson is marked complete, in progress once the member has opened
 * the lesson or submitted its quiz, and not started otherwise.
 */
function cellStatus(progress: ProgressRow | undefined, attempts: number): GridCell['status'] {
	if (progress?.completedAt != null) return 'complete';
	if (progress || attempts > 0) return 'in progress';
	return 'not started';
}

/** The whole class's grid, for the CSV export; the page shows one page of it (grid-page.ts). */
export async function classGrid(classId: number, lessons: GridLesson[]): Promise<GridRow[]> {
	const { members, active } = await classRoster(classId);
	return gridRows(lessons, members, active);
}

/** Rows for the given members, in their order. */
export async function gridRows(
	lessons: GridLesson[],
	members: Member[],
	active: Map<number, number>
): Promise<GridRow[]> {
	if (members.length === 0) return [];
	const userIds = JSON.stringify(members.map((member) => member.userId));
	const column = new Map(lessons.map((lesson, index) => [lesson.key, index]));
	// Every row of the members' progress: filtering by lesson here costs more than it saves.
	const progress = byMemberAndColumn(
		await rows<ProgressRow>(
			`SELECT lp.user_id AS userId, lp.lesson_key AS lessonKey, lp.percent AS percent,
				lp.completed_at AS completedAt
			FROM json_each(?) u JOIN lesson_progress lp ON lp.user_id = u.value`,
			userIds
		),
		(row) => row.lessonKey,
		column
	);
	const histories = byMemberAndColumn(
		await quizHistories(
			members.map((member) => member.userId),
			lessons.filter((lesson) => lesson.hasQuiz).map((lesson) => lesson.key)
		),
		(row) => row.quizId,
		column
	);

	return members.map((member) => {
		const memberProgress = progress.get(member.userId);
		const memberHistories = histories.get(member.userId);
		const cells = lessons.map((lesson, index): GridCell => {
			const lessonProgress = memberProgress?.[index];
			const history = lesson.hasQuiz ? memberHistories?.[index] : undefined;
			const attempts = history?.attempts ?? 0;
			return {
				lessonKey: lesson.key,
				status: cellStatus(lessonProgress, attempts),
				percent: lessonProgress?.percent ?? 0,
				quizScore: history ? history[lesson.grading] : null,
				attempts
			};
		});
		const grades = cells.flatMap((cell) => (cell.quizScore === null ? [] : [cell.quizScore]));
		const at = active.get(member.userId);
		return {
			userId: member.userId,
			displayName: member.displayName,
			email: member.email,
			completed: cells.filter((cell) => cell.status === 'complete').length,
			averageScore: grades.length ? grades.reduce((sum, g) => sum + g, 0) / grades.length : null,
			lastActiveAt: at === undefined ? null : new Date(at),
			cells
		};
	});
}
