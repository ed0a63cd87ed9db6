// The optional credit rules a question imported from Moodle relies on: per-option credit on a
// single choice, weights on a multiple choice, wildcards, case and first-match on short answers,
// a numeric catch-all feedback, and matching with identical right-hand texts.
import { describe, expect, it } from 'vitest';
import { question } from '$lib/content/quiz-schema';
import { makeQuestion as make } from './question-fixture';
import { grade } from './grading';
import { matchesShortAnswer } from './normalise';

const single = (optionId: string) => ({ type: 'single' as const, optionId });
const multiple = (...optionIds: string[]) => ({ type: 'multiple' as const, optionIds });
const short = (text: string) => ({ type: 'short' as const, text });
const numeric = (value: number) => ({ type: 'numeric' as const, text: String(value), value });

describe('single choice with credit per option (Moodle: "Jesus\' hometown")', () => {
	const q = make('single', {
		options: [
			{ id: 'a', text: 'Jerusalem' },
			{ id: 'b', text: 'Bethlehem', credit: 0.25 },
			{ id: 'c', text: 'Galilee', credit: 0.5 },
			{ id: 'd', text: 'Nazareth', credit: 1 }
		],
		answer: 'd'
	});

	it('gives each option its own credit, the right one full marks', () => {
		expect(grade(q, single('d')).score).toBe(1);
		expect(grade(q, single('c')).score).toBe(0.5);
		expect(grade(q, single('b')).score).toBe(0.25);
		expect(grade(q, single('a')).score).toBe(0);
	});

	it('gives full marks to every option at credit 1 ({=Mars =Venus ~Moon} in Moodle)', () => {
		const planets = make('single', {
			options: [
				{ id: 'a', text: 'Mars', credit: 1 },
				{ id: 'b', text: 'Venus', credit: 1 },
				{ id: 'c', text: 'The Moon', credit: 0 }
			],
			answer: 'a'
		});
		expect(grade(planets, single('b')).score).toBe(1);
		expect(grade(planets, single('c')).score).toBe(0);
	});

	it('never scores a penalised option below 0', () => {
		const penalty = make('single', {
			options: [
				{ id: 'a', text: 'Right', credit: 1 },
				{ id: 'b', text: 'Wrong', credit: -0.5 }
			],
			answer: 'a'
		});
		expect(grade(penalty, single('b')).score).toBe(0);
	});

	it('refuses an answer whose credit is not 1', () => {
		const result = question.safeParse({
			...make('single', {
				options: [
					{ id: 'a', text: 'A' },
					{ id: 'b', text: 'B' }
				],
				answer: 'a'
			}),
			options: [
				{ id: 'a', text: 'A', credit: 0.5 },
				{ id: 'b', text: 'B' }
			]
		});
		expect(result.success).toBe(false);
	});
});

describe('multiple choice with weights (Moodle: "What two people are entombed…")', () => {
	const options = (wrong: number) => [
		{ id: 'a', text: 'No one', credit: wrong },
		{ id: 'b', text: 'Grant', credit: 0.5 },
		{ id: 'c', text: "Grant's wife", credit: 0.5 },
		{ id: 'd', text: "Grant's father", credit: wrong }
	];

	it('adds the weights of the ticked options: all four ticked score 1 when the wrong are at 0', () => {
		const q = make('multiple', { options: options(0), answers: ['b', 'c'] });
		expect(grade(q, multiple('a', 'b', 'c', 'd')).score).toBe(1);
		expect(grade(q, multiple('b')).score).toBe(0.5);
	});

	it('takes negative weights off, never below 0', () => {
		const q = make('multiple', { options: options(-0.5), answers: ['b', 'c'] });
		expect(grade(q, multiple('a', 'b', 'c', 'd')).score).toBe(0);
		expect(grade(q, multiple('a', 'b', 'c')).score).toBe(0.5);
		expect(grade(q, multiple('a', 'd')).score).toBe(0);
	});

	it('refuses weights whose positive part does not add up to 1, or answers that disagree', () => {
		const base = make('multiple', { options: options(0), answers: ['b', 'c'] });
		const under = { ...base, options: options(0).map((o) => ({ ...o, credit: 0.25 })) };
		expect(question.safeParse(under).success).toBe(false);
		expect(question.safeParse({ ...base, answers: ['b'] }).success).toBe(false);
	});
});

