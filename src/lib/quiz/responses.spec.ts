import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content/quiz-schema';
import { makeQuestion } from './question-fixture';
import { grade } from './grading';
import type { Layout } from './layout';
import { publicQuestion } from '$lib/server/quiz/question-views';
import { matchingChoices, readResponse, ResponseError, SHORT_ANSWER_MAX } from './responses';

const make = makeQuestion;

const single = () =>
	make('single', {
		options: [
			{ id: 'a', text: 'Quetta' },
			{ id: 'b', text: 'Mastung' }
		],
		answer: 'b'
	});
const evidence = () =>
	make('evidence', {
		claim: 'The attack was claimed.',
		source: '000_472f3205b87b21e1.txt',
		sentences: [
			{ id: 's1', text: 'First sentence.' },
			{ id: 's2', text: 'Second sentence.' }
		],
		answer: 's2'
	});
const multiple = () =>
	make('multiple', {
		options: [
			{ id: 'a', text: 'A' },
			{ id: 'b', text: 'B' },
			{ id: 'c', text: 'C' }
		],
		answers: ['a', 'b']
	});
const trueFalse = () => make('truefalse', { answer: true });
const short = () => make('short', { answers: ['Mastung'] });
const numeric = () => make('numeric', { answers: [{ value: 25 }] });
const matching = (distractors: string[] = []) =>
	make('matching', {
		pairs: [
			{ id: 'p', prompt: 'Province', match: 'Balochistan' },
			{ id: 'c', prompt: 'Capital', match: 'Islamabad' }
		],
		distractors
	});
const ordering = () =>
	make('ordering', {
		items: [
			{ id: 'w', text: '2016' },
			{ id: 'x', text: '2017' },
			{ id: 'y', text: '2023' },
			{ id: 'z', text: '2024' }
		]
	});

/** A form post; repeat a name by giving an array. */
const form = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
	}
	return data;
};

/** Nothing to lay out: true/false, short and numeric questions. */
const NONE: Layout = {};

// Hand-built layouts, so every expectation is fixed. The browser names what it picked by its
// position in `order` ("0", "1", …); readResponse answers in authored ids.
const SINGLE_IN_FILE_ORDER: Layout = { order: ['a', 'b'] };
const SINGLE_REVERSED: Layout = { order: ['b', 'a'] };
const EVIDENCE_LAYOUT: Layout = { order: ['s1', 's2'] };
const MULTIPLE_LAYOUT: Layout = { order: ['c', 'a', 'b'] };
const MATCHING_LAYOUT: Layout = { order: ['c', 'p'] };
const ORDERING_LAYOUT: Layout = { order: ['y', 'w', 'z', 'x'] };

const NOT_OFFERED = 'That choice is not part of this question.';

/** The learner-facing message readResponse refuses with, or fails the test if it does not. */
const refusal = (q: Question, layout: Layout, fields: Record<string, string | string[]>) => {
	try {
		readResponse(q, layout, form(fields));
	} catch (error) {
		expect(error).toBeInstanceOf(ResponseError);
		return (error as Error).message;
	}
	throw new Error('expected the response to be refused');
};

