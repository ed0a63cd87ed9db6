import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { GradingKey } from '$lib/quiz/grading';
import type { Layout } from '$lib/quiz/layout';
import type { PublicQuestion, QuestionResult } from '$lib/quiz/types';

// The learner's review cards due soon, kept on the device (IndexedDB, through `idb`) so review
// goes on offline with instant feedback. Review cards are questions the learner has answered and
// seen the key of, so their keys may live here; the service worker empties this store with the
// rest of the learner's offline data (sign-out, another learner signing in).

/** A card as `GET /api/review/offline` gives it (README, "Sync API"). */
export interface DeviceCard {
	id: number;
	/** ISO 8601, UTC: sorts as it reads. */
	due: string;
	question: PublicQuestion;
	layout: Layout;
	key: GradingKey;
	result: Omit<QuestionResult, 'score' | 'verdict' | 'feedback'>;
}

interface ReviewCardsSchema extends DBSchema {
	cards: { key: number; value: DeviceCard; indexes: { due: string } };
}

const DATABASE = 'course-review-cards';

function openReviewCards(): Promise<IDBPDatabase<ReviewCardsSchema>> {
	return openDB<ReviewCardsSchema>(DATABASE, 1, {
		upgrade(database) {
			database.createObjectStore('cards', { keyPath: 'id' }).createIndex('due', 'due');
		}
	});
}

/** Replaces the kept cards with these, at once: the server's list is the whole truth. */
export async function keepCards(cards: DeviceCard[]): Promise<void> {
	const transaction = (await openReviewCards()).transaction('cards', 'readwrite');
	await transaction.store.clear();
	await Promise.all(cards.map((card) => transaction.store.put(card)));
	await transaction.done;
}

/** The cards due by `now`, soonest first. */
export async function dueCards(now: Date): Promise<DeviceCard[]> {
	const until = IDBKeyRange.upperBound(now.toISOString());
	return (await openReviewCards()).getAllFromIndex('cards', 'due', until);
}

/** When the next kept card after `now` is due (ISO 8601), if one is kept. */
export async function nextDueAfter(now: Date): Promise<string | null> {
	const after = IDBKeyRange.lowerBound(now.toISOString(), true);
	const cursor = await (
		await openReviewCards()
	)
		.transaction('cards')
		.store.index('due')
		.openCursor(after);
	return cursor?.value.due ?? null;
}

/** An answered card leaves the device; the next fetch brings it back with its new due date. */
export async function dropCard(id: number): Promise<void> {
	await (await openReviewCards()).delete('cards', id);
}

export async function clearReviewCards(): Promise<void> {
	await (await openReviewCards()).clear('cards');
}
