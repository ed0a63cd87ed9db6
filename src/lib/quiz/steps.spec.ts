import { describe, expect, it } from 'vitest';
import { afterAnswer, currentQuestion, nextToAnswer, questionNumber, tally } from './steps';
import type { QuestionState, QuestionStep, StepStatus } from './types';

const steps = (...statuses: StepStatus[]): QuestionStep[] =>
	statuses.map((status, index) => ({ number: index + 1, status }));

describe('currentQuestion', () => {
	it('resumes at the first question not yet answered', () => {
		expect(currentQuestion(steps('correct', 'unanswered', 'unanswered'))).toBe(2);
		expect(currentQuestion(steps('unanswered', 'answered'))).toBe(1);
	});

	it('resumes at the last question once all are answered', () => {
		expect(currentQuestion(steps('correct', 'incorrect', 'answered'))).toBe(3);
	});
});

describe('nextToAnswer', () => {
	const attempt = steps('unanswered', 'correct', 'unanswered', 'answered', 'unanswered');

	it('goes on to the next question still to answer', () => {
		expect(nextToAnswer(attempt, 1)).toBe(3);
		expect(nextToAnswer(attempt, 3)).toBe(5);
	});

	it('comes round to skipped questions from the end, never to the same one', () => {
		expect(nextToAnswer(attempt, 5)).toBe(1);
		expect(nextToAnswer(steps('unanswered', 'correct'), 1)).toBeNull();
		expect(nextToAnswer(steps('correct', 'incorrect'), 2)).toBeNull();
	});
});

describe('questionNumber', () => {
	it('reads a question number of the attempt', () => {
		expect(questionNumber('1', 10)).toBe(1);
		expect(questionNumber('10', 10)).toBe(10);
	});

	it.each(['0', '11', '999', '-1', 'abc', '', '1.5', '1e1', '01', ' 1', '9999999'])(
		'refuses %j for an attempt of 10',
		(asked) => expect(questionNumber(asked, 10)).toBeNull()
	);
});

describe('tally', () => {
	it('counts each status', () => {
		expect(tally(steps('correct', 'correct', 'incorrect', 'unanswered'))).toMatchObject({
			correct: 2,
			incorrect: 1,
			unanswered: 1,
			'partly correct': 0
		});
	});
});

describe('afterAnswer', () => {
	const question = (key: string, number: number): QuestionState => ({
		key,
		number,
		type: 'truefalse',
		prompt: 'True?',
		response: null,
		result: null
	});
	const screen = {
		question: question('b', 2),
		steps: steps('correct', 'unanswered', 'unanswered', 'unanswered'),
		nextToAnswer: 3,
		quiz: { title: 'Kept as it was' }
	};
	const answered = {
		question: { ...question('b', 2), response: { type: 'truefalse' as const, value: true } },
		step: { number: 2, status: 'incorrect' as const }
	};

	it('shows the answered question and changes its step alone', () => {
		const after = afterAnswer(screen, answered);
		expect(after.question).toBe(answered.question);
		expect(after.steps).toEqual(steps('correct', 'incorrect', 'unanswered', 'unanswered'));
		expect(after.quiz).toBe(screen.quiz);
	});

	it('works out the next question to answer from the changed steps', () => {
		const lastButOne = { ...screen, steps: steps('correct', 'unanswered', 'correct', 'correct') };
		expect(afterAnswer(screen, answered).nextToAnswer).toBe(3);
		expect(afterAnswer(lastButOne, answered).nextToAnswer).toBeNull();
	});

	it('leaves the screen of another question as it is', () => {
		const elsewhere = { ...screen, question: question('c', 3) };
		expect(afterAnswer(elsewhere, answered)).toBe(elsewhere);
	});
});