describe('readResponse: single choice and evidence', () => {
	it('reads the option shown at the chosen position', () => {
		expect(readResponse(single(), SINGLE_IN_FILE_ORDER, form({ answer: '0' }))).toEqual({
			type: 'single',
			optionId: 'a'
		});
		expect(readResponse(single(), SINGLE_IN_FILE_ORDER, form({ answer: '1' }))).toEqual({
			type: 'single',
			optionId: 'b'
		});
	});

	it('maps the position through a shuffled layout', () => {
		expect(readResponse(single(), SINGLE_REVERSED, form({ answer: '0' }))).toEqual({
			type: 'single',
			optionId: 'b'
		});
		expect(readResponse(single(), SINGLE_REVERSED, form({ answer: '1' }))).toEqual({
			type: 'single',
			optionId: 'a'
		});
	});

	it('trims stray spaces around the position', () => {
		expect(readResponse(single(), SINGLE_IN_FILE_ORDER, form({ answer: ' 1 ' }))).toEqual({
			type: 'single',
			optionId: 'b'
		});
	});

	it('reads the chosen sentence of an evidence question', () => {
		expect(readResponse(evidence(), EVIDENCE_LAYOUT, form({ answer: '0' }))).toEqual({
			type: 'evidence',
			optionId: 's1'
		});
		expect(readResponse(evidence(), { order: ['s2', 's1'] }, form({ answer: '0' }))).toEqual({
			type: 'evidence',
			optionId: 's2'
		});
	});

	it('asks for an option when none is chosen', () => {
		expect(refusal(single(), SINGLE_IN_FILE_ORDER, {})).toBe('Choose an option.');
		expect(refusal(single(), SINGLE_IN_FILE_ORDER, { answer: '' })).toBe('Choose an option.');
	});

	it('asks for a sentence when no evidence sentence is chosen', () => {
		expect(refusal(evidence(), EVIDENCE_LAYOUT, {})).toBe('Choose a sentence.');
	});

	it.each(['2', '99', '-1', '1.0', '1e0', 'one', '1000'])(
		'refuses the position %j, which the layout does not have',
		(answer) => {
			expect(refusal(single(), SINGLE_IN_FILE_ORDER, { answer })).toBe(NOT_OFFERED);
			expect(refusal(evidence(), EVIDENCE_LAYOUT, { answer })).toBe(NOT_OFFERED);
		}
	);

	it('refuses an authored id: the browser answers by position', () => {
		expect(refusal(single(), SINGLE_IN_FILE_ORDER, { answer: 'a' })).toBe(NOT_OFFERED);
		expect(refusal(evidence(), EVIDENCE_LAYOUT, { answer: 's1' })).toBe(NOT_OFFERED);
	});

	it('refuses every position when the layout lists nothing', () => {
		expect(refusal(single(), NONE, { answer: '0' })).toBe(NOT_OFFERED);
	});

	it('refuses two answers to a one-answer question', () => {
		expect(refusal(single(), SINGLE_IN_FILE_ORDER, { answer: ['0', '1'] })).toBe(
			'Send one answer only.'
		);
	});
});

describe('readResponse: multiple choice', () => {
	it('reads every chosen position as the option shown there', () => {
		// Shown as c, a, b.
		expect(readResponse(multiple(), MULTIPLE_LAYOUT, form({ answer: ['0', '2'] }))).toEqual({
			type: 'multiple',
			optionIds: ['c', 'b']
		});
	});

	it('reads the same positions as other options under another layout', () => {
		expect(
			readResponse(multiple(), { order: ['a', 'b', 'c'] }, form({ answer: ['0', '2'] }))
		).toEqual({ type: 'multiple', optionIds: ['a', 'c'] });
	});

	it('counts a position sent twice once', () => {
		expect(
			readResponse(multiple(), MULTIPLE_LAYOUT, form({ answer: ['1', '1', '2', '1'] }))
		).toEqual({ type: 'multiple', optionIds: ['a', 'b'] });
	});

	it('refuses an empty selection', () => {
		expect(refusal(multiple(), MULTIPLE_LAYOUT, {})).toBe('Choose at least one option.');
	});

	it('refuses an unknown position even beside known ones', () => {
		expect(refusal(multiple(), MULTIPLE_LAYOUT, { answer: ['0', '3'] })).toBe(NOT_OFFERED);
		expect(refusal(multiple(), MULTIPLE_LAYOUT, { answer: ['0', 'nope'] })).toBe(NOT_OFFERED);
	});

	it('refuses authored ids', () => {
		expect(refusal(multiple(), MULTIPLE_LAYOUT, { answer: ['a', 'b'] })).toBe(NOT_OFFERED);
	});
});

