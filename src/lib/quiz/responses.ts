import type { Question } from '$lib/content/quiz-schema';
import { ESSAY_MAX_CHARACTERS } from './essay-limits';
import type { GradingKey } from './grading';
import type { Response } from './types';
import { idAt, type Layout } from './layout';
import { parseNumber } from './normalise';

export const SHORT_ANSWER_MAX = 200;

export class ResponseError extends Error {}

/**
 * What a matching question offers to match: each pair's own match, then the distractors, each
 * text once (as Moodle merges identical answers). Distractor ids start with "~", which authored
 * ids cannot, so they never collide.
 */
export function matchingChoices(question: Extract<Question, { type: 'matching' }>) {
	const all = [
		...question.pairs.map((pair) => ({ id: pair.id, text: pair.match })),
		...question.distractors.map((text, i) => ({ id: `~${i + 1}`, text }))
	];
	return all.filter((choice, index) => all.findIndex((c) => c.text === choice.text) === index);
}

const strings = (form: FormData, name: string) =>
	form.getAll(name).filter((value): value is string => typeof value === 'string');

const NOT_OFFERED = 'That choice is not part of this question.';

/**
 * Reads the answer fields of a form post for `question` as laid out in `layout`, turning the
 * positions the browser sent back into authored ids. Anything malformed (unknown positions,
 * wrong types, oversize text, an incomplete match) throws a ResponseError with a message fit
 * to show the learner; nothing is saved then.
 */
/** A typed answer, trimmed: refused when empty or too long. */
export function shortResponse(text: string): Response {
	if (!text) throw new ResponseError('Type an answer.');
	if ([...text].length > SHORT_ANSWER_MAX)
		throw new ResponseError(`Keep the answer to ${SHORT_ANSWER_MAX} characters or fewer.`);
	return { type: 'short', text };
}

/** A typed number, trimmed, read here (never a browser's own reading of it). */
export function numericResponse(text: string): Response {
	if (!text) throw new ResponseError('Type a number.');
	if (text.length > 50) throw new ResponseError('That number is too long.');
	const value = parseNumber(text);
	if (value === null) throw new ResponseError('Type a number, like 42 or 3.5.');
	return { type: 'numeric', text, value };
}

/** Words as a reader counts them: runs of letters, digits and joining marks. */
export const wordCount = (text: string) =>
	text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0;

/**
 * An essay, kept as written (trimmed at its ends, line breaks as "\n"): refused when empty, too
 * long or off its word limits. A form sends a textarea's line breaks as "\r\n" where the box's
 * maxlength counted one character each, so they are made one again before counting.
 */
export function essayResponse(
	written: string,
	limits: { minWords?: number | undefined; maxWords?: number | undefined } = {}
): Response {
	const text = written.replace(/\r\n?/g, '\n');
	if (!text) throw new ResponseError('Write your answer.');
	if ([...text].length > ESSAY_MAX_CHARACTERS)
		throw new ResponseError(
			`Keep the answer to ${ESSAY_MAX_CHARACTERS.toLocaleString('en-GB')} characters or fewer.`
		);
	const words = wordCount(text);
	if (limits.minWords !== undefined && words < limits.minWords)
		throw new ResponseError(`Write at least ${limits.minWords} words (this answer has ${words}).`);
	if (limits.maxWords !== undefined && words > limits.maxWords)
		throw new ResponseError(
			`Keep the answer to ${limits.maxWords} words or fewer (this answer has ${words}).`
		);
	return { type: 'essay', text };
}

export function readResponse(question: GradingKey, layout: Layout, form: FormData): Response {
	const one = (name = 'answer') => {
		const values = strings(form, name);
		if (values.length > 1) throw new ResponseError('Send one answer only.');
		return values[0]?.trim() ?? '';
	};
	const offered = (position: string) => {
		const id = idAt(layout, position);
		if (id === undefined) throw new ResponseError(NOT_OFFERED);
		return id;
	};
	switch (question.type) {
		case 'single':
		case 'evidence': {
			const position = one();
			if (!position)
				throw new ResponseError(
					question.type === 'single' ? 'Choose an option.' : 'Choose a sentence.'
				);
			return { type: question.type, optionId: offered(position) };
		}
		case 'multiple': {
			const positions = strings(form, 'answer');
			if (positions.length === 0) throw new ResponseError('Choose at least one option.');
			return { type: 'multiple', optionIds: [...new Set(positions.map(offered))] };
		}
		case 'truefalse': {
			const value = one();
			if (value !== 'true' && value !== 'false') throw new ResponseError('Choose True or False.');
			return { type: 'truefalse', value: value === 'true' };
		}
		case 'short':
			return shortResponse(one());
		case 'numeric':
			return numericResponse(one());
		case 'matching': {
			// Prompts are known to the browser by their position in the file.
			const matches: Record<string, string> = {};
			question.pairs.forEach((pair, index) => {
				const position = one(`match:${index}`);
				if (!position) throw new ResponseError('Match every item before checking.');
				matches[pair.id] = offered(position);
			});
			return { type: 'matching', matches };
		}
		case 'ordering':
			return { type: 'ordering', order: readOrder(layout.order ?? [], form).map(offered) };
		case 'essay':
			return essayResponse(one(), question);
	}
}

/**
 * An order arrives either as `order` fields in sequence (the reorderable list) or, without
 * JavaScript, as a position chosen for each shown item (`position:<shown position>`).
 * Returns shown positions, first to last.
 */
function readOrder(shown: string[], form: FormData): string[] {
	const all = shown.map((_, index) => String(index));
	let order = strings(form, 'order');
	if (order.length === 0) {
		const ranks = all.map((position) => ({
			position,
			rank: Number(form.get(`position:${position}`))
		}));
		if (ranks.some(({ rank }) => !Number.isInteger(rank) || rank < 1 || rank > all.length)) {
			throw new ResponseError('Give every item a position.');
		}
		if (new Set(ranks.map(({ rank }) => rank)).size !== all.length) {
			throw new ResponseError('Give each item a different position.');
		}
		order = ranks.sort((a, b) => a.rank - b.rank).map(({ position }) => position);
	}
	if (
		order.length !== all.length ||
		new Set(order).size !== all.length ||
		order.some((p) => !all.includes(p))
	) {
		throw new ResponseError('Put every item in the list exactly once.');
	}
	return order;
}
