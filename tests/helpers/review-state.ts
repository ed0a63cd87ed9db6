import { ratingFor, schedule, type CardState } from '../../src/lib/server/review/scheduler';
import { query } from './db';

/** A review card's FSRS state, as the database file holds it. */
export function cardState(databasePath: string, id: number): CardState {
	const row = query<Record<string, number>>(
		databasePath,
		'select * from review_cards where id = ?',
		id
	)[0]!;
	return {
		due: new Date(row.due!),
		stability: row.stability!,
		difficulty: row.difficulty!,
		elapsedDays: row.elapsed_days!,
		scheduledDays: row.scheduled_days!,
		learningSteps: row.learning_steps!,
		reps: row.reps!,
		lapses: row.lapses!,
		state: row.state!,
		lastReview: row.last_review === null ? null : new Date(row.last_review!)
	};
}

/** What answering online, one answer after another in time order, makes of the card. */
export function answeredOnline(
	start: CardState,
	answers: { score: number; at: number }[]
): CardState {
	return [...answers]
		.sort((a, b) => a.at - b.at)
		.reduce(
			(state, answer) => schedule(state, ratingFor(answer.score), new Date(answer.at)),
			start
		);
}