describe('readResponse: true or false', () => {
	it('reads "true" and "false"', () => {
		expect(readResponse(trueFalse(), NONE, form({ answer: 'true' }))).toEqual({
			type: 'truefalse',
			value: true
		});
		expect(readResponse(trueFalse(), NONE, form({ answer: 'false' }))).toEqual({
			type: 'truefalse',
			value: false
		});
	});

	it.each(['yes', 'no', 'True', '1', '0', ''])('refuses %j', (value) => {
		expect(refusal(trueFalse(), NONE, { answer: value })).toBe('Choose True or False.');
	});

	it('refuses a missing answer', () => {
		expect(refusal(trueFalse(), NONE, {})).toBe('Choose True or False.');
	});
});

describe('readResponse: short answer', () => {
	it('keeps the text as typed, trimmed', () => {
		expect(readResponse(short(), NONE, form({ answer: '  Mas tung ' }))).toEqual({
			type: 'short',
			text: 'Mas tung'
		});
	});

	it('refuses an empty or whitespace-only answer', () => {
		expect(refusal(short(), NONE, { answer: '' })).toBe('Type an answer.');
		expect(refusal(short(), NONE, { answer: ' \t\n ' })).toBe('Type an answer.');
		expect(refusal(short(), NONE, {})).toBe('Type an answer.');
	});

	it('accepts an answer of exactly the maximum length', () => {
		const text = 'x'.repeat(200);
		expect(readResponse(short(), NONE, form({ answer: text }))).toEqual({ type: 'short', text });
	});

	it('refuses an answer over 200 characters', () => {
		expect(SHORT_ANSWER_MAX).toBe(200);
		expect(refusal(short(), NONE, { answer: 'x'.repeat(201) })).toBe(
			'Keep the answer to 200 characters or fewer.'
		);
	});

	it('counts characters, not UTF-16 code units, towards the limit', () => {
		// 200 emoji are 400 code units but 200 characters.
		const text = '😀'.repeat(200);
		expect(readResponse(short(), NONE, form({ answer: text }))).toEqual({ type: 'short', text });
		expect(refusal(short(), NONE, { answer: '😀'.repeat(201) })).toBe(
			'Keep the answer to 200 characters or fewer.'
		);
	});

	it('accepts an answer that is only punctuation (grading gives it no credit)', () => {
		expect(readResponse(short(), NONE, form({ answer: '!!!' }))).toEqual({
			type: 'short',
			text: '!!!'
		});
	});
});

describe('readResponse: numeric', () => {
	it.each([
		['25', 25],
		[' 25 ', 25],
		['1,100', 1100],
		['\u22125', -5],
		['+3', 3],
		['1e3', 1000],
		['0.3', 0.3]
	])('reads %j as %d and keeps the text typed', (text, value) => {
		expect(readResponse(numeric(), NONE, form({ answer: text }))).toEqual({
			type: 'numeric',
			text: text.trim(),
			value
		});
	});

	it.each(['NaN', 'Infinity', '1e400', '12abc', '0x10', '1,00', '0,100'])('refuses %j', (text) => {
		expect(refusal(numeric(), NONE, { answer: text })).toBe('Type a number, like 42 or 3.5.');
	});

	it('asks for a number when the field is empty', () => {
		expect(refusal(numeric(), NONE, { answer: '' })).toBe('Type a number.');
		expect(refusal(numeric(), NONE, {})).toBe('Type a number.');
	});

	it('refuses a number longer than 50 characters', () => {
		expect(refusal(numeric(), NONE, { answer: '1'.repeat(51) })).toBe('That number is too long.');
	});
});

