// Our own fixtures with every construct of Moodle's GIFT test files, read with the meaning
// Moodle's importer (question/format/gift/format.php) gives them, and graded as Moodle grades.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/quiz-schema.ts';
import { importGift } from '../../src/lib/gift/import.ts';
import { grade } from '../../src/lib/quiz/grading.ts';
import type { Response } from '../../src/lib/quiz/types.ts';

const load = (name: string) => {
	const result = importGift(
		readFileSync(join(import.meta.dirname, 'fixtures/moodle', name), 'utf8')
	);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	const byId = new Map(result.quiz.questions.map((q) => [q.id, q]));
	return { result, get: (id: string) => byId.get(id)! };
};

/** What GIFT says of a question: the fields the import fills in for the author left out. */
const body = ({ explanation: _e, claimType: _c, citations: _s, ...rest }: Question) => rest;

const score = (q: Question, response: Response) => grade(q, response).score;
const pick = (optionId: string) => ({ type: 'single' as const, optionId });
const tick = (...optionIds: string[]) => ({ type: 'multiple' as const, optionIds });
const typed = (text: string) => ({ type: 'short' as const, text });
const number = (value: number) => ({ type: 'numeric' as const, text: String(value), value });

describe('questions.gift (Moodle: tests/fixtures/questions.gift.txt)', () => {
	const { result, get } = load('questions.gift');

	it('imports all 9 of its questions, the empty block as an essay graded by hand', () => {
		expect(result.quiz.questions).toHaveLength(9);
		expect(result.unsupported).toEqual([]);
		expect(body(get('essay'))).toEqual({
			id: 'essay',
			prompt: 'Describe the source in your own words.',
			type: 'essay'
		});
		expect(grade(get('essay'), { type: 'essay', text: 'It is a column.' })).toEqual({
			score: 0,
			feedback: [],
			pending: true
		});
	});

	it('reads matching left sides in any format and an empty left side as a distractor', () => {
		expect(body(get('source-kinds'))).toEqual({
			id: 'source-kinds',
			prompt: 'Match each source to what it is.',
			type: 'matching',
			pairs: [
				{
					id: 'p1',
					prompt: 'A statement posted by the group itself.',
					match: 'Claim of responsibility'
				},
				{ id: 'p2', prompt: 'A report written by a journalist on the spot.', match: 'Dispatch' },
				{ id: 'p3', prompt: 'An official count published every year.', match: 'Statistic' },
				{ id: 'p4', prompt: 'A column that argues for a policy.', match: 'Opinion' }
			],
			distractors: ['Rumour']
		});
	});

	it('reads a single choice with feedback in its own formats', () => {
		const q = get('capital');
		expect(body(q)).toMatchObject({
			type: 'single',
			options: [
				{ id: 'a', text: 'Quetta', feedback: 'right; well read!' },
				{ id: 'b', text: 'Mastung', feedback: 'no, that is where the attack was' },
				{ id: 'c', text: 'Gwadar', feedback: 'no, that is the port' }
			],
			answer: 'a'
		});
		expect(grade(q, pick('b'))).toEqual({
			score: 0,
			feedback: ['no, that is where the attack was']
		});
	});

	it('scores weighted answers by their sum, as Moodle does', () => {
		const q = get('kinds');
		expect(score(q, tick('a', 'c'))).toBe(1);
		expect(score(q, tick('a'))).toBe(0.5);
		expect(score(q, tick('a', 'b'))).toBe(0);
		expect(score(q, tick('a', 'b', 'c', 'd'))).toBe(0);
	});

	it('reads a numeric answer with feedback for any other number after ~', () => {
		const q = get('range');
		expect(body(q)).toEqual({
			id: 'range',
			prompt: 'Give a year between 2001 and 2005. ___";',
			type: 'numeric',
			answers: [{ value: 2003, tolerance: 2, credit: 1 }],
			wrongFeedback: 'That is outside the range'
		});
		expect(grade(q, number(2005))).toEqual({ score: 1, feedback: [] });
		expect(grade(q, number(2010))).toEqual({ score: 0, feedback: ['That is outside the range'] });
	});

	it('gives a short answer the first match’s credit, the * catch-all its feedback', () => {
		const q = get('best-source');
		expect(body(q)).toMatchObject({ type: 'short', match: 'first' });
		expect(grade(q, typed('diary'))).toEqual({ score: 1, feedback: ['Good!'] });
		expect(grade(q, typed('Letter'))).toEqual({ score: 0.5, feedback: ['Often, but not always.'] });
		expect(grade(q, typed('a novel'))).toEqual({ score: 0, feedback: ['Not a primary source'] });
	});

	it('reads true/false feedback (wrong first, right second) and general feedback', () => {
		expect(get('year-zero')).toMatchObject({
			type: 'truefalse',
			answer: false,
			feedback: { true: 'It was founded later.', false: 'You read the dates well.' },
			explanation: 'The article gives 1996 as the founding year.'
		});
	});

	it('gives two questions with the same title different ids', () => {
		expect([get('same-title').prompt, get('same-title-2').prompt]).toEqual([
			'The article has a byline.',
			'The article has a date.'
		]);
	});
});

