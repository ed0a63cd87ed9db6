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
/** The GIFT of the only question, without the file's header and the question's app data. */
const gift = (question: Question) =>
	exportGift(quiz(question))
		.gift.split('\n\n')[1]!
		.trimEnd()
		.split('\n')
		.filter((line) => !line.startsWith('// @question'))
		.join('\n');

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
				'::capital::[plain]Capital of \\{France\\}?{',
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
			'::m::[plain]Pick{\n~%33.33333%A\n~%33.33333%B\n~%33.33333%C\n~%-100%D\n####Because\\: reasons.\n}'
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
			'::t::[plain]P{TRUE#no#yes####Because\\: reasons.}'
		);
		expect(tf(false, { true: 'no', false: 'yes' })).toBe(
			'::t::[plain]P{FALSE#no#yes####Because\\: reasons.}'
		);
		expect(tf(true, { true: 'yes' })).toBe('::t::[plain]P{TRUE##yes####Because\\: reasons.}');
		expect(tf(true, { false: 'no' })).toBe('::t::[plain]P{TRUE#no####Because\\: reasons.}');
		expect(tf(false)).toBe('::t::[plain]P{FALSE####Because\\: reasons.}');
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
		).toBe('::s::[plain]P{\n=one\n=%50%uno#Close.\n####Because\\: reasons.\n}');
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
		).toBe('::n::[plain]P{#\n=-1.5:0.25#Yes.\n=%50%1..2\n####Because\\: reasons.\n}');
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
		).toBe('::x::[plain]P{\n=a -> 1\n=b -> 2\n= -> 3\n####Because\\: reasons.\n}');
	});

	it('writes multi-line text on one line with \\n', () => {
		expect(gift({ ...common, id: 't', type: 'truefalse', prompt: 'One\ntwo', answer: true })).toBe(
			'::t::[plain]One\\ntwo{TRUE####Because\\: reasons.}'
		);
	});

	it('writes an ordering as matching by position and evidence as a single choice, warning', () => {
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
				}
			)
		);
		expect(result.exported).toBe(2);
		expect(result.warnings.map((w) => [w.question, w.message.split(' (')[0]])).toEqual([
			['order', 'written as matching by position'],
			['ev', 'written as a single choice of its sentences, the claim added to the prompt']
		]);
		expect(result.gift).toContain('::order::[plain]P{\n=1 -> A\n=2 -> B\n');
		expect(result.gift).toContain('::ev::[plain]P\\nClaim\\: C{\n=One.\n~Two.\n');
	});

	it('escapes what GIFT would read as syntax: ->, a leading weight or format marker', () => {
		expect(
			gift({
				...common,
				id: 'x',
				type: 'matching',
				prompt: 'P',
				pairs: [
					{ id: 'p1', prompt: 'a -> b & <c>', match: '1 -> 2' },
					{ id: 'p2', prompt: '[plain] c', match: '2' }
				],
				distractors: []
			})
		).toBe(
			'::x::[plain]P{\n=[html]a -&gt; b &amp; &lt;c&gt; -> 1 -> 2\n=[plain][plain] c -> 2\n####Because\\: reasons.\n}'
		);
		expect(
			gift({
				...common,
				id: 's',
				type: 'single',
				prompt: 'P',
				options: [
					{ id: 'a', text: '%50% off' },
					{ id: 'b', text: '[markdown] no' }
				],
				answer: 'b'
			})
		).toBe('::s::[plain]P{\n~[plain]%50% off\n=[plain][markdown] no\n####Because\\: reasons.\n}');
	});

	it('never writes a credit Moodle rejects: the nearest one, with a warning', () => {
		const result = exportGift(
			quiz({
				...common,
				id: 's',
				type: 'short',
				prompt: 'P',
				answers: [
					{ text: 'one', credit: 1 },
					{ text: 'uno', credit: 0.37 }
				]
			})
		);
		expect(result.gift).toContain('=%40%uno');
		expect(result.warnings).toEqual([
			{
				question: 's',
				message:
					'answer "uno": credit 37 % is not one Moodle accepts; written as 40 % (the exact credit is kept in the // @question line for our import)'
			}
		]);
	});

	it('writes single-choice credits, keeping a ~ so Moodle reads a choice', () => {
		expect(
			gift({
				...common,
				id: 'h',
				type: 'single',
				prompt: 'P',
				options: [
					{ id: 'a', text: 'Galilee', credit: 0.5 },
					{ id: 'b', text: 'Nazareth' },
					{ id: 'c', text: 'Natsrat', credit: 1 }
				],
				answer: 'b'
			})
		).toBe('::h::[plain]P{\n~%50%Galilee\n=Nazareth\n~%100%Natsrat\n####Because\\: reasons.\n}');
	});

	it('starts with a comment naming the quiz, then its settings as app data', () => {
		const result = exportGift(
			quiz({ ...common, id: 't', type: 'truefalse', prompt: 'P', answer: true }),
			{
				sourceName: 'quiz.yaml'
			}
		);
		expect(result.gift.split('\n').slice(0, 4)).toEqual([
			'// Check yourself (from quiz.yaml)',
			'// Exported by `npm run gift -- export`. Moodle ignores the // @quiz and // @question',
			'// lines; our import reads back from them what GIFT cannot say (citations, claim types…).',
			'// @quiz {"title":"Check yourself","grading":"highest","shuffleOptions":true,"feedback":"immediate"}'
		]);
		expect(result.gift).toContain(
			'// @question {"claimType":"fact","citations":[{"source":"001_0123456789abcdef.txt","quote":"A quote."}]}\n::t::'
		);
	});
});
