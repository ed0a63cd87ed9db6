import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import { course } from '$lib/content/course';
import { db } from '../db';
import { answers, reviewLogs } from '../db/schema';
import { dueCount } from '../review/cards';
import { lessonRef } from './lessons';
import { pathFrom } from './path';
import { learnerRecord } from './record';

const DAY = 24 * 60 * 60 * 1000;
export const ACTIVITY_DAYS = 28;

/** Everything the learner's dashboard shows, from the database as it is now. */
export async function dashboardFor(userId: number, now = new Date()) {
	const record = await learnerRecord(userId);
	const history = record.attempts;
	const modules = pathFrom(record).modules.map((path, i) => {
		const { number, title, href } = course[i]!;
		const { completed, percent, score, mastery } = path;
		return {
			number,
			title,
			href,
			lessons: path.lessons.length,
			completed,
			percent,
			score,
			mastery
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
