import { describeResponse } from './describe-response';
import type { QuestionResult, QuestionState } from './types';

/**
 * The learner's answer and the right one, in words, short enough for a phone: a matching
 * question lists only its wrongly matched prompts, not every pair.
 */
export function mistakeLines(
	question: QuestionState,
	result: QuestionResult
): { yours: string[]; right: string[] } {
	const response = question.response;
	if (!response) return { yours: [], right: result.correctAnswer };
	if (response.type === 'matching' && result.rightMatches) {
		const text = (id: string | undefined) =>
			question.options?.find((option) => option.id === id)?.text ?? '–';
		const wrong = (question.pairs ?? []).filter(
			(pair) => response.matches[pair.id] !== result.rightMatches![pair.id]
		);
		return {
			yours: wrong.map((pair) => `${pair.prompt} → ${text(response.matches[pair.id])}`),
			right: wrong.map((pair) => `${pair.prompt} → ${text(result.rightMatches![pair.id])}`)
		};
	}
	return { yours: describeResponse(question, response), right: result.correctAnswer };
}
