import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content/quiz-schema';
import { makeQuestion } from './question-fixture';
import type { Response } from './types';
import { grade } from './grading';
import { normaliseShortAnswer } from './normalise';
import type { Layout } from './layout';
import { readResponse } from './responses';

const make = makeQuestion;

/** Nothing to lay out: true/false, short and numeric questions. */
const NO_LAYOUT: Layout = {};

const form = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
	}
	return data;
};

describe('grade: single choice', () => {
	const q = make('single', {
		options: [
			{ id: 'a', text: 'Quetta', feedback: 'Quetta is the provincial capital.' },
			{ id: 'b', text: 'Mastung', feedback: 'Yes: the blast was in Mastung.' },
			{ id: 'c', text: 'Khuzdar' }
		],
		answer: 'b'
	});

	it('gives full credit for the right option, with its feedback', () => {
		expect(grade(q, { type: 'single', optionId: 'b' })).toEqual({
			score: 1,
			feedback: ['Yes: the blast was in Mastung.']
		});
	});

	it('gives no credit for a wrong option, with that option’s feedback', () => {
		expect(grade(q, { type: 'single', optionId: 'a' })).toEqual({
			score: 0,
			feedback: ['Quetta is the provincial capital.']
		});
	});

	it('returns no feedback for an option that has none', () => {
		expect(grade(q, { type: 'single', optionId: 'c' })).toEqual({ score: 0, feedback: [] });
	});

	it('refuses a response of another type', () => {
		expect(() => grade(q, { type: 'truefalse', value: true })).toThrow();
		expect(() => grade(q, { type: 'evidence', optionId: 'b' })).toThrow();
	});
});

describe('grade: evidence', () => {
	const q = make('evidence', {
		claim: 'The group claimed the attack.',
		source: '000_472f3205b87b21e1.txt',
		sentences: [
			{ id: 's1', text: 'The blast killed many.', feedback: 'This reports the toll, not a claim.' },
			{ id: 's2', text: 'The group said it was behind it.', feedback: 'Right: a claim.' }
		],
		answer: 's2'
	});

	it('gives full credit for the supporting sentence, with its feedback', () => {
		expect(grade(q, { type: 'evidence', optionId: 's2' })).toEqual({
			score: 1,
			feedback: ['Right: a claim.']
		});
	});

	it('gives no credit for another sentence, with that sentence’s feedback', () => {
		expect(grade(q, { type: 'evidence', optionId: 's1' })).toEqual({
			score: 0,
			feedback: ['This reports the toll, not a claim.']
		});
	});
});

describe('grade: multiple choice', () => {
	// Two right options (a, b) and three wrong ones (c, d, e).
	const q = make('multiple', {
		options: [
			{ id: 'a', text: 'A', feedback: 'A is right.' },
			{ id: 'b', text: 'B' },
			{ id: 'c', text: 'C', feedback: 'C is wrong.' },
			{ id: 'd', text: 'D' },
			{ id: 'e', text: 'E' }
		],
		answers: ['a', 'b']
	});
	const picked = (...optionIds: string[]) => grade(q, { type: 'multiple', optionIds }).score;

	it('gives full credit for exactly the right options, in any order', () => {
		expect(picked('a', 'b')).toBe(1);
		expect(picked('b', 'a')).toBe(1);
	});

	it('gives the share of right options picked when no wrong one is picked', () => {
		const three = make('multiple', {
			options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id.toUpperCase() })),
			answers: ['a', 'b', 'c']
		});
		expect(grade(three, { type: 'multiple', optionIds: ['a', 'c'] }).score).toBeCloseTo(2 / 3, 12);
	});

	it('takes the share of wrong options picked off the share of right ones', () => {
		// 1 of 2 right options and 1 of 3 wrong ones: 1/2 − 1/3.
		expect(picked('a', 'c')).toBeCloseTo(1 / 2 - 1 / 3, 12);
		// both right options and 1 of 3 wrong ones: 1 − 1/3.
		expect(picked('a', 'b', 'e')).toBeCloseTo(2 / 3, 12);
	});

	it('gives no credit, never less, when the wrong share outweighs the right share', () => {
		// 1/2 − 2/3 would be negative.
		expect(picked('a', 'c', 'd')).toBe(0);
		// Only wrong options.
		expect(picked('c')).toBe(0);
		expect(picked('c', 'd', 'e')).toBe(0);
	});

	it('gives no credit for ticking every option', () => {
		expect(picked('a', 'b', 'c', 'd', 'e')).toBe(0);
	});

	it('gives full credit when every option is right and all are picked', () => {
		const allRight = make('multiple', {
			options: [
				{ id: 'a', text: 'A' },
				{ id: 'b', text: 'B' }
			],
			answers: ['a', 'b']
		});
		expect(grade(allRight, { type: 'multiple', optionIds: ['a', 'b'] }).score).toBe(1);
		expect(grade(allRight, { type: 'multiple', optionIds: ['a'] }).score).toBe(0.5);
	});

	it('counts an option sent twice in the form once', () => {
		// Shown in reverse: position 4 is "a" (right), position 2 is "c" (wrong).
		const layout = { order: ['e', 'd', 'c', 'b', 'a'] };
		const response = readResponse(q, layout, form({ answer: ['4', '2', '2', '4'] }));
		expect(response).toEqual({ type: 'multiple', optionIds: ['a', 'c'] });
		expect(grade(q, response).score).toBeCloseTo(1 / 2 - 1 / 3, 12);
	});

	it('returns the feedback of each picked option, in the order picked', () => {
		expect(grade(q, { type: 'multiple', optionIds: ['c', 'd', 'a'] }).feedback).toEqual([
			'C is wrong.',
			'A is right.'
		]);
	});
});

