import type { QuestionState, Response } from '$lib/quiz/types';
import { layoutFor, publicResponse } from '$lib/quiz/layout';
import { publicQuestion, questionResult } from '../quiz/question-views';
import type { reviewResult } from './cards';

/** A finished review as its result panel shows it: the card's own layout is spent once answered, so file order. */
export function reviewedQuestion(
	review: NonNullable<ReturnType<typeof reviewResult>>
): QuestionState {
	const layout = layoutFor(review.question, false);
	const response = review.log.response as Response;
	return {
		...publicQuestion(review.question, layout, 0),
		response: publicResponse(review.question, layout, response),
		result: questionResult(review.question, { response, score: review.log.score })
	};
}
