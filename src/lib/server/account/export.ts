import { eq, sql } from 'drizzle-orm';
import { db } from '../db';
import {
	attempts,
	classes,
	classMembers,
	lessonProgress,
	reviewCards,
	reviewLogs,
	sessions,
	users
} from '../db/schema';
import { forgetLearner } from '../analytics/stats-upkeep';
import { log } from '../log';
import { answersOf } from './answers';

/**
 * Everything the app holds about one learner. Secrets stay out: no password hash, no session
 * ids or secret hashes (only when each session started and ends), and no result of an attempt
 * that is still waiting for its submission (see answersOf; such an attempt has no score yet).
 */
export async function personalData(userId: number) {
	const user = await db().select().from(users).where(eq(users.id, userId)).get();
	if (!user) return null;
	return {
		profile: {
			id: user.id,
			email: user.email,
			displayName: user.displayName,
			role: user.role,
			createdAt: user.createdAt,
			updatedAt: user.updatedAt
		},
		sessions: await db()
			.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
			.from(sessions)
			.where(eq(sessions.userId, userId)),
		lessonProgress: (
			await db().select().from(lessonProgress).where(eq(lessonProgress.userId, userId))
		).map(({ visitId: _visit, ...row }) => row),
		attempts: await db().select().from(attempts).where(eq(attempts.userId, userId)),
		answers: await answersOf(userId),
		reviewCards: (await db().select().from(reviewCards).where(eq(reviewCards.userId, userId))).map(
			({ layout: _layout, ...card }) => card
		),
		reviewLogs: await db().select().from(reviewLogs).where(eq(reviewLogs.userId, userId)),
		classes: await db()
			.select({ classId: classes.id, className: classes.name, joinedAt: classMembers.joinedAt })
			.from(classMembers)
			.innerJoin(classes, eq(classes.id, classMembers.classId))
			.where(eq(classMembers.userId, userId))
	};
}

export type PersonalData = NonNullable<Awaited<ReturnType<typeof personalData>>>;
export const datasets = [
	'profile',
	'sessions',
	'lessonProgress',
	'attempts',
	'answers',
	'reviewCards',
	'reviewLogs',
	'classes'
] as const;

/**
 * Deletes the account; the database cascades to everything that belonged to it. secure_delete
 * zeroes the rows in the pages the delete writes, but until a checkpoint the older copies of those
 * pages still sit in the WAL file (and in the main file); checkpointing at once leaves none.
 */
export async function deleteAccount(userId: number): Promise<void> {
	db().transaction((tx) => {
		forgetLearner(userId);
		tx.delete(users).where(eq(users.id, userId)).run();
	});
	const checkpoint = await db().get<{ busy: number }>(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
	// A reader still on an older snapshot (a backup running) keeps the WAL until it finishes.
	if (checkpoint.busy) log.warn('account_deleted_wal_kept', { userId });
}
