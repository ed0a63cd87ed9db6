import type { Question } from '$lib/content/quiz-schema';
import { findSource } from '$lib/content/sources';
import { positionOf, publicResponse, type Layout } from '$lib/quiz/layout';
import type {
	AnsweredQuestion,
	Choice,
	PublicQuestion,
	QuestionResult,
	QuestionState,
	QuestionStep
} from '$lib/quiz/types';
import type { AttemptQuestion, QuizSettings } from './attempts';
import { grade, verdictFor } from '$lib/quiz/grading';
import { matchingChoices } from '$lib/quiz/responses';

// The only place that decides what of a question a browser may see. Before the learner's
// answer may be revealed, a question's public view has no key, feedback, explanation or source.

/** The layout's entries as the browser knows them: by position, with their text. */
function shown(layout: Layout, texts: { id: string; text: string }[]): Choice[] {
	return (layout.order ?? []).map((id, position) => ({
		id: String(position),
		text: texts.find((entry) => entry.id === id)?.text ?? ''
	}));
}

export function publicQuestion(question: Question, layout: Layout, number: number): PublicQuestion {
	const base = { key: question.id, number, type: question.type, prompt: question.prompt };
	switch (question.type) {
		case 'single':
		case 'multiple':
			return { ...base, options: shown(layout, question.options) };
		case 'evidence':
			return {
				...base,
				claim: question.claim,
				excerptSource: findSource(question.source)?.label ?? question.source,
				options: shown(layout, question.sentences)
			};
		case 'matching':
			return {
				...base,
				pairs: question.pairs.map(({ prompt }, index) => ({ id: String(index), prompt })),
				options: shown(layout, matchingChoices(question))
			};
		case 'ordering':
			return { ...base, items: shown(layout, question.items) };
		// The guidance is for graders: it never reaches the learner's page.
		case 'essay':
			return {
				...base,
				...(question.template !== undefined && { template: question.template }),
				...(question.minWords !== undefined && { minWords: question.minWords }),
				...(question.maxWords !== undefined && { maxWords: question.maxWords })
			};
		default:
			return base;
	}
}

const percent = (credit: number) => `${+(credit * 100).toFixed(2)} %`;

/** One line naming each option and its credit, after `label`; none when there are none. */
function creditLine(label: string, options: { text: string; credit?: number | undefined }[]) {
	return options.length
		? [`${label}: ${options.map((o) => `${o.text} (${percent(o.credit ?? 0)})`).join(', ')}`]
		: [];
}

/** A single choice's options that earn the whole mark: the answer, and any other at credit 1. */
const fullCreditIds = (question: Extract<Question, { type: 'single' }>) =>
	question.options
		.filter((o) => o.id === question.answer || o.credit === 1)
		.map((option) => option.id);

function correctAnswer(question: Question): string[] {
	switch (question.type) {
		case 'single': {
			const full = fullCreditIds(question);
			const right = question.options.filter((o) => full.includes(o.id)).map((o) => o.text);
			const partial = question.options.filter(
				(o) => !full.includes(o.id) && o.credit !== undefined && o.credit !== 0
			);
			return [...right, ...creditLine('Part credit', partial)];
		}
		case 'evidence':
			return [question.sentences.find((s) => s.id === question.answer)!.text];
		case 'multiple': {
			const right = question.options.filter((o) => question.answers.includes(o.id));
			const weighted = right.some((o) => o.credit !== undefined && o.credit !== 1);
			// With weights, each right option says its share; a penalty is worth knowing too.
			return weighted
				? [
						...right.map((o) => `${o.text} (${percent(o.credit ?? 0)})`),
						...creditLine(
							'Counted against you if ticked',
							question.options.filter((o) => (o.credit ?? 0) < 0)
						)
					]
				: right.map((o) => o.text);
		}
		case 'truefalse':
			return [question.answer ? 'True' : 'False'];
		case 'short': {
			// A wildcard reads as "…" to a learner: "*over*the*horizon*" is "…over…the…horizon…".
			const shown = (text: string) => text.replace(/(?<!\\)\*/g, '…').replace(/\\\*/g, '*');
			const [best, ...others] = question.answers
				.filter((a) => a.credit === 1)
				.map((a) => shown(a.text));
			return others.length ? [best!, `Also accepted: ${others.join(', ')}`] : [best!];
		}
		case 'numeric':
			return question.answers
				.filter((a) => a.credit === 1)
				.map((a) =>
					'value' in a
						? a.tolerance
							? `${a.value} (± ${a.tolerance})`
							: String(a.value)
						: `Between ${a.min} and ${a.max}`
				);
		case 'matching':
			return question.pairs.map((pair) => `${pair.prompt} → ${pair.match}`);
		case 'ordering':
			return question.items.map((item, i) => `${i + 1}. ${item.text}`);
		// No model answer: an instructor marks it.
		case 'essay':
			return [];
	}
}

