import type { Question } from '$lib/content/quiz-schema';
import type { GradingKey } from './grading';
import { matchingChoices } from './responses';
import type { Response } from './types';

/**
 * How one question is laid out in one attempt; fixed when the attempt starts. `order` lists
 * the authored ids of the options, sentences, choices or items as shown. The browser never
 * sees those ids: it sees positions in this list ("0", "1", …), which say nothing about the key.
 */
export interface Layout {
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

/**
 * Shuffled so that the first `telling` entries are not all where the answer puts them (the
 * items of an ordering; the pairs' own matches, shown beside their prompts, in a matching).
 */
function scrambled(ids: readonly string[], telling = ids.length): string[] {
	if (ids.length < 2) return [...ids];
	let order = shuffled(ids);
	while (ids.slice(0, telling).every((id, i) => order[i] === id)) order = shuffled(ids);
	return order;
}

export function layoutFor(question: Question, shuffleOptions: boolean): Layout {
	switch (question.type) {
		case 'single':
		case 'multiple': {
			const ids = question.options.map((option) => option.id);
			return { order: shuffleOptions ? shuffled(ids) : ids };
		}
		// An excerpt's sentences keep the article's order, or it would not read as a passage.
		case 'evidence':
			return { order: question.sentences.map((sentence) => sentence.id) };
		// Matching choices and ordering items are always shuffled: in file order they would give the answer away.
		case 'matching':
			return {
				order: scrambled(
					matchingChoices(question).map((choice) => choice.id),
					question.pairs.length
				)
			};
		case 'ordering':
			return { order: scrambled(question.items.map((item) => item.id)) };
		default:
			return {};
	}
}

/** The authored id behind a position the browser sent, or undefined if there is none. */
export function idAt(layout: Layout, position: string): string | undefined {
	if (!/^\d{1,3}$/.test(position)) return undefined;
	return layout.order?.[Number(position)];
}

/** The position the browser knows an authored id by. */
export function positionOf(layout: Layout, id: string): string {
	return String(layout.order?.indexOf(id) ?? -1);
}

/**
 * A response in the browser's terms (positions, not authored ids): the learner's saved answer as
 * a page shows it back. Takes the question or, on a device reviewing offline, its grading key.
 */
export function publicResponse(
	question: Question | GradingKey,
	layout: Layout,
	response: Response
): Response {
	const at = (id: string) => positionOf(layout, id);
	switch (response.type) {
		case 'single':
		case 'evidence':
			return { ...response, optionId: at(response.optionId) };
		case 'multiple':
			return { ...response, optionIds: response.optionIds.map(at) };
		case 'matching': {
			const pairs = question.type === 'matching' ? question.pairs : [];
			return {
				...response,
				matches: Object.fromEntries(
					pairs.map((pair, index) => [String(index), at(response.matches[pair.id] ?? '')])
				)
			};
		}
		case 'ordering':
			return { ...response, order: response.order.map(at) };
		default:
			return response;
	}
}
