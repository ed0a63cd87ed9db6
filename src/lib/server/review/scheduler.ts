import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { ReviewCard } from '../db/schema';

// FSRS through ts-fsrs, with its default parameters and no fuzz, so schedules are reproducible.
const scheduler = fsrs({ enable_fuzz: false });

export type CardState = Pick<
	ReviewCard,
	| 'due'
	| 'stability'
	| 'difficulty'
	| 'elapsedDays'
	| 'scheduledDays'
	| 'learningSteps'
	| 'reps'
	| 'lapses'
	| 'state'
	| 'lastReview'
>;

/** How well an answer went, as FSRS wants it: wrong → Again, partly right → Hard, right → Good. */
export function ratingFor(score: number): Grade {
	if (score >= 1) return Rating.Good;
	return score > 0 ? Rating.Hard : Rating.Again;
}

const toCard = (state: CardState): Card => ({
	due: state.due,
	stability: state.stability,
	difficulty: state.difficulty,
	elapsed_days: state.elapsedDays,
	scheduled_days: state.scheduledDays,
	learning_steps: state.learningSteps,
	reps: state.reps,
	lapses: state.lapses,
	state: state.state,
	last_review: state.lastReview ?? undefined
});

const fromCard = (card: Card): CardState => ({
	due: card.due,
	stability: card.stability,
	difficulty: card.difficulty,
	elapsedDays: card.elapsed_days,
	scheduledDays: card.scheduled_days,
	learningSteps: card.learning_steps,
	reps: card.reps,
	lapses: card.lapses,
	state: card.state,
	lastReview: card.last_review ?? null
});

export function newCardState(now: Date): CardState {
	return fromCard(createEmptyCard(now));
}

/** The card's next state after an answer with `rating` at `now`. */
export function schedule(state: CardState, rating: Grade, now: Date): CardState {
	return fromCard(scheduler.next(toCard(state), now, rating).card);
}
