import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { newCardState, ratingFor, schedule } from './scheduler';

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-01-05T09:00:00Z');

describe('review scheduling (FSRS)', () => {
	it('maps answers to ratings: wrong → Again, partly right → Hard, right → Good', () => {
		expect([ratingFor(0), ratingFor(0.5), ratingFor(1)]).toEqual([
			Rating.Again,
			Rating.Hard,
			Rating.Good
		]);
	});

	it('brings a wrong first answer back sooner than a right one', () => {
		const wrong = schedule(newCardState(start), Rating.Again, start);
		const right = schedule(newCardState(start), Rating.Good, start);
		expect(wrong.due.getTime()).toBeLessThan(right.due.getTime());
	});

	it('pushes a card further out after each success', () => {
		let card = schedule(newCardState(start), Rating.Good, start);
		const gaps: number[] = [];
		for (let i = 0; i < 4; i++) {
			const now = card.due;
			const next = schedule(card, Rating.Good, now);
			gaps.push(next.due.getTime() - now.getTime());
			card = next;
		}
		for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]!);
		expect(gaps.at(-1)!).toBeGreaterThan(7 * DAY);
	});

	it('brings a learnt card back much sooner after a lapse, and counts the lapse', () => {
		let card = schedule(newCardState(start), Rating.Good, start);
		for (let i = 0; i < 3; i++) card = schedule(card, Rating.Good, card.due);
		const recalled = schedule(card, Rating.Good, card.due);
		const lapsed = schedule(card, Rating.Again, card.due);
		expect(lapsed.due.getTime() - card.due.getTime()).toBeLessThan(DAY);
		expect(recalled.due.getTime()).toBeGreaterThan(lapsed.due.getTime());
		expect(lapsed.lapses).toBe(card.lapses + 1);
	});
});
