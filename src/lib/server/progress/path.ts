import { course } from '$lib/content/course';
import type { LessonState } from '$lib/lesson-state';
import { quizGrade } from '../quiz/quiz-grade';
import { nextStep } from './continue';
import { lessonRef } from './lessons';
import { masteryLevel, moduleScore } from './mastery';
import { learnerRecord, type LearnerRecord } from './record';

export interface LessonStatus {
	state: LessonState;
	/** Share of the lesson's checkpoints reached, 0–100. */
	percent: number;
	/** The quiz grade (0–1) by its grading method; null without a quiz or a submitted attempt. */
	score: number | null;
}

/**
 * Complete once marked or earned (see lesson-progress.ts); in progress once the lesson is opened
 * or its quiz started; not started otherwise.
 */
function stateOf(completed: boolean, opened: boolean, quizStarted: boolean): LessonState {
	if (completed) return 'complete';
	return opened || quizStarted ? 'in progress' : 'not started';
}

/**
 * Every module with the state of each of its lessons, the module's mastery, and the lesson to do
 * next in it; and the one step the course page offers. Computed from the record alone.
 */
export function pathFrom(record: LearnerRecord) {
	const progress = new Map(record.progress.map((row) => [row.lessonKey, row]));
	const next = nextStep(record.progress);

	const modules = course.map((module) => {
		const entries = module.lessons.map((lesson) => {
			const ref = lessonRef(lesson);
			const row = progress.get(ref.key);
			const history = ref.hasQuiz ? record.attempts.filter((a) => a.quizId === ref.key) : [];
			const status: LessonStatus & { slug: string } = {
				slug: lesson.slug,
				state: stateOf(!!row?.completedAt, !!row, history.length > 0),
				percent: row?.percent ?? 0,
				score: history.length ? quizGrade(history[0]!.grading, history) : null
			};
			return { ref, status };
		});
		const lessons = entries.map((entry) => entry.status);
		const quizzes = entries.filter((entry) => entry.ref.hasQuiz);
		const quizIds = quizzes.map((entry) => entry.ref.key);
		const quizGrades = quizzes.map((entry) => entry.status.score);
		const cards = record.cards.filter((card) => quizIds.includes(card.quizId));
		const completed = lessons.filter((lesson) => lesson.state === 'complete').length;
		const continuesHere =
			next.kind === 'done' ? undefined : entries.find((entry) => entry.ref.key === next.key);
		return {
			slug: module.slug,
			lessons,
			completed,
			percent: lessons.length ? Math.round((100 * completed) / lessons.length) : 0,
			score: moduleScore(quizGrades),
			mastery: masteryLevel({
				quizGrades,
				answeredAny: record.attempts.some((a) => quizIds.includes(a.quizId)) || cards.length > 0,
				cards: {
					total: cards.length,
					reviewedRight: cards.filter((card) => card.reviewScores.includes(1)).length,
					lapsed: cards.filter((card) => card.reviewScores.at(-1) === 0).length
				}
			}),
			/** Where the course goes on, if that is in this module; else its first lesson not complete. */
			upNext:
				continuesHere?.status.slug ??
				lessons.find((lesson) => lesson.state !== 'complete')?.slug ??
				null
		};
	});
	return { modules, next };
}

/** A learner's path through the course: see pathFrom. */
export async function learnerPath(userId: number) {
	return pathFrom(await learnerRecord(userId));
}
