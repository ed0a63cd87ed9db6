import type { Question } from '$lib/content/quiz-schema';
import type { Response } from '$lib/quiz/types';
import { parseNumber } from './normalise';

export const SHORT_ANSWER_MAX = 200;

export class ResponseError extends Error {}

/** Choice ids a matching question offers: each pair's own id, and d1, d2… for distractors. */
export function matchingChoices(question: Extract<Question, { type: 'matching' }>) {
	return [
		...question.pairs.map((pair) => ({ id: pair.id, text: pair.match })),
		...question.distractors.map((text, i) => ({ id: `d${i + 1}`, text }))
	];
}

const strings = (form: FormData, name: string) =>
	form.getAll(name).filter((value): value is string => typeof value === 'string');

/**
 * Reads the answer fields of a form post for `question`. Anything malformed (unknown ids,
 * wrong types, oversize text, an incomplete match) throws a ResponseError with a message
 * fit to show the learner; nothing is saved then.
 */
export function readResponse(question: Question, form: FormData): Response {
	const one = (name = 'answer') => {
		const values = strings(form, name);
		if (values.length > 1) throw new ResponseError('Send one answer only.');
		return values[0]?.trim() ?? '';
	};
	switch (question.type) {
		case 'single':
		case 'evidence': {
			const optionId = one();
			const options = question.type === 'single' ? question.options : question.sentences;
			if (!optionId)
				throw new ResponseError(
					question.type === 'single' ? 'Choose an option.' : 'Choose a sentence.'
				);
			if (!options.some((option) => option.id === optionId))
				throw new ResponseError('That choice is not part of this question.');
			return { type: question.type, optionId };
		}
		case 'multiple': {
			const optionIds = [...new Set(strings(form, 'answer'))];
			if (optionIds.length === 0) throw new ResponseError('Choose at least one option.');
			const known = new Set(question.options.map((option) => option.id));
			if (optionIds.some((id) => !known.has(id)))
				throw new ResponseError('That choice is not part of this question.');
			return { type: 'multiple', optionIds };
		}
		case 'truefalse': {
			const value = one();
			if (value !== 'true' && value !== 'false') throw new ResponseError('Choose True or False.');
			return { type: 'truefalse', value: value === 'true' };
		}
		case 'short': {
			const text = one();
			if (!text) throw new ResponseError('Type an answer.');
			if ([...text].length > SHORT_ANSWER_MAX) {
				throw new ResponseError(`Keep the answer under ${SHORT_ANSWER_MAX} characters.`);
			}
			return { type: 'short', text };
		}
		case 'numeric': {
			const text = one();
			if (!text) throw new ResponseError('Type a number.');
			if (text.length > 50) throw new ResponseError('That number is too long.');
			const value = parseNumber(text);
			if (value === null) throw new ResponseError('Type a number, like 42 or 3.5.');
			return { type: 'numeric', text, value };
		}
		case 'matching': {
			const choices = new Set(matchingChoices(question).map((choice) => choice.id));
			const matches: Record<string, string> = {};
			for (const pair of question.pairs) {
				const choice = one(`match:${pair.id}`);
				if (!choice) throw new ResponseError('Match every item before checking.');
				if (!choices.has(choice))
					throw new ResponseError('That choice is not part of this question.');
				matches[pair.id] = choice;
			}
			return { type: 'matching', matches };
		}
		case 'ordering':
			return {
				type: 'ordering',
				order: readOrder(
					question.items.map((item) => item.id),
					form
				)
			};
	}
}

/**
 * An order arrives either as `order` fields in sequence (the reorderable list) or, without
 * JavaScript, as a position chosen for each item (`position:<id>`).
 */
function readOrder(ids: string[], form: FormData): string[] {
	let order = strings(form, 'order');
	if (order.length === 0) {
		const positions = ids.map((id) => ({ id, position: Number(form.get(`position:${id}`)) }));
		if (
			positions.some(
				({ position }) => !Number.isInteger(position) || position < 1 || position > ids.length
			)
		) {
			throw new ResponseError('Give every item a position.');
		}
		if (new Set(positions.map(({ position }) => position)).size !== ids.length) {
			throw new ResponseError('Give each item a different position.');
		}
		order = positions.sort((a, b) => a.position - b.position).map(({ id }) => id);
	}
	if (
		order.length !== ids.length ||
		new Set(order).size !== ids.length ||
		order.some((id) => !ids.includes(id))
	) {
		throw new ResponseError('Put every item in the list exactly once.');
	}
	return order;
}