describe('questions_in_category.gift (Moodle: tests/fixtures/questions_in_category.gift.txt)', () => {
	const { result, get } = load('questions_in_category.gift');

	it('imports all 4 questions and notes the category', () => {
		expect(result.quiz.questions).toHaveLength(4);
		expect(result.warnings[0]!.message).toMatch(/^category "\$course\$\/Sources\/Week 2" ignored/);
	});

	it('keeps the address of a linked recording in the prompt', () => {
		expect(get('listening')).toMatchObject({
			prompt:
				'Listen to the interview: (http://example.org/media/interview.mp3)\n\nWhich language is spoken?',
			type: 'single',
			answer: 'b'
		});
	});

	it('reads =%100%answer# as a full-credit answer without feedback', () => {
		expect(body(get('reader'))).toMatchObject({
			type: 'short',
			answers: [{ text: 'reader', credit: 1 }]
		});
		expect(get('acronym')).toMatchObject({
			prompt: 'BLA stands for Balochistan Liberation Army.',
			type: 'truefalse',
			answer: true
		});
		expect(body(get('who-writes-what'))).toMatchObject({ distractors: ['A poem'] });
	});
});

describe('examples.gift (Moodle: examples.txt)', () => {
	const { result, get } = load('examples.gift');
	const q = (index: number) => result.quiz.questions[index]!;

	it('imports all 27 questions', () => {
		expect(result.quiz.questions).toHaveLength(27);
		expect(result.unsupported).toEqual([]);
	});

	it('keeps a single choice with part credit single, full credit scoring 1 (not 0.5)', () => {
		const hard = q(18);
		expect(hard).toMatchObject({ prompt: 'Hard question.', type: 'single' });
		expect(score(hard, pick('c'))).toBe(1);
		expect(score(hard, pick('b'))).toBe(0.5);
		expect(score(hard, pick('a'))).toBe(0);
		const home = get('home-town');
		expect([pick('d'), pick('c'), pick('b'), pick('a')].map((r) => score(home, r))).toEqual([
			1, 0.5, 0.25, 0
		]);
	});

	it('scores a short answer’s weighted answers', () => {
		const home = get('home-town-2');
		expect(['Kalat', 'Khelat', 'Quetta', 'Lahore'].map((t) => score(home, typed(t)))).toEqual([
			1, 0.75, 0.25, 0
		]);
	});

	it('scores multiple answers by Moodle’s weights, ticking all four too', () => {
		const zeroes = q(21);
		const penalties = q(22);
		expect(score(zeroes, tick('a', 'b', 'c', 'd'))).toBe(1);
		expect(score(zeroes, tick('b', 'c'))).toBe(1);
		expect(score(penalties, tick('a', 'b', 'c', 'd'))).toBe(0);
		expect(score(penalties, tick('a', 'b', 'c'))).toBe(0.5);
	});

	it('reads every numeric form', () => {
		expect(q(4)).toMatchObject({ answers: [{ value: 1996, tolerance: 1 }] });
		expect(q(11)).toMatchObject({ answers: [{ value: 0.1415, tolerance: 0.0005 }] });
		expect(q(12)).toMatchObject({ answers: [{ min: 0.141, max: 0.142 }] });
		const weighted = q(13);
		expect(weighted).toMatchObject({ match: 'first' });
		expect([1996, 1997, 1999].map((v) => score(weighted, number(v)))).toEqual([1, 0.5, 0]);
		expect(get('weighted-numeric')).toMatchObject({
			answers: [
				{ feedback: 'Right: full credit' },
				{ feedback: 'It was founded in 1996.\nHalf credit for being close.' }
			]
		});
	});

	it('reads escaped control characters and a literal backslash', () => {
		expect(q(23)).toMatchObject({
			options: [{ text: '= 2 + 2' }, { text: '= 2 + 3' }, { text: '= 2 + 4' }],
			answer: 'b'
		});
		expect(get('control-characters')).toMatchObject({
			options: [
				{ text: '~' },
				{ text: '=' },
				{ text: '#' },
				{ text: '{' },
				{ text: '}' },
				{ text: '\\', feedback: expect.stringMatching(/^Right: \\ \(backslash\)/) }
			],
			answer: 'f'
		});
	});

	it('reads matching with and without spaces around ->, and the other basic forms', () => {
		expect(q(25)).toMatchObject({
			type: 'matching',
			pairs: [{ match: 'Balochistan' }, { match: 'Khyber Pakhtunkhwa' }, { match: 'Punjab' }]
		});
		expect(q(1)).toMatchObject({ prompt: 'The attack was ___ by the group.', answer: 'b' });
		expect(q(2)).toMatchObject({ type: 'truefalse', answer: false });
		expect(q(3)).toMatchObject({
			type: 'short',
			answers: [{ text: 'no one' }, { text: 'nobody' }]
		});
		expect(get('founding-year')).toMatchObject({
			prompt: 'The group was\nfounded in which decade?',
			type: 'short'
		});
		expect(q(16)).toMatchObject({ prompt: 'Which source is written at the time?' });
	});
});
