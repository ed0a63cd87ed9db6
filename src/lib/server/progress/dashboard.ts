import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import { course } from '$lib/content/course';
import { db } from '../db';
import { answers, attempts, quizzes, reviewCards, reviewLogs } from '../db/schema';
import { quizGrade } from '../quiz/quiz-grade';
import { dueCount } from '../review/cards';
import { progressOf } from './lesson-progress';
import { lessonRef } from './lessons';
import { masteryLevel, moduleScore } from './mastery';

const DAY = 24 * 60 * 60 * 1000;
export const ACTIVITY_DAYS = 28;

/** Everything the learner's dashboard shows, from the database as it is now. */
export async function dashboardFor(userId: number, now = new Date()) {
	const progress = new Map((await progressOf(userId)).map((row) => [row.lessonKey, row]));
	const history = await db().select().from(attempts).where(eq(attempts.userId, userId));
	const settings = new Map((await db().select().from(quizzes)).map((quiz) => [quiz.id, quiz]));
	const cards = await db().select().from(reviewCards).where(eq(reviewCards.userId, userId));
	const logs = await db()
		.select({
			cardId: reviewLogs.cardId,
			score: reviewLogs.score,
			reviewedAt: reviewLogs.reviewedAt
		})
		.from(reviewLogs)
		.where(eq(reviewLogs.userId, userId))
		.orderBy(reviewLogs.reviewedAt, reviewLogs.id);

	// Each card's review history, oldest first: right at least once, and wrong the last time (a lapse).
	const reviewsByCard = new Map<number, typeof logs>();
	for (const log of logs)
		reviewsByCard.set(log.cardId, [...(reviewsByCard.get(log.cardId) ?? []), log]);

	const modules = course.map((module) => {
		const refs = module.lessons.map(lessonRef);
		const quizIds = refs.filter((ref) => ref.hasQuiz).map((ref) => ref.key);
		const quizGrades = quizIds.map((id) =>
			quizGrade(
				settings.get(id)?.grading ?? 'highest',
				history.filter((a) => a.quizId === id)
			)
		);
		const moduleCards = cards.filter((card) => quizIds.includes(card.quizId));
		const reviews = moduleCards.map((card) => reviewsByCard.get(card.id) ?? []);
		const completed = refs.filter((ref) => progress.get(ref.key)?.completedAt).length;
		return {
			number: module.number,
			title: module.title,
			href: module.href,
			lessons: refs.length,
			completed,
			percent: refs.length ? Math.round((100 * completed) / refs.length) : 0,
			score: moduleScore(quizGrades),
			mastery: masteryLevel({
				quizGrades,
				answeredAny: history.some((a) => quizIds.includes(a.quizId)) || moduleCards.length > 0,
				cards: {
					total: moduleCards.length,
					reviewedRight: reviews.filter((list) => list.some((log) => log.score === 1)).length,
					lapsed: reviews.filter((list) => list.length > 0 && list.at(-1)!.score === 0).length
				}
			})
		};
	});

	const lessonsTotal = modules.reduce((sum, m) => sum + m.lessons, 0);
	const lessonsDone = modules.reduce((sum, m) => sum + m.completed, 0);
	return {
		overall: {
			lessons: lessonsTotal,
			completed: lessonsDone,
			percent: lessonsTotal ? Math.round((100 * lessonsDone) / lessonsTotal) : 0
		},
		modules,
		recentScores: history
			.filter((a) => a.status === 'submitted')
			.sort((a, b) => b.submittedAt!.getTime() - a.submittedAt!.getTime())
			.slice(0, 5)
			.map((a) => ({
				quizId: a.quizId,
				title: quizTitle(a.quizId),
				score: a.score ?? 0,
				submittedAt: a.submittedAt!.toISOString(),
				attemptId: a.id
			})),
		// The same count as the navigation's, which leaves out cards held back for an open attempt.
		reviewsDue: await dueCount(userId, now),
		activity: await activity(
			userId,
			history.map((a) => a.id),
			now
		)
	};
}

function quizTitle(quizId: string): { lesson: string; href: string } {
	for (const module of course) {
		for (const lesson of module.lessons) {
			if (lessonRef(lesson).key === quizId)
				return { lesson: lesson.title, href: `${lesson.href}/quiz` };
		}
	}
	return { lesson: quizId, href: '/' };
}

/** Questions answered (in quizzes and reviews) per UTC day over the last four weeks, oldest first. */
async function activity(userId: number, attemptIds: number[], now: Date) {
	const start = new Date(Math.floor(now.getTime() / DAY) * DAY - (ACTIVITY_DAYS - 1) * DAY);
	const answered = attemptIds.length
		? await db()
				.select({ at: answers.answeredAt })
				.from(answers)
				.where(and(inArray(answers.attemptId, attemptIds), gte(answers.answeredAt, start)))
		: [];
	const reviewed = await db()
		.select({ at: reviewLogs.reviewedAt })
		.from(reviewLogs)
		.where(and(eq(reviewLogs.userId, userId), gte(reviewLogs.reviewedAt, start)))
		.orderBy(desc(reviewLogs.reviewedAt));
	const days = Array.from({ length: ACTIVITY_DAYS }, (_, i) => ({
		date: new Date(start.getTime() + i * DAY).toISOString().slice(0, 10),
		answers: 0,
		reviews: 0
	}));
	const dayOf = (at: Date) => Math.floor((at.getTime() - start.getTime()) / DAY);
	for (const { at } of answered) days[dayOf(at)]!.answers += 1;
	for (const { at } of reviewed) days[dayOf(at)]!.reviews += 1;
	return days;
}