describe('grade: true or false', () => {
	const q = make('truefalse', {
		answer: false,
		feedback: { true: 'No: the text says otherwise.', false: 'Right: it did not.' }
	});

	it('gives full credit for the right value, with the feedback for that value', () => {
		expect(grade(q, { type: 'truefalse', value: false })).toEqual({
			score: 1,
			feedback: ['Right: it did not.']
		});
	});

	it('gives no credit for the other value, with the feedback for that value', () => {
		expect(grade(q, { type: 'truefalse', value: true })).toEqual({
			score: 0,
			feedback: ['No: the text says otherwise.']
		});
	});

	it('grades a statement that is true', () => {
		const yes = make('truefalse', { answer: true });
		expect(grade(yes, { type: 'truefalse', value: true })).toEqual({ score: 1, feedback: [] });
		expect(grade(yes, { type: 'truefalse', value: false })).toEqual({ score: 0, feedback: [] });
	});

	it('returns feedback only for the value that has some', () => {
		const half = make('truefalse', { answer: true, feedback: { false: 'Look again.' } });
		expect(grade(half, { type: 'truefalse', value: true }).feedback).toEqual([]);
		expect(grade(half, { type: 'truefalse', value: false }).feedback).toEqual(['Look again.']);
	});
});

describe('grade: short answer', () => {
	const q = make('short', { answers: ['Mastung'] });
	const score = (text: string, on: Question = q) => grade(on, { type: 'short', text }).score;

	it('accepts the answer as written', () => {
		expect(score('Mastung')).toBe(1);
	});

	it('ignores case, spacing and punctuation', () => {
		expect(score('mastung')).toBe(1);
		expect(score('MASTUNG')).toBe(1);
		expect(score('Mas tung')).toBe(1);
		expect(score('"Mastung."')).toBe(1);
	});

	it('treats curly and straight apostrophes alike', () => {
		const apostrophe = make('short', { answers: ["Pakistan's"] });
		expect(score('Pakistan’s', apostrophe)).toBe(1);
		expect(score('pakistans', apostrophe)).toBe(1);
	});

	it('accepts full-width letters', () => {
		expect(score('ｍａｓｔｕｎｇ')).toBe(1);
	});

	it('ignores accents, on either side', () => {
		expect(score('Mastüng')).toBe(1);
		const accented = make('short', { answers: ['Balóchistán'] });
		expect(score('balochistan', accented)).toBe(1);
	});

	it('ignores a zero-width space', () => {
		expect(score('Mast\u200bung')).toBe(1);
	});

	it('does not accept a Cyrillic look-alike letter', () => {
		// U+0430 CYRILLIC SMALL LETTER A in place of the Latin "a".
		expect(score('M\u0430stung')).toBe(0);
	});

	it('gives no credit for a different word', () => {
		expect(score('Quetta')).toBe(0);
		expect(score('Mastungs')).toBe(0);
	});

	it('accepts any of the alternatives', () => {
		const alternatives = make('short', { answers: ['ISKP', 'Islamic State Khorasan Province'] });
		expect(score('iskp', alternatives)).toBe(1);
		expect(score('Islamic State – Khorasan Province', alternatives)).toBe(1);
		expect(score('Islamic State', alternatives)).toBe(0);
	});

	it('gives partial credit, with its feedback, for a partly right answer', () => {
		const partial = make('short', {
			answers: ['Mastung', { text: 'Balochistan', credit: 0.5, feedback: 'That is the province.' }]
		});
		expect(grade(partial, { type: 'short', text: 'balochistan' })).toEqual({
			score: 0.5,
			feedback: ['That is the province.']
		});
	});

	it('gives the best credit when an answer matches several accepted answers', () => {
		const overlapping = make('short', {
			answers: [
				{ text: 'mastung', credit: 0.25, feedback: 'Low.' },
				{ text: 'MASTUNG', credit: 1, feedback: 'Best.' },
				{ text: 'Mastung!', credit: 0.5, feedback: 'Middle.' }
			]
		});
		expect(grade(overlapping, { type: 'short', text: 'Mastung' })).toEqual({
			score: 1,
			feedback: ['Best.']
		});
	});

	it('gives no credit, rather than failing, for an answer that is only punctuation', () => {
		expect(grade(q, { type: 'short', text: '!!!' })).toEqual({ score: 0, feedback: [] });
	});

	it('does not match an answer of punctuation to an accepted answer that is also punctuation', () => {
		const odd = make('short', { answers: ['Mastung', '?'] });
		expect(grade(odd, { type: 'short', text: '!!!' }).score).toBe(0);
	});

	it('ignores a leading "the" and reads "&" as "and"', () => {
		const centre = make('short', { answers: ['Centre for Research and Security Studies'] });
		expect(score('The Centre for Research & Security Studies', centre)).toBe(1);
		expect(score('Centre for Research Security Studies', centre)).toBe(0);
	});

	describe('"name (abbreviation)"', () => {
		const lj = make('short', {
			answers: [
				'Lashkar-i-Jhangvi',
				'LJ',
				{ text: 'TTP', credit: 0, feedback: 'Not the TTP.' },
				{ text: 'Jhangvi', credit: 0.5, feedback: 'Give the full name.' }
			]
		});

		it('accepts a name with its abbreviation, either way round, as the articles write them', () => {
			expect(score('Lashkar-i-Jhangvi (LJ)', lj)).toBe(1);
			expect(score('LJ (Lashkar-i-Jhangvi)', lj)).toBe(1);
		});

		it('gives no credit when either half is wrong, so a right half cannot carry a guess', () => {
			expect(score('Lashkar-i-Jhangvi (TTP)', lj)).toBe(0);
			expect(score('TTP (LJ)', lj)).toBe(0);
			expect(score('Lashkar-i-Jhangvi (Lashkar-e-Taiba)', lj)).toBe(0);
			expect(score('Jaish (LJ)', lj)).toBe(0);
		});

		it("earns the weaker half's credit, with that half's feedback", () => {
			expect(grade(lj, { type: 'short', text: 'Jhangvi (LJ)' })).toEqual({
				score: 0.5,
				feedback: ['Give the full name.']
			});
			expect(grade(lj, { type: 'short', text: 'TTP (LJ)' })).toEqual({
				score: 0,
				feedback: ['Not the TTP.']
			});
		});
	});

	describe('properties', () => {
		// Words of a few letters, so that random answers often share letters with the key.
		const word = fc.stringMatching(/^[a-z]{1,6}$/).filter((w) => w !== 'the' && w !== 'and');
		const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
		const keyed = (key: string) => make('short', { answers: [key] });

		it('gives full credit to the key however it is cased, spaced, punctuated or prefixed', () => {
			fc.assert(
				fc.property(phrase, fc.boolean(), fc.constantFrom('', '.', '!', '"'), (key, the, mark) => {
					const written = `${the ? 'The ' : ''}  ${key.toUpperCase().replace(/ /g, ' - ')}${mark} `;
					return grade(keyed(key), { type: 'short', text: written }).score === 1;
				})
			);
		});

		it('gives no credit to another answer, alone or bracketed with the key', () => {
			fc.assert(
				fc.property(phrase, phrase, (key, other) => {
					fc.pre(normaliseShortAnswer(other) !== normaliseShortAnswer(key));
					const q = keyed(key);
					return [other, `${other} (${key})`, `${key} (${other})`, `${key} ${other}`].every(
						(text) => grade(q, { type: 'short', text }).score === 0
					);
				})
			);
		});
	});
});

