import { and, desc, eq, isNull } from 'drizzle-orm';
import { END_OF_LESSON } from '$lib/content/lesson-text';
import { db } from '../db';
import { attempts, lessonProgress, type LessonProgress } from '../db/schema';
import { claimReceipt } from '../sync-receipts';
import { creditReading } from './reading-time';

export interface LessonRef {
	key: string; // `${moduleSlug}/${lessonSlug}`
	sections: string[]; // checkpoint ids in reading order, ending with END_OF_LESSON
	hasQuiz: boolean;
}

export class ProgressError extends Error {}

/**
 * The completion rule: a lesson is complete when the learner says so, or once they have both
 * reached its end and submitted its quiz (a lesson without a quiz: reached its end).
 */
function shouldComplete(reached: string[], lesson: LessonRef, quizSubmitted: boolean): boolean {
	return reached.includes(END_OF_LESSON) && (!lesson.hasQuiz || quizSubmitted);
}

function hasSubmittedQuiz(userId: number, quizId: string): boolean {
	return !!db()
		.select({ id: attempts.id })
		.from(attempts)
		.where(
			and(
				eq(attempts.userId, userId),
				eq(attempts.quizId, quizId),
				eq(attempts.status, 'submitted')
			)
		)
		.get();
}

export interface Checkpoint {
	section: string;
	visitId: string;
	activeSeconds: number;
	/** When a checkpoint queued offline was reached (see creditReading). */
	readAt?: Date | undefined;
	/** The browser's id for this checkpoint: the same id again changes nothing. */
	clientId?: string | undefined;
}

/** What the lesson page shows of its progress. */
export interface ReadingFigures {
	percent: number;
	completed: boolean;
}

const figures = (row: LessonProgress | undefined): ReadingFigures => ({
	percent: row?.percent ?? 0,
	completed: !!row?.completedAt
});

/**
 * Records that the learner reached a section. Reaching sections only adds to the share read
 * (going back and re-reading never lowers it) but moves "where you left off", unless the
 * checkpoint was reached before the lesson's last credit (queued on a device, synced after
 * reading went on elsewhere). Active time is capped per ping, per visit and by the clock (see
 * creditReading). One transaction, one row per learner and lesson: two tabs writing at once end
 * in one consistent record.
 */
export function recordReading(
	userId: number,
	lesson: LessonRef,
	input: Checkpoint,
	now = new Date()
): ReadingFigures {
	if (!lesson.sections.includes(input.section))
		throw new ProgressError('That section is not part of this lesson.');
	return db().transaction((tx) => {
		const row = tx
			.select()
			.from(lessonProgress)
			.where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonKey, lesson.key)))
			.get();
		if (input.clientId && !claimReceipt(userId, input.clientId, 'reading', now))
			return figures(row);
		const reached = [...new Set([...(row?.sectionsReached ?? []), input.section])].filter((id) =>
			lesson.sections.includes(id)
		);
		const time = creditReading(row, input, now);
		const late = !!row && !!input.readAt && input.readAt < row.updatedAt;
		const completedAt =
			row?.completedAt ??
			(shouldComplete(reached, lesson, hasSubmittedQuiz(userId, lesson.key))
				? time.measuredAt
				: null);
		const values = {
			sectionsReached: reached,
			percent: Math.round((100 * reached.length) / lesson.sections.length),
			lastSection: late ? row.lastSection : input.section,
			activeSeconds: (row?.activeSeconds ?? 0) + time.added,
			visitId: input.visitId,
			visitSeconds: time.visitSeconds,
			completedAt,
			updatedAt: time.creditedUntil
		};
		const saved = tx
			.insert(lessonProgress)
			.values({ userId, lessonKey: lesson.key, startedAt: time.measuredAt, ...values })
			.onConflictDoUpdate({
				target: [lessonProgress.userId, lessonProgress.lessonKey],
				set: values
			})
			.returning()
			.get();
		return figures(saved);
	});
}

/** Marks a lesson complete (a no-op if it already is); a learner who never opened it has started it now. */
export function completeLesson(userId: number, lesson: LessonRef, now = new Date()): void {
	db()
		.insert(lessonProgress)
		.values({
			userId,
			lessonKey: lesson.key,
			sectionsReached: [],
			percent: 0,
			lastSection: null,
			activeSeconds: 0,
			visitId: null,
			visitSeconds: 0,
			startedAt: now,
			completedAt: now,
			updatedAt: now
		})
		.onConflictDoUpdate({
			target: [lessonProgress.userId, lessonProgress.lessonKey],
			set: { completedAt: now, updatedAt: now },
			setWhere: isNull(lessonProgress.completedAt)
		})
		.run();
}

/** After a quiz is submitted: a lesson already read to its end is now complete. */
export function noteQuizSubmitted(userId: number, lesson: LessonRef, now = new Date()): void {
	const row = db()
		.select()
		.from(lessonProgress)
		.where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonKey, lesson.key)))
		.get();
	if (row && !row.completedAt && shouldComplete(row.sectionsReached, lesson, true))
		completeLesson(userId, lesson, now);
}

export async function progressOf(userId: number): Promise<LessonProgress[]> {
	return db()
		.select()
		.from(lessonProgress)
		.where(eq(lessonProgress.userId, userId))
		.orderBy(desc(lessonProgress.updatedAt));
}

export async function progressFor(
	userId: number,
	lessonKey: string
): Promise<LessonProgress | undefined> {
	return db()
		.select()
		.from(lessonProgress)
		.where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonKey, lessonKey)))
		.get();
}
