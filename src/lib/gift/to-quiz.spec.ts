import { describe, expect, it } from 'vitest';
import { parseGift } from './parse.ts';
import { EXPLANATION_TODO, optionId, slugify, toQuestions } from './to-quiz.ts';

const mapped = (source: string) => {
	const parsed = parseGift(source);
	expect(parsed.errors).toEqual([]);
	return toQuestions(parsed.questions);
};
const first = (source: string) => {
	const result = mapped(source);
	expect(result.errors).toEqual([]);
	return result.imported[0]!;
};

describe('common fields', () => {
	it('fills what GIFT lacks with values the author must replace', () => {
		expect(first('::T::Q {T}').question).toMatchObject({
			id: 't',
			prompt: 'Q',
			explanation: EXPLANATION_TODO,
			claimType: 'fact',
			citations: []
		});
	});

	it('uses the general feedback as the explanation', () => {
		expect(first('Q {T####Because.}').question.explanation).toBe('Because.');
	});

	it('makes ids from titles, unique with -2, -3, or q<position> without a title', () => {
		const ids = mapped(
			'::A b::x {T}\n\ny {T}\n\n::A B::z {T}\n\n::a-b::w {T}\n\n::!!::v {T}'
		).imported.map((item) => item.question.id);
		expect(ids).toEqual(['a-b', 'q2', 'a-b-2', 'a-b-3', 'q5']);
	});
});

describe('slugify and option ids', () => {
	it('lower-cases, drops accents and joins words with dashes', () => {
		expect(slugify('  Hello, World! ')).toBe('hello-world');
		expect(slugify('Ça va — été')).toBe('ca-va-ete');
		expect(slugify('???')).toBe('');
	});

	it('shortens long titles at a word boundary', () => {
		const slug = slugify('word '.repeat(30));
		expect(slug.length).toBeLessThanOrEqual(60);
		expect(slug.endsWith('word')).toBe(true);
	});

	it('counts a … z, aa, ab …', () => {
		expect([0, 1, 25, 26, 27, 51, 52].map(optionId)).toEqual([
			'a',
			'b',
			'z',
			'aa',
			'ab',
			'az',
			'ba'
		]);
	});
});

describe('multiple choice', () => {
	it('is single with one = and no weights', () => {
		expect(first('Q {~x#no =y#yes ~z}').question).toMatchObject({
			type: 'single',
			options: [
				{ id: 'a', text: 'x', feedback: 'no' },
				{ id: 'b', text: 'y', feedback: 'yes' },
				{ id: 'c', text: 'z' }
			],
			answer: 'b'
		});
	});

	it('keeps per-option credit on a single choice: any = makes a single choice (Moodle)', () => {
		expect(first('Q {~wrong ~%50%half =full}').question).toMatchObject({
			type: 'single',
			options: [
				{ id: 'a', text: 'wrong' },
				{ id: 'b', text: 'half', credit: 0.5 },
				{ id: 'c', text: 'full' }
			],
			answer: 'c'
		});
		expect(first('Q {=Mars =Venus ~The Moon}').question).toMatchObject({
			type: 'single',
			options: [{ id: 'a' }, { id: 'b', credit: 1 }, { id: 'c' }],
			answer: 'a'
		});
	});

	it('is multiple without =, leaving equal shares to our default scoring', () => {
		const item = first('Q {~%50%a ~%50%b ~%-100%c}');
		expect(item.question).toMatchObject({ type: 'multiple', answers: ['a', 'b'] });
		expect((item.question as { options: unknown }).options).toEqual([
			{ id: 'a', text: 'a' },
			{ id: 'b', text: 'b' },
			{ id: 'c', text: 'c' }
		]);
		expect(first('Q {~%100%a ~%-50%b ~%-50%c}').question).toMatchObject({
			type: 'multiple',
			answers: ['a']
		});
	});

	it('keeps other weights on a multiple choice, as Moodle scores them', () => {
		const uneven = first('Q {~%70%a ~%30%b ~%-100%c ~d}');
		expect(uneven.question).toMatchObject({
			type: 'multiple',
			options: [
				{ id: 'a', credit: 0.7 },
				{ id: 'b', credit: 0.3 },
				{ id: 'c', credit: -1 },
				{ id: 'd', text: 'd' }
			],
			answers: ['a', 'b']
		});
		expect(uneven.notes).toEqual([]);
	});

	it('reads weights as Moodle rounds them to its exact credit', () => {
		expect(first('Q {~%33.33333%a ~%33.33333%b ~%33.33333%c ~d}').question).toMatchObject({
			options: [{ credit: 1 / 3 }, { credit: 1 / 3 }, { credit: 1 / 3 }, { id: 'd' }]
		});
	});

	it('fails when no answer is right', () => {
		expect(mapped('\nQ {~a ~%-50%b}').errors).toEqual([
			{
				line: 2,
				message: 'no answer is marked right: mark one with "=" or give it a positive %weight%'
			}
		]);
	});
});

describe('other types', () => {
	it('maps true/false feedback the way Moodle reads it: first if wrong, second if right', () => {
		expect(first('Q {T#wrong#right}').question).toMatchObject({
			answer: true,
			feedback: { true: 'right', false: 'wrong' }
		});
		expect(first('Q {F#wrong#right}').question).toMatchObject({
			answer: false,
			feedback: { true: 'wrong', false: 'right' }
		});
		expect(first('Q {F##right}').question).toEqual(
			expect.objectContaining({ feedback: { false: 'right' } })
		);
		expect(first('Q {T}').question).not.toHaveProperty('feedback');
	});

	it('maps short answers to credits, writing full-credit ones as plain text, first match', () => {
		expect(first('Q {=one =%50%uno#close =%0%none}').question).toMatchObject({
			type: 'short',
			answers: [
				'one',
				{ text: 'uno', credit: 0.5, feedback: 'close' },
				{ text: 'none', credit: 0 }
			],
			match: 'first'
		});
		expect(first('Q {=one =two}').question).not.toHaveProperty('match');
	});

	it('keeps a * wildcard in a short answer, saying what it means', () => {
		const item = first('Q {=*over*the*horizon*}');
		expect(item.question).toMatchObject({ answers: ['*over*the*horizon*'] });
		expect(item.notes).toEqual(['"*" in an answer stands for any text, as in Moodle']);
	});

	it('maps numeric answers, leaving out default tolerance and credit', () => {
		expect(first('Q {#=5 =%25%4:1#near =%0%1..2#far ~#no}').question).toMatchObject({
			type: 'numeric',
			answers: [
				{ value: 5 },
				{ value: 4, tolerance: 1, credit: 0.25, feedback: 'near' },
				{ min: 1, max: 2, credit: 0, feedback: 'far' }
			],
			match: 'first',
			wrongFeedback: 'no'
		});
		expect(first('Q {#5}').question).toEqual(expect.objectContaining({ answers: [{ value: 5 }] }));
	});

	it('maps matching pairs to p1, p2 … and empty left sides to distractors', () => {
		expect(first('Q {=a -> 1 = -> 9 =b -> 2}').question).toMatchObject({
			type: 'matching',
			pairs: [
				{ id: 'p1', prompt: 'a', match: '1' },
				{ id: 'p2', prompt: 'b', match: '2' }
			],
			distractors: ['9']
		});
		expect(first('Q {=a -> 1 =b -> 2}').question).not.toHaveProperty('distractors');
	});
});
