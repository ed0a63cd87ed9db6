// Checks an imported quiz against our schema with two exceptions, the gaps an import leaves for
// the author: an empty `citations` list (GIFT has no place for them) and the importer's own
// to-do explanation. The build, not the importer, is what makes the author fill them.
// Everything else is checked as the build would.

import { describeQuizIssues, quizFile, type QuizFile } from '../content/quiz-schema.ts';
import { EXPLANATION_TODO } from './to-quiz.ts';

/** Stand in for the gaps during the check only; they never reach the output. */
const STAND_IN = { source: '000_0000000000000000.txt', quote: 'stand-in' };
const EXPLANATION_STAND_IN = 'Stand-in explanation.';

export interface QuizProblem {
	/** Index in `questions`, when the problem is about one question. */
	question?: number;
	message: string;
}

export type QuizCheck = { ok: true; quiz: QuizFile } | { ok: false; problems: QuizProblem[] };

const isEmptyList = (value: unknown) =>
	value === undefined || (Array.isArray(value) && value.length === 0);

export function checkImportedQuiz(data: unknown): QuizCheck {
	const questions = (data as { questions?: unknown } | null)?.questions;
	const uncited = new Set<number>();
	const unexplained = new Set<number>();
	let input = data;
	if (Array.isArray(questions)) {
		input = {
			...(data as object),
			questions: questions.map((q: unknown, index) => {
				if (q === null || typeof q !== 'object') return q;
				const draft = q as { citations?: unknown; explanation?: unknown };
				const filled = { ...q } as Record<string, unknown>;
				if (isEmptyList(draft.citations)) {
					uncited.add(index);
					filled.citations = [STAND_IN];
				}
				if (draft.explanation === EXPLANATION_TODO) {
					unexplained.add(index);
					filled.explanation = EXPLANATION_STAND_IN;
				}
				return filled;
			})
		};
	}
	const result = quizFile.safeParse(input);
	if (!result.success) {
		const messages = describeQuizIssues(result.error, input);
		return {
			ok: false,
			problems: result.error.issues.map((issue, index) => {
				const [first, position] = issue.path;
				return {
					...(first === 'questions' && typeof position === 'number' ? { question: position } : {}),
					message: messages[index]!
				};
			})
		};
	}
	const quiz = result.data;
	quiz.questions = quiz.questions.map((q, index) => ({
		...q,
		...(uncited.has(index) ? { citations: [] } : {}),
		...(unexplained.has(index) ? { explanation: EXPLANATION_TODO } : {})
	}));
	return { ok: true, quiz };
}