/** Where the right answer sits in the attempt's layout, for marking it beside the choices. */
function rightPositions(
	question: Question,
	layout: Layout
): Pick<QuestionResult, 'rightChoices' | 'partChoices' | 'rightMatches'> {
	const at = (id: string) => positionOf(layout, id);
	switch (question.type) {
		case 'single': {
			const full = fullCreditIds(question);
			const part = question.options
				.filter((o) => !full.includes(o.id) && (o.credit ?? 0) > 0)
				.map((o) => at(o.id));
			return { rightChoices: full.map(at), ...(part.length && { partChoices: part }) };
		}
		case 'evidence':
			return { rightChoices: [at(question.answer)] };
		case 'multiple':
			return { rightChoices: question.answers.map(at) };
		case 'truefalse':
			return { rightChoices: [String(question.answer)] };
		case 'matching': {
			// A pair whose match was merged with an earlier identical one points at that choice.
			const choices = matchingChoices(question);
			const choiceFor = (text: string) => choices.find((choice) => choice.text === text)!.id;
			return {
				rightMatches: Object.fromEntries(
					question.pairs.map((pair, index) => [String(index), at(choiceFor(pair.match))])
				)
			};
		}
		default:
			return {};
	}
}

function gradedResult(question: Question, answer: AttemptQuestion['answer']) {
	const { score, feedback } = answer
		? grade(question, answer.response)
		: { score: 0, feedback: [] };
	return { score, feedback, verdict: verdictFor(answer ? score : null) };
}

/** An essay's result: the instructor's mark and comment once marked; until then, nothing decided. */
function essayResult(answer: AttemptQuestion['answer']) {
	if (!answer) return { score: 0, feedback: [], verdict: verdictFor(null) };
	if (!answer.marked) return { score: 0, feedback: [], verdict: 'awaiting grading' as const };
	const { comment } = answer.marked;
	return {
		score: answer.score,
		feedback: comment ? [comment] : [],
		verdict: verdictFor(answer.score)
	};
}

/** How a question stands once its result may be shown. */
function answerVerdict(entry: AttemptQuestion): QuestionResult['verdict'] {
	if (entry.question.type === 'essay') return essayResult(entry.answer).verdict;
	return verdictFor(entry.answer?.score ?? null);
}

/** The question's key and sources, with the right answer's positions when the layout is given. */
export function questionResult(
	question: Question,
	response: AttemptQuestion['answer'],
	layout?: Layout
): QuestionResult {
	const { score, feedback, verdict } =
		question.type === 'essay' ? essayResult(response) : gradedResult(question, response);
	return {
		score,
		verdict,
		feedback,
		correctAnswer: correctAnswer(question),
		explanation: question.explanation,
		claimType: question.claimType,
		...(question.mixedKinds && { mixedKinds: true }),
		citations: question.citations.map(({ source, quote }) => {
			const article = findSource(source);
			return {
				quote,
				file: source,
				label: article?.label ?? source,
				workingTitle: article?.workingTitle ?? source
			};
		}),
		...(layout && rightPositions(question, layout))
	};
}

/** Whether the question's result may be shown: once submitted, or, with immediate feedback, once answered. */
function mayReveal(
	settings: Pick<QuizSettings, 'feedback'>,
	submitted: boolean,
	entry: AttemptQuestion
): boolean {
	return submitted || (settings.feedback === 'immediate' && entry.answer !== null);
}

/**
 * One question of the attempt as its page shows it. Its result (key, feedback, explanation,
 * sources) is included only when it may be revealed.
 */
export function attemptQuestionState(
	settings: Pick<QuizSettings, 'feedback'>,
	submitted: boolean,
	entry: AttemptQuestion,
	number: number
): QuestionState {
	return {
		...publicQuestion(entry.question, entry.layout, number),
		response: entry.answer && publicResponse(entry.question, entry.layout, entry.answer.response),
		result: mayReveal(settings, submitted, entry)
			? questionResult(entry.question, entry.answer, entry.layout)
			: null
	};
}

/** The attempt as its review shows it, every question in order. */
export function attemptQuestionStates(
	settings: Pick<QuizSettings, 'feedback'>,
	submitted: boolean,
	questions: AttemptQuestion[]
): QuestionState[] {
	return questions.map((entry, index) =>
		attemptQuestionState(settings, submitted, entry, index + 1)
	);
}

/**
 * How each question stands, for the progress bar: right or wrong only where the result may be
 * shown; an answer whose feedback is deferred is just "answered".
 */
export function questionSteps(
	settings: Pick<QuizSettings, 'feedback'>,
	submitted: boolean,
	questions: AttemptQuestion[]
): QuestionStep[] {
	return questions.map((entry, index) => questionStep(settings, submitted, entry, index + 1));
}

function questionStep(
	settings: Pick<QuizSettings, 'feedback'>,
	submitted: boolean,
	entry: AttemptQuestion,
	number: number
): QuestionStep {
	return {
		number,
		status: mayReveal(settings, submitted, entry)
			? answerVerdict(entry)
			: entry.answer
				? 'answered'
				: 'unanswered'
	};
}

/** One question of an open attempt, just answered: its screen and its step in the progress bar. */
export function answeredQuestion(
	settings: Pick<QuizSettings, 'feedback'>,
	entry: AttemptQuestion,
	number: number
): AnsweredQuestion {
	return {
		question: attemptQuestionState(settings, false, entry, number),
		step: questionStep(settings, false, entry, number)
	};
}
