import { describe, expect, it } from 'vitest';
import type { Question, QuizFile } from '../content/quiz-schema.ts';
import { exportGift, percent } from './export.ts';

const common = {
	explanation: 'Because: reasons.',
	claimType: 'fact' as const,
	citations: [{ source: '001_0123456789abcdef.txt', quote: 'A quote.' }]
};
const quiz = (...questions: Question[]): QuizFile => ({
	title: 'Check yourself',
	grading: 'highest',
	shuffleOptions: true,
	feedback: 'immediate',
	questions
});
/** The GIFT of the only question, without the file's header comment. */
const gift = (question: Question) => exportGift(quiz(question)).gift.split('\n\n')[1]!.trimEnd();

describe('exportGift', () => {
	it('writes single choice with the id as title, option feedback and the explanation', () => {
		expect(
			gift({
				...common,
				id: 'capital',
				type: 'single',
				prompt: 'Capital of {France}?',
				options: [
					{ id: 'paris', text: 'Paris', feedback: 'Yes = right.' },
					{ id: 'rome', text: 'Rome' }
				],
				answer: 'paris'
			})
		).toBe(
			[
				'::capital::[markdown]Capital of \\{France\\}?{',
				'=Paris#Yes \\= right.',
				'~Rome',
				'####Because\\: reasons.',
				'}'
			].join('\n')
		);
	});

	it('writes multiple choice as equal positive and negative weights', () => {
		expect(
			gift({
				...common,
				id: 'm',
				type: 'multiple',
				prompt: 'Pick',
				options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id.toUpperCase() })),
				answers: ['a', 'b', 'c']
			})
		).toBe(
			'::m::[markdown]Pick{\n~%33.33333%A\n~%33.33333%B\n~%33.33333%C\n~%-100%D\n####Because\\: reasons.\n}'
		);
		expect(percent(-1 / 6)).toBe('-16.66667');
	});

	it('writes true/false feedback in Moodle order: wrong first, right second', () => {
		const tf = (answer: boolean, feedback?: { true?: string; false?: string }) =>
			gift({
				...common,
				id: 't',
				type: 'truefalse',
				prompt: 'P',
				answer,
				...(feedback ? { feedback } : {})
			});
		expect(tf(true, { true: 'yes', false: 'no' })).toBe(
			'::t::[markdown]P{TRUE#no#yes####Because\\: reasons.}'
		);
		expect(tf(false, { true: 'no', false: 'yes' })).toBe(
			'::t::[markdown]P{FALSE#no#yes####Because\\: reasons.}'
		);
		expect(tf(true, { true: 'yes' })).toBe('::t::[markdown]P{TRUE##yes####Because\\: reasons.}');
		expect(tf(true, { false: 'no' })).toBe('::t::[markdown]P{TRUE#no####Because\\: reasons.}');
		expect(tf(false)).toBe('::t::[markdown]P{FALSE####Because\\: reasons.}');
	});

	it('writes short answers with partial credit', () => {
		expect(
			gift({
				...common,
				id: 's',
				type: 'short',
				prompt: 'P',
				answers: [
					{ text: 'one', credit: 1 },
					{ text: 'uno', credit: 0.5, feedback: 'Close.' }
				]
			})
		).toBe('::s::[markdown]P{\n=one\n=%50%uno#Close.\n####Because\\: reasons.\n}');
	});

	it('writes numeric answers as value:tolerance or min..max', () => {
		expect(
			gift({
				...common,
				id: 'n',
				type: 'numeric',
				prompt: 'P',
				answers: [
					{ value: -1.5, tolerance: 0.25, credit: 1, feedback: 'Yes.' },
					{ min: 1, max: 2, credit: 0.5 }
				]
			})
		).toBe('::n::[markdown]P{#\n=-1.5:0.25#Yes.\n=%50%1..2\n####Because\\: reasons.\n}');
	});

	it('writes matching pairs and distractors', () => {
		expect(
			gift({
				...common,
				id: 'x',
				type: 'matching',
				prompt: 'P',
				pairs: [
					{ id: 'p1', prompt: 'a', match: '1' },
					{ id: 'p2', prompt: 'b', match: '2' }
				],
				distractors: ['3']
			})
		).toBe('::x::[markdown]P{\n=a -> 1\n=b -> 2\n= -> 3\n####Because\\: reasons.\n}');
	});

	it('writes multi-line text on one line with \\n', () => {
		expect(gift({ ...common, id: 't', type: 'truefalse', prompt: 'One\ntwo', answer: true })).toBe(
			'::t::[markdown]One\\ntwo{TRUE####Because\\: reasons.}'
		);
	});

	it('skips ordering and evidence questions with a warning each', () => {
		const result = exportGift(
			quiz(
				{
					...common,
					id: 'order',
					type: 'ordering',
					prompt: 'P',
					items: [
						{ id: 'a', text: 'A' },
						{ id: 'b', text: 'B' }
					]
				},
				{
					...common,
					id: 'ev',
					type: 'evidence',
					prompt: 'P',
					claim: 'C',
					source: '001_0123456789abcdef.txt',
					sentences: [
						{ id: 's1', text: 'One.' },
						{ id: 's2', text: 'Two.' }
					],
					answer: 's1'
				},
				{ ...common, id: 't', type: 'truefalse', prompt: 'P', answer: true }
			)
		);
		expect(result.exported).toBe(1);
		expect(result.warnings).toEqual([
			{ question: 'order', message: 'skipped: GIFT has no ordering questions' },
			{
				question: 'ev',
				message:
					'skipped: GIFT has no evidence questions (a claim checked against sentences of an article)'
			}
		]);
		expect(result.gift).not.toContain('::order::');
		expect(result.gift).not.toContain('::ev::');
	});

	it('warns when a matching left side contains the -> separator', () => {
		const result = exportGift(
			quiz({
				...common,
				id: 'x',
				type: 'matching',
				prompt: 'P',
				pairs: [
					{ id: 'p1', prompt: 'a -> b', match: '1' },
					{ id: 'p2', prompt: 'c', match: '2' }
				],
				distractors: []
			})
		);
		expect(result.warnings).toHaveLength(1);
	});

	it('starts with a comment naming the quiz and what is left out', () => {
		const result = exportGift(
			quiz({ ...common, id: 't', type: 'truefalse', prompt: 'P', answer: true }),
			{
				sourceName: 'quiz.yaml'
			}
		);
		expect(result.gift.split('\n').slice(0, 2)).toEqual([
			'// Check yourself (from quiz.yaml)',
			'// Exported by `npm run gift -- export`: claim types and citations are not included.'
		]);
	});
});
