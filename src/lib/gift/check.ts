// Checks a quiz against our schema with one exception: an empty `citations` list is allowed.
// Imported quizzes have no citations yet (GIFT has no place for them), and the build, not the
// importer, is what makes the author add them. Everything else is checked as the build would.

import { describeQuizIssues, quizFile, type QuizFile } from '../content/quiz-schema.ts';

/** Stands in for a missing citation during the check only; it never reaches the output. */
const STAND_IN = { source: '000_0000000000000000.txt', quote: 'stand-in' };

export interface QuizProblem {
	/** Index in `questions`, when the problem is about one question. */
	question?: number;
	message: string;
}

export type QuizCheck = { ok: true; quiz: QuizFile } | { ok: false; problems: QuizProblem[] };

const isEmptyList = (value: unknown) =>
	value === undefined || (Array.isArray(value) && value.length === 0);

export function checkQuizExceptCitations(data: unknown): QuizCheck {
	const questions = (data as { questions?: unknown } | null)?.questions;
	const uncited = new Set<number>();
	let input = data;
	if (Array.isArray(questions)) {
		input = {
			...(data as object),
			questions: questions.map((q: unknown, index) => {
				if (q === null || typeof q !== 'object') return q;
				if (!isEmptyList((q as { citations?: unknown }).citations)) return q;
				uncited.add(index);
				return { ...q, citations: [STAND_IN] };
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
	quiz.questions = quiz.questions.map((q, index) =>
		uncited.has(index) ? { ...q, citations: [] } : q
	);
	return { ok: true, quiz };
}
