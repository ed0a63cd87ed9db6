// The class grid: one row per member, one cell per lesson (progress and quiz grade).
import { lastActivity, membersOf, quizHistories, rows, type QuizHistory } from './shared';

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

const pairKey = (userId: number, key: string) => `${userId}\u0000${key}`;

/**
 * A cell is complete once the lesson is marked complete, in progress once the member has opened
 * the lesson or submitted its quiz, and not started otherwise.
 */
function cellStatus(progress: ProgressRow | undefined, attempts: number): GridCell['status'] {
	if (progress?.completedAt != null) return 'complete';
	if (progress || attempts > 0) return 'in progress';
	return 'not started';
}

export async function classGrid(classId: number, lessons: GridLesson[]): Promise<GridRow[]> {
	const members = await membersOf(classId);
	if (members.length === 0) return [];

	const progress = new Map(
		(
			await rows<ProgressRow>(
				`SELECT lp.user_id AS userId, lp.lesson_key AS lessonKey, lp.percent AS percent,
				lp.completed_at AS completedAt
			FROM lesson_progress lp
			JOIN class_members cm ON cm.class_id = ? AND cm.user_id = lp.user_id
			WHERE lp.lesson_key IN (SELECT value FROM json_each(?))`,
				classId,
				JSON.stringify(lessons.map((lesson) => lesson.key))
			)
		).map((row) => [pairKey(row.userId, row.lessonKey), row])
	);
	const histories = new Map<string, QuizHistory>(
		(
			await quizHistories(
				classId,
				lessons.filter((lesson) => lesson.hasQuiz).map((lesson) => lesson.key)
			)
		).map((row) => [pairKey(row.userId, row.quizId), row])
	);
	const active = await lastActivity(classId);

	return members.map((member) => {
		const cells = lessons.map((lesson): GridCell => {
			const lessonProgress = progress.get(pairKey(member.userId, lesson.key));
			const history = lesson.hasQuiz
				? histories.get(pairKey(member.userId, lesson.key))
				: undefined;
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
