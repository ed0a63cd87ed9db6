import type { Question } from '$lib/content/quiz-schema';
import { matchesShortAnswer, shortAnswerHalves } from './normalise';
import type { QuestionResult, Response } from './types';

// Shared by the server and the browser: a review card kept for offline use is graded on the
// device by this same code, from the card's key (the learner has already seen it).

type Keyed = { id: string; feedback?: string | undefined };
type Credited = Keyed & { credit?: number | undefined };
type Of<T extends Question['type']> = Extract<Question, { type: T }>;

/** What grading reads of a question (and readResponse of its shape): no prompt, texts or sources. */
export type GradingKey =
	| { type: 'single'; options: Credited[]; answer: string }
	| { type: 'evidence'; sentences: Keyed[]; answer: string }
	| { type: 'multiple'; options: Credited[]; answers: string[] }
	| { type: 'truefalse'; answer: boolean; feedback?: Of<'truefalse'>['feedback'] }
	| ({ type: 'short' } & Pick<Of<'short'>, 'answers' | 'match' | 'caseSensitive'>)
	| ({ type: 'numeric' } & Pick<Of<'numeric'>, 'answers' | 'match' | 'wrongFeedback'>)
	| {
			type: 'matching';
			/**
			 * `choice` is the choice that answers the pair when an earlier pair has the same match
			 * text (the choices are merged); the authored question gives `match` instead.
			 */
			pairs: { id: string; match?: string; choice?: string }[];
	  }
	| { type: 'ordering'; items: { id: string }[] }
	| ({ type: 'essay' } & Pick<Of<'essay'>, 'minWords' | 'maxWords'>);

export interface Grade {
	/** 0–1: the share of the question's mark earned. */
	score: number;
	/** Feedback written for what the learner chose, in the order chosen. */
	feedback: string[];
	/** Graded by hand (an essay): the score stays 0 until an instructor marks it. */
	pending?: true;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/** Relative tolerance for comparing decimals, so 0.1 + 0.2 counts as 0.3. */
const close = (a: number, b: number, tolerance: number) =>
	Math.abs(a - b) <= tolerance + 1e-9 * Math.max(1, Math.abs(b));

/** The first matching answer (Moodle's rule, kept for imported questions) or the best one. */
function pick<T extends { credit: number }>(matching: T[], rule: 'first' | 'best' | undefined) {
	return rule === 'first' ? matching[0] : [...matching].sort((a, b) => b.credit - a.credit)[0];
}

/**
 * Grades a checked response. Rules, in short:
 * single — the chosen option's credit when options carry credits, else 1 for the answer;
 * multiple — with credits, the sum of the ticked options' credits (Moodle's scoring); without,
 * share of right options picked minus share of wrong options picked; either kept within 0–1;
 * short and numeric — the credit of the first accepted answer it matches (`match: first`) or
 * the best (the default);
 * matching — share of items matched right, a choice whose text is another item's match
 * counting as that match; ordering — share of item pairs in the right relative order (one item
 * out of place costs little, a reversed list scores 0); essay — nothing until an instructor marks
 * it: 0, pending.
 */
export function grade(question: GradingKey, response: Response): Grade {
	if (response.type !== question.type) throw new Error('response does not fit the question');
	switch (question.type) {
		case 'single':
		case 'evidence': {
			const { optionId } = response as Extract<Response, { optionId: string }>;
			const options = question.type === 'single' ? question.options : question.sentences;
			const chosen: Credited | undefined = options.find((option) => option.id === optionId);
			return {
				score: clamp(chosen?.credit ?? (optionId === question.answer ? 1 : 0)),
				feedback: chosen?.feedback ? [chosen.feedback] : []
			};
		}
		case 'multiple': {
			const { optionIds } = response as Extract<Response, { type: 'multiple' }>;
			const right = new Set(question.answers);
			const wrongCount = question.options.length - right.size;
			const rightPicked = optionIds.filter((id) => right.has(id)).length;
			const wrongPicked = optionIds.length - rightPicked;
			const weighted = question.options.some((option) => option.credit !== undefined);
			const score = clamp(
				weighted
					? optionIds.reduce(
							(sum, id) => sum + (question.options.find((o) => o.id === id)?.credit ?? 0),
							0
						)
					: rightPicked / right.size - (wrongCount ? wrongPicked / wrongCount : 0)
			);
			const feedback = optionIds.flatMap(
				(id) => question.options.find((o) => o.id === id)?.feedback ?? []
			);
			return { score, feedback };
		}
		case 'truefalse': {
			const { value } = response as Extract<Response, { type: 'truefalse' }>;
			const note = question.feedback?.[value ? 'true' : 'false'];
			return { score: value === question.answer ? 1 : 0, feedback: note ? [note] : [] };
		}
		case 'short': {
			const { text } = response as Extract<Response, { type: 'short' }>;
			const bestMatch = (written: string) =>
				pick(
					question.answers.filter((answer) =>
						matchesShortAnswer(answer.text, written, question.caseSensitive)
					),
					question.match
				);
			// "Name (ABBR)" earns what its weaker half earns, so both halves must be right.
			const halves = shortAnswerHalves(text)?.map(bestMatch);
			const weakerHalf =
				halves?.[0] && halves[1]
					? halves[0].credit <= halves[1].credit
						? halves[0]
						: halves[1]
					: undefined;
			const matched = [bestMatch(text), weakerHalf]
				.filter((answer) => answer !== undefined)
				.sort((a, b) => b.credit - a.credit)[0];
			return { score: matched?.credit ?? 0, feedback: matched?.feedback ? [matched.feedback] : [] };
		}
		case 'numeric': {
			const { value } = response as Extract<Response, { type: 'numeric' }>;
			const matched = pick(
				question.answers.filter((answer) =>
					'value' in answer
						? close(value, answer.value, answer.tolerance)
						: value >= answer.min && value <= answer.max
				),
				question.match
			);
			const note = matched ? matched.feedback : question.wrongFeedback;
			return { score: matched?.credit ?? 0, feedback: note ? [note] : [] };
		}
		case 'matching': {
			const { matches } = response as Extract<Response, { type: 'matching' }>;
			// Moodle offers identical right-hand texts once, so either item may take that choice.
			const choiceOf = (pair: { id: string; match?: string; choice?: string }) =>
				pair.choice ??
				question.pairs.find((p) => p.match !== undefined && p.match === pair.match)?.id ??
				pair.id;
			const right = question.pairs.filter((pair) => matches[pair.id] === choiceOf(pair)).length;
			return { score: right / question.pairs.length, feedback: [] };
		}
		case 'ordering': {
			const { order } = response as Extract<Response, { type: 'ordering' }>;
			const rank = new Map(question.items.map((item, index) => [item.id, index]));
			let inOrder = 0;
			let pairs = 0;
			for (let i = 0; i < order.length; i++) {
				for (let j = i + 1; j < order.length; j++) {
					pairs += 1;
					if (rank.get(order[i]!)! < rank.get(order[j]!)!) inOrder += 1;
				}
			}
			return { score: pairs ? inOrder / pairs : 1, feedback: [] };
		}
		case 'essay':
			return { score: 0, feedback: [], pending: true };
	}
}

export function verdictFor(score: number | null): QuestionResult['verdict'] {
	if (score === null) return 'not answered';
	return score === 1 ? 'correct' : score > 0 ? 'partly correct' : 'incorrect';
}