describe('short answers: wildcards, case and first match', () => {
	it('reads * as any text, in order, and \\* as a star', () => {
		expect(matchesShortAnswer('*over*the*horizon*', 'It went over the far horizon.')).toBe(true);
		expect(matchesShortAnswer('*over*the*horizon*', 'The horizon, over there')).toBe(false);
		expect(matchesShortAnswer('*', 'anything')).toBe(true);
		expect(matchesShortAnswer('a\\*b', 'a*b')).toBe(true);
		expect(matchesShortAnswer('a\\*b', 'axyzb')).toBe(false);
	});

	it('tells case apart only when asked to', () => {
		const q = make('short', { answers: ['Paris'], caseSensitive: true });
		expect(grade(q, short('Paris')).score).toBe(1);
		expect(grade(q, short('paris')).score).toBe(0);
		const loose = make('short', { answers: ['Paris'] });
		expect(grade(loose, short('paris')).score).toBe(1);
	});

	// Moodle's "Which is the best animal?": Frog 100 %, Cat 50 %, then * at 0 % with feedback.
	const animals = (match?: 'first' | 'best') =>
		make('short', {
			answers: [
				{ text: 'Frog', feedback: 'Good!' },
				{ text: 'Cat', credit: 0.5, feedback: 'What is it with Moodlers and cats?' },
				{ text: '*', credit: 0, feedback: 'Completely wrong' }
			],
			...(match ? { match } : {})
		});

	it('takes the first matching answer with match: first, as Moodle does', () => {
		expect(grade(animals('first'), short('cat'))).toEqual({
			score: 0.5,
			feedback: ['What is it with Moodlers and cats?']
		});
		expect(grade(animals('first'), short('dog'))).toEqual({
			score: 0,
			feedback: ['Completely wrong']
		});
	});

	it('takes the best matching answer by default', () => {
		const q = make('short', {
			answers: [
				{ text: '*four*', credit: 0.5 },
				{ text: 'four', credit: 1 }
			]
		});
		expect(grade(q, short('four')).score).toBe(1);
		expect(grade({ ...q, match: 'first' }, short('four')).score).toBe(0.5);
	});
});

describe('numeric: first match and the catch-all feedback', () => {
	const q = make('numeric', {
		answers: [
			{ value: 1822, feedback: 'Correct!' },
			{ value: 1822, tolerance: 2, credit: 0.5, feedback: 'Close.' }
		],
		match: 'first',
		wrongFeedback: 'Completely wrong'
	});

	it('gives the first accepting answer its credit, and the catch-all feedback otherwise', () => {
		expect(grade(q, numeric(1822))).toEqual({ score: 1, feedback: ['Correct!'] });
		expect(grade(q, numeric(1823))).toEqual({ score: 0.5, feedback: ['Close.'] });
		expect(grade(q, numeric(1900))).toEqual({ score: 0, feedback: ['Completely wrong'] });
	});
});

describe('matching with identical right-hand texts', () => {
	const q = make('matching', {
		pairs: [
			{ id: 'p1', prompt: 'Dog', match: 'Mammal' },
			{ id: 'p2', prompt: 'Cat', match: 'Mammal' },
			{ id: 'p3', prompt: 'Frog', match: 'Amphibian' }
		]
	});

	it('counts the merged choice as right for every item with that text', () => {
		const matches = { p1: 'p1', p2: 'p1', p3: 'p3' };
		expect(grade(q, { type: 'matching', matches }).score).toBe(1);
		expect(grade(q, { type: 'matching', matches: { ...matches, p3: 'p1' } }).score).toBe(2 / 3);
	});
});