describe('matchingChoices', () => {
	it("offers each pair's match under the pair's id, then distractors as ~1, ~2…", () => {
		expect(matchingChoices(matching(['Karachi', 'Lahore']))).toEqual([
			{ id: 'p', text: 'Balochistan' },
			{ id: 'c', text: 'Islamabad' },
			{ id: '~1', text: 'Karachi' },
			{ id: '~2', text: 'Lahore' }
		]);
	});

	// A pair may be called "d1" (the schema allows it); distractor ids start with "~", which
	// authored ids cannot, so the pair's match and the first distractor stay apart.
	const calledD1 = () =>
		make('matching', {
			pairs: [
				{ id: 'd1', prompt: 'Province', match: 'Balochistan' },
				{ id: 'd2', prompt: 'Capital', match: 'Islamabad' }
			],
			distractors: ['Karachi']
		});

	it('gives every choice a different id even when a pair is called d1', () => {
		const ids = matchingChoices(calledD1()).map((choice) => choice.id);
		expect(new Set(ids).size).toBe(3);
	});

	it('keeps a pair called d1 apart from the distractor: picking the distractor scores 0', () => {
		const q = calledD1();
		// Shown as Karachi, Islamabad, Balochistan.
		const layout: Layout = { order: ['~1', 'd2', 'd1'] };
		const view = publicQuestion(q, layout, 1);
		expect(view.options).toEqual([
			{ id: '0', text: 'Karachi' },
			{ id: '1', text: 'Islamabad' },
			{ id: '2', text: 'Balochistan' }
		]);

		const distractor = readResponse(q, layout, form({ 'match:0': '0', 'match:1': '1' }));
		expect(distractor).toEqual({ type: 'matching', matches: { d1: '~1', d2: 'd2' } });
		expect(grade(q, distractor).score).toBe(0.5);

		const both = readResponse(q, layout, form({ 'match:0': '0', 'match:1': '0' }));
		expect(grade(q, both).score).toBe(0);

		const right = readResponse(q, layout, form({ 'match:0': '2', 'match:1': '1' }));
		expect(grade(q, right).score).toBe(1);
	});
});

describe('readResponse: matching', () => {
	it('reads the choice made for every prompt, prompts by index and choices by position', () => {
		// Prompts: 0 Province (p), 1 Capital (c). Choices shown as Islamabad (c), Balochistan (p).
		expect(
			readResponse(matching(), MATCHING_LAYOUT, form({ 'match:0': '1', 'match:1': '0' }))
		).toEqual({ type: 'matching', matches: { p: 'p', c: 'c' } });
		expect(
			readResponse(matching(), MATCHING_LAYOUT, form({ 'match:0': '0', 'match:1': '1' }))
		).toEqual({ type: 'matching', matches: { p: 'c', c: 'p' } });
	});

	it('reads the same positions as other choices under another layout', () => {
		const layout: Layout = { order: ['p', 'c'] };
		expect(readResponse(matching(), layout, form({ 'match:0': '1', 'match:1': '0' }))).toEqual({
			type: 'matching',
			matches: { p: 'c', c: 'p' }
		});
	});

	it('accepts distractor choices by their position', () => {
		const q = matching(['Karachi', 'Lahore']);
		const layout: Layout = { order: ['~2', 'p', '~1', 'c'] };
		expect(readResponse(q, layout, form({ 'match:0': '0', 'match:1': '2' }))).toEqual({
			type: 'matching',
			matches: { p: '~2', c: '~1' }
		});
	});

	it('refuses a position beyond the choices shown', () => {
		const q = matching(['Karachi']);
		const layout: Layout = { order: ['~1', 'c', 'p'] };
		expect(refusal(q, layout, { 'match:0': '3', 'match:1': '1' })).toBe(NOT_OFFERED);
	});

	it('refuses when a prompt is left unmatched', () => {
		expect(refusal(matching(), MATCHING_LAYOUT, { 'match:0': '1' })).toBe(
			'Match every item before checking.'
		);
		expect(refusal(matching(), MATCHING_LAYOUT, { 'match:0': '1', 'match:1': '' })).toBe(
			'Match every item before checking.'
		);
	});

	it('does not know prompts by their authored ids', () => {
		expect(refusal(matching(), MATCHING_LAYOUT, { 'match:p': '1', 'match:c': '0' })).toBe(
			'Match every item before checking.'
		);
	});

	it('refuses an unknown choice, or a choice named by its authored id', () => {
		expect(refusal(matching(), MATCHING_LAYOUT, { 'match:0': '1', 'match:1': 'zz' })).toBe(
			NOT_OFFERED
		);
		expect(refusal(matching(), MATCHING_LAYOUT, { 'match:0': 'p', 'match:1': 'c' })).toBe(
			NOT_OFFERED
		);
		expect(
			refusal(
				matching(['Karachi']),
				{ order: ['~1', 'c', 'p'] },
				{ 'match:0': '~1', 'match:1': '1' }
			)
		).toBe(NOT_OFFERED);
	});

	it('refuses two choices for one prompt', () => {
		expect(refusal(matching(), MATCHING_LAYOUT, { 'match:0': ['1', '0'], 'match:1': '0' })).toBe(
			'Send one answer only.'
		);
	});
});