describe('grade: numeric', () => {
	const answer = (question: Question, value: number) =>
		grade(question, { type: 'numeric', text: String(value), value } as Response);
	const score = (question: Question, value: number) => answer(question, value).score;

	it('accepts the exact value', () => {
		const q = make('numeric', { answers: [{ value: 25 }] });
		expect(score(q, 25)).toBe(1);
		expect(score(q, 26)).toBe(0);
		expect(score(q, 24.9)).toBe(0);
	});

	it('accepts values up to the tolerance on either side, inclusive', () => {
		const q = make('numeric', { answers: [{ value: 10, tolerance: 0.5 }] });
		expect(score(q, 10)).toBe(1);
		expect(score(q, 9.5)).toBe(1);
		expect(score(q, 10.5)).toBe(1);
	});

	it('refuses values just outside the tolerance', () => {
		const q = make('numeric', { answers: [{ value: 10, tolerance: 0.5 }] });
		expect(score(q, 9.49)).toBe(0);
		expect(score(q, 10.51)).toBe(0);
	});

	it('keeps the tolerance edge inclusive for decimals that floats cannot hold exactly', () => {
		const q = make('numeric', { answers: [{ value: 0.3, tolerance: 0.1 }] });
		expect(score(q, 0.4)).toBe(1);
		expect(score(q, 0.2)).toBe(1);
		expect(score(q, 0.41)).toBe(0);
	});

	it('accepts both ends of a range and what lies between', () => {
		const q = make('numeric', { answers: [{ min: 2016, max: 2017 }] });
		expect(score(q, 2016)).toBe(1);
		expect(score(q, 2016.5)).toBe(1);
		expect(score(q, 2017)).toBe(1);
		expect(score(q, 2015.99)).toBe(0);
		expect(score(q, 2017.01)).toBe(0);
	});

	it('counts 0.1 + 0.2 as 0.3', () => {
		const q = make('numeric', { answers: [{ value: 0.3 }] });
		expect(score(q, 0.1 + 0.2)).toBe(1);
	});

	it('reads "1,100" typed in the form as 1100', () => {
		const q = make('numeric', { answers: [{ value: 1100 }] });
		expect(grade(q, readResponse(q, NO_LAYOUT, form({ answer: '1,100' }))).score).toBe(1);
	});

	it('reads a Unicode minus as a negative number', () => {
		const q = make('numeric', { answers: [{ value: -5 }] });
		expect(grade(q, readResponse(q, NO_LAYOUT, form({ answer: '\u22125' }))).score).toBe(1);
		expect(score(q, 5)).toBe(0);
	});

	it('reads "+3" and "1e3" typed in the form', () => {
		const three = make('numeric', { answers: [{ value: 3 }] });
		expect(grade(three, readResponse(three, NO_LAYOUT, form({ answer: '+3' }))).score).toBe(1);
		const thousand = make('numeric', { answers: [{ value: 1000 }] });
		expect(grade(thousand, readResponse(thousand, NO_LAYOUT, form({ answer: '1e3' }))).score).toBe(
			1
		);
	});

	it('compares huge numbers by their value', () => {
		const q = make('numeric', { answers: [{ value: 1e20 }] });
		expect(score(q, 1e20)).toBe(1);
		expect(score(q, 2e20)).toBe(0);
		expect(score(q, 1.001e20)).toBe(0);
		expect(score(q, 1e19)).toBe(0);
	});

	it('gives the best credit, with its feedback, among several answers that match', () => {
		const q = make('numeric', {
			answers: [
				{ value: 100, tolerance: 20, credit: 0.5, feedback: 'Close.' },
				{ value: 100, credit: 1, feedback: 'Exactly.' },
				{ min: 90, max: 110, credit: 0.75, feedback: 'Nearly.' }
			]
		});
		expect(answer(q, 100)).toEqual({ score: 1, feedback: ['Exactly.'] });
		expect(answer(q, 105)).toEqual({ score: 0.75, feedback: ['Nearly.'] });
		expect(answer(q, 115)).toEqual({ score: 0.5, feedback: ['Close.'] });
		expect(answer(q, 121)).toEqual({ score: 0, feedback: [] });
	});
});

