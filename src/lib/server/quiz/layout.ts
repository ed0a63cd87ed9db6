import type { Question } from '$lib/content/quiz-schema';
import { matchingChoices } from './responses';

/** How one question is laid out in one attempt; fixed when the attempt starts. */
export interface Layout {
	/** Option, sentence, choice or item ids in the order shown. */
	order?: string[];
}

function shuffled<T>(items: readonly T[]): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = crypto.getRandomValues(new Uint32Array(1))[0]! % (i + 1);
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}
	return copy;
}

/** Shuffled, but never left in the answer's own order when that can be avoided. */
function scrambled(ids: readonly string[]): string[] {
	if (ids.length < 2) return [...ids];
	let order = shuffled(ids);
	while (order.every((id, i) => id === ids[i])) order = shuffled(ids);
	return order;
}

export function layoutFor(question: Question, shuffleOptions: boolean): Layout {
	switch (question.type) {
		case 'single':
		case 'multiple': {
			const ids = question.options.map((option) => option.id);
			return { order: shuffleOptions ? shuffled(ids) : ids };
		}
		// Matching choices and ordering items are always shuffled: in file order they would give the answer away.
		case 'matching':
			return { order: scrambled(matchingChoices(question).map((choice) => choice.id)) };
		case 'ordering':
			return { order: scrambled(question.items.map((item) => item.id)) };
		// An excerpt's sentences keep the article's order, or it would not read as a passage.
		default:
			return {};
	}
}
