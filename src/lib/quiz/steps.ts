import type { AnsweredQuestion, QuestionState, QuestionStep, StepStatus } from './types';

/** The question a learner resumes at: the first not yet answered, else the last one. */
export function currentQuestion(steps: QuestionStep[]): number {
	return steps.find((step) => step.status === 'unanswered')?.number ?? steps.length;
}

/** The next question still to answer after `number`, coming round to earlier skipped ones. */
export function nextToAnswer(steps: QuestionStep[], number: number): number | null {
	const later = [...steps.slice(number), ...steps.slice(0, number - 1)];
	return later.find((step) => step.status === 'unanswered')?.number ?? null;
}

/**
 * A question's screen once its answer came back in place of a page load: the question as it now
 * stands, its step in the progress bar, and the next question to answer worked out again.
 */
export function afterAnswer<
	Screen extends { question: QuestionState; steps: QuestionStep[]; nextToAnswer: number | null }
>(screen: Screen, answered: AnsweredQuestion): Screen {
	const { step } = answered;
	if (answered.question.key !== screen.question.key) return screen;
	const steps = screen.steps.map((old) => (old.number === step.number ? step : old));
	return {
		...screen,
		question: answered.question,
		steps,
		nextToAnswer: nextToAnswer(steps, step.number)
	};
}

/** A question number from the address (`?q=3`), or null unless it names one of `total`. */
export function questionNumber(asked: string, total: number): number | null {
	if (!/^[1-9]\d{0,5}$/.test(asked)) return null;
	const number = Number(asked);
	return number <= total ? number : null;
}

export type Tally = Record<StepStatus, number>;

export function tally(steps: QuestionStep[]): Tally {
	const counts: Tally = {
		unanswered: 0,
		answered: 0,
		correct: 0,
		'partly correct': 0,
		incorrect: 0,
		'not answered': 0,
		'awaiting grading': 0
	};
	for (const step of steps) counts[step.status] += 1;
	return counts;
}

/** A step's status in the words the quiz uses (never colour alone). */
export const statusWords: Record<StepStatus, string> = {
	unanswered: 'Not answered yet',
	answered: 'Answered',
	correct: 'Right',
	'partly correct': 'Partly right',
	incorrect: 'Not quite',
	'not answered': 'Not answered',
	'awaiting grading': 'Awaits grading'
};