describe('grade: matching', () => {
	const q = make('matching', {
		pairs: [
			{ id: 'p1', prompt: 'Mastung', match: 'Balochistan' },
			{ id: 'p2', prompt: 'Islamabad', match: 'Capital Territory' },
			{ id: 'p3', prompt: 'Peshawar', match: 'Khyber Pakhtunkhwa' },
			{ id: 'p4', prompt: 'Lahore', match: 'Punjab' }
		],
		distractors: ['Sindh', 'Gilgit-Baltistan']
	});
	const score = (matches: Record<string, string>) => grade(q, { type: 'matching', matches }).score;

	it('gives full credit when every prompt has its own match', () => {
		expect(score({ p1: 'p1', p2: 'p2', p3: 'p3', p4: 'p4' })).toBe(1);
	});

	it('gives the share of prompts matched right', () => {
		expect(score({ p1: 'p1', p2: 'p2', p3: 'p4', p4: 'p3' })).toBe(0.5);
		expect(score({ p1: 'p1', p2: '~1', p3: '~2', p4: 'p2' })).toBe(0.25);
	});

	it('gives no credit when every prompt is matched to a distractor', () => {
		expect(score({ p1: '~1', p2: '~2', p3: '~1', p4: '~2' })).toBe(0);
	});

	it('grades the matches read from the positions the learner chose', () => {
		// Choices shown as: Sindh, Punjab, Balochistan, Gilgit-Baltistan, Capital Territory, Khyber Pakhtunkhwa.
		const layout = { order: ['~1', 'p4', 'p1', '~2', 'p2', 'p3'] };
		const matched = (fields: Record<string, string>) =>
			grade(q, readResponse(q, layout, form(fields))).score;
		expect(matched({ 'match:0': '2', 'match:1': '4', 'match:2': '5', 'match:3': '1' })).toBe(1);
		// Each prompt matched to the choice at its own index: Sindh, Punjab, Balochistan, Gilgit-Baltistan.
		expect(matched({ 'match:0': '0', 'match:1': '1', 'match:2': '2', 'match:3': '3' })).toBe(0);
		expect(matched({ 'match:0': '2', 'match:1': '0', 'match:2': '3', 'match:3': '1' })).toBe(0.5);
	});

	it('returns no feedback', () => {
		expect(grade(q, { type: 'matching', matches: { p1: 'p1' } }).feedback).toEqual([]);
	});
});

