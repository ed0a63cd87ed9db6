import type { PublicQuestion, Response } from './types';

/** The learner's answer in words, one line per part, for the review. */
export function describeResponse(question: PublicQuestion, response: Response): string[] {
	const optionText = (id: string) =>
		question.options?.find((option) => option.id === id)?.text ?? id;
	switch (response.type) {
		case 'single':
		case 'evidence':
			return [optionText(response.optionId)];
		case 'multiple':
			return response.optionIds.map(optionText);
		case 'truefalse':
			return [response.value ? 'True' : 'False'];
		case 'short':
		case 'numeric':
		case 'essay':
			return [response.text];
		case 'matching':
			return (question.pairs ?? []).map(
				(pair) => `${pair.prompt} → ${optionText(response.matches[pair.id] ?? '')}`
			);
		case 'ordering':
			return response.order.map(
				(id, index) => `${index + 1}. ${question.items?.find((item) => item.id === id)?.text ?? id}`
			);
	}
}
