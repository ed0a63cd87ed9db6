import { z } from 'zod';
import type { Question } from '$lib/content/quiz-schema';
import {
	essayResponse,
	matchingChoices,
	numericResponse,
	ResponseError,
	shortResponse
} from '$lib/quiz/responses';
import type { Response } from '$lib/quiz/types';

// A response in authored ids, as the review log stores it and as a browser sends an answer it
// made offline (readResponse gives it from the form, whatever layout the question was shown in).
// It is checked as strictly as a form: only ids the question offers, every part answered.

const NOT_OFFERED = 'That choice is not part of this question.';

/** The response, checked against `question` and rebuilt from its own ids; a ResponseError if it does not fit. */
export function canonicalResponse(question: Question, input: unknown): Response {
	const read = <T>(shape: z.ZodType<T>): T => {
		const parsed = z
			.object({ type: z.literal(question.type) })
			.and(shape)
			.safeParse(input);
		if (!parsed.success) throw new ResponseError('That answer does not fit this question.');
		return parsed.data;
	};
	const offered = (ids: string[]) => (id: string) => {
		if (!ids.includes(id)) throw new ResponseError(NOT_OFFERED);
		return id;
	};
	switch (question.type) {
		case 'single':
		case 'evidence': {
			const options = question.type === 'single' ? question.options : question.sentences;
			const { optionId } = read(z.object({ optionId: z.string() }));
			return {
				type: question.type,
				optionId: offered(options.map((option) => option.id))(optionId)
			};
		}
		case 'multiple': {
			const ids = read(z.object({ optionIds: z.array(z.string()).max(100) })).optionIds;
			if (ids.length === 0) throw new ResponseError('Choose at least one option.');
			const optionIds = ids.map(offered(question.options.map((option) => option.id)));
			return { type: 'multiple', optionIds: [...new Set(optionIds)] };
		}
		case 'truefalse':
			return { type: 'truefalse', value: read(z.object({ value: z.boolean() })).value };
		case 'short':
			return shortResponse(read(z.object({ text: z.string().max(10_000) })).text.trim());
		case 'numeric':
			// The value is read again from the text: a browser's own reading of it is not trusted.
			return numericResponse(read(z.object({ text: z.string().max(10_000) })).text.trim());
		case 'matching': {
			const sent = read(z.object({ matches: z.record(z.string(), z.string()) })).matches;
			const choice = offered(matchingChoices(question).map((entry) => entry.id));
			const matches: Record<string, string> = {};
			for (const pair of question.pairs) {
				const id = Object.hasOwn(sent, pair.id) ? sent[pair.id] : undefined;
				if (id === undefined) throw new ResponseError('Match every item before checking.');
				matches[pair.id] = choice(id);
			}
			return { type: 'matching', matches };
		}
		case 'ordering': {
			const { order } = read(z.object({ order: z.array(z.string()).max(100) }));
			const ids = question.items.map((item) => item.id);
			if (order.length !== ids.length || new Set(order).size !== ids.length)
				throw new ResponseError('Put every item in the list exactly once.');
			return { type: 'ordering', order: order.map(offered(ids)) };
		}
		case 'essay':
			return essayResponse(read(z.object({ text: z.string().max(100_000) })).text.trim(), question);
	}
}