describe('grade: ordering', () => {
	// Items in the right order: a, b, c, d.
	const q = make('ordering', {
		items: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Event ${id}` }))
	});
	const score = (...order: string[]) => grade(q, { type: 'ordering', order }).score;

	it('gives full credit for the right order', () => {
		expect(score('a', 'b', 'c', 'd')).toBe(1);
	});

	it('gives no credit for the reversed order', () => {
		expect(score('d', 'c', 'b', 'a')).toBe(0);
	});

	it('costs one of six pairs for one swap of neighbours in four items', () => {
		expect(score('a', 'c', 'b', 'd')).toBeCloseTo(5 / 6, 12);
		expect(score('b', 'a', 'c', 'd')).toBeCloseTo(5 / 6, 12);
	});

	it('costs more for an item moved further', () => {
		// "d" moved to the front is out of order with a, b and c: 3 of 6 pairs right.
		expect(score('d', 'a', 'b', 'c')).toBeCloseTo(3 / 6, 12);
	});

	it('grades the order read from positions chosen without JavaScript', () => {
		// Shown as c, a, d, b; ranked b, a, c, d: one swap of neighbours.
		const layout = { order: ['c', 'a', 'd', 'b'] };
		const response = readResponse(
			q,
			layout,
			form({ 'position:0': '3', 'position:1': '2', 'position:2': '4', 'position:3': '1' })
		);
		expect(response).toEqual({ type: 'ordering', order: ['b', 'a', 'c', 'd'] });
		expect(grade(q, response).score).toBeCloseTo(5 / 6, 12);
	});

	it('grades the order read from `order` fields, which name shown positions', () => {
		const layout = { order: ['c', 'a', 'd', 'b'] };
		const graded = (order: string[]) => grade(q, readResponse(q, layout, form({ order }))).score;
		expect(graded(['1', '3', '0', '2'])).toBe(1);
		expect(graded(['2', '0', '3', '1'])).toBe(0);
		// Keeping the shown order (c, a, d, b) is not the right order: 3 of 6 pairs right.
		expect(graded(['0', '1', '2', '3'])).toBeCloseTo(3 / 6, 12);
	});

	it('returns no feedback', () => {
		expect(grade(q, { type: 'ordering', order: ['a', 'b', 'c', 'd'] }).feedback).toEqual([]);
	});
});
