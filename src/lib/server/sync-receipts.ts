import { and, eq, lt, sql } from 'drizzle-orm';
import { db } from './db';
import { prepared } from './db/prepared';
import { syncKinds, syncReceipts } from './db/schema';

export type SyncKind = (typeof syncKinds)[number];

/** How long a receipt is kept: a queue waits hours or days for a connection, not months. */
export const RECEIPT_DAYS = 60;

/** Whether the learner's request with this id has already been applied. */
export function hasReceipt(userId: number, clientId: string): boolean {
	return !!db()
		.select({ kind: syncReceipts.kind })
		.from(syncReceipts)
		.where(and(eq(syncReceipts.userId, userId), eq(syncReceipts.clientId, clientId)))
		.get();
}

/**
 * Claims the id for the change about to be made: false when it was claimed before, and the
 * change must then be skipped. Call it inside the transaction that makes the change, so the
 * receipt and the change are written together or not at all. The learner's own receipts past
 * their time go at the same moment (one probe of an index, usually deleting nothing).
 */
export function claimReceipt(
	userId: number,
	clientId: string,
	kind: SyncKind,
	now = new Date()
): boolean {
	// In milliseconds, as stored: a placeholder in a condition is not converted as a value is.
	deleteOldReceipts().run({ userId, before: now.getTime() - RECEIPT_DAYS * 86_400_000 });
	return insertReceipt().run({ userId, clientId, kind, now }).changes === 1;
}

// Every answer sent with a clientId runs both: prepared once.
const deleteOldReceipts = prepared((database) =>
	database
		.delete(syncReceipts)
		.where(
			and(
				eq(syncReceipts.userId, sql.placeholder('userId')),
				lt(syncReceipts.createdAt, sql.placeholder('before'))
			)
		)
		.prepare()
);
const insertReceipt = prepared((database) =>
	database
		.insert(syncReceipts)
		.values({
			userId: sql.placeholder('userId'),
			clientId: sql.placeholder('clientId'),
			kind: sql.placeholder('kind'),
			createdAt: sql.placeholder('now')
		})
		.onConflictDoNothing()
		.prepare()
);
