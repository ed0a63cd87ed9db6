// Moodle's response analysis for the questions without options to count: the most frequent
// responses (as choice_counts keeps them: the text typed, the matches, the order), in words and
// with the credit each earns.
import type { Question } from '$lib/content/quiz-schema';
import { describeResponse } from '$lib/quiz/describe-response';
import { grade } from '$lib/quiz/grading';
import { matchingChoices, numericResponse, ResponseError } from '$lib/quiz/responses';
import type { PublicQuestion, Response } from '$lib/quiz/types';

export const SHOWN_RESPONSES = 5;

export interface FrequentResponse {
	/** The response in words, one line per part. */
	words: string[];
	count: number;
	/** `count` ÷ the attempts given the question. */
	share: number;
	/** The credit it earns (0–1) under the question's current key. */
	credit: number;
}

function responseFrom(question: Question, choice: string): Response | null {
	switch (question.type) {
		case 'short':
			return { type: 'short', text: choice };
		case 'numeric':
			try {
				return numericResponse(choice);
			} catch (error) {
				if (error instanceof ResponseError) return null;
				throw error;
			}
		case 'matching':
			return { type: 'matching', matches: JSON.parse(choice) as Record<string, string> };
		case 'ordering':
			return { type: 'ordering', order: JSON.parse(choice) as string[] };
		default:
			return null;
	}
}

/** What describeResponse needs of a question to put a response in words. */
function wordsView(question: Question): PublicQuestion {
	return {
		key: question.id,
		number: 0,
		type: question.type,
		prompt: question.prompt,
		options: question.type === 'matching' ? matchingChoices(question) : undefined,
		pairs:
			question.type === 'matching'
				? question.pairs.map(({ id, prompt }) => ({ id, prompt }))
				: undefined,
		items: question.type === 'ordering' ? question.items : undefined
	};
}

export function frequentResponses(
	question: Question,
	counts: Map<string, number>,
	attempts: number
): FrequentResponse[] {
	const view = wordsView(question);
	return [...counts]
		.sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
		.slice(0, SHOWN_RESPONSES)
		.flatMap(([choice, count]) => {
			const response = responseFrom(question, choice);
			if (!response) return [];
			return [
				{
					words: describeResponse(view, response),
					count,
					share: attempts ? count / attempts : 0,
					credit: grade(question, response).score
				}
			];
		});
}