describe('readResponse: ordering', () => {
	// Shown as y, w, z, x; the right order is w, x, y, z.
	const read = (fields: Record<string, string | string[]>) =>
		readResponse(ordering(), ORDERING_LAYOUT, form(fields));
	const refused = (fields: Record<string, string | string[]>) =>
		refusal(ordering(), ORDERING_LAYOUT, fields);

	it('reads the order from `order` fields naming shown positions in sequence', () => {
		expect(read({ order: ['3', '1', '0', '2'] })).toEqual({
			type: 'ordering',
			order: ['x', 'w', 'y', 'z']
		});
		expect(read({ order: ['0', '1', '2', '3'] })).toEqual({
			type: 'ordering',
			order: ['y', 'w', 'z', 'x']
		});
	});

	it('reads the order from a rank per shown position when the page runs without JavaScript', () => {
		const fields = { 'position:0': '3', 'position:1': '1', 'position:2': '4', 'position:3': '2' };
		expect(read(fields)).toEqual({ type: 'ordering', order: ['w', 'x', 'y', 'z'] });
	});

	it('refuses two items given the same rank', () => {
		const fields = { 'position:0': '1', 'position:1': '1', 'position:2': '3', 'position:3': '4' };
		expect(refused(fields)).toBe('Give each item a different position.');
	});

	it('refuses an item left without a rank', () => {
		const fields = { 'position:0': '1', 'position:1': '2', 'position:2': '3' };
		expect(refused(fields)).toBe('Give every item a position.');
		expect(refused({ ...fields, 'position:3': '' })).toBe('Give every item a position.');
	});

	it('does not know items by their authored ids', () => {
		const fields = { 'position:w': '1', 'position:x': '2', 'position:y': '3', 'position:z': '4' };
		expect(refused(fields)).toBe('Give every item a position.');
	});

	it.each([
		['zero', '0'],
		['past the last place', '5'],
		['a fraction', '2.5'],
		['a word', 'first']
	])('refuses a rank that is %s', (_, rank) => {
		const fields = { 'position:0': rank, 'position:1': '2', 'position:2': '3', 'position:3': '4' };
		expect(refused(fields)).toBe('Give every item a position.');
	});

	it('refuses when no order is sent at all', () => {
		expect(refused({})).toBe('Give every item a position.');
	});

	it.each([
		['an item is missing', ['0', '1', '2']],
		['an item appears twice', ['0', '1', '2', '2']],
		['an item appears twice in place of another', ['0', '1', '1', '3']],
		['an unknown position replaces an item', ['0', '1', '2', '4']],
		['an unknown position is added', ['0', '1', '2', '3', '4']],
		['authored ids are sent', ['w', 'x', 'y', 'z']]
	])('refuses `order` fields when %s', (_, order) => {
		expect(refused({ order })).toBe('Put every item in the list exactly once.');
	});
});
