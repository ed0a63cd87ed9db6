import { describe, expect, it } from 'vitest';
import { mistakeLines } from './mistake-lines';
import type { QuestionResult, QuestionState } from './types';

const result = (fields: Partial<QuestionResult>): QuestionResult => ({
	score: 0,
	verdict: 'incorrect',
	feedback: [],
	correctAnswer: [],
	explanation: 'Why.',
	claimType: 'fact',
	citations: [],
	...fields
});

describe('mistakeLines', () => {
	it('lists only the wrongly matched prompts of a matching question, both ways', () => {
		const question: QuestionState = {
			key: 'm',
			number: 1,
			type: 'matching',
			prompt: 'Match them.',
			pairs: [
				{ id: '0', prompt: 'Mastung' },
				{ id: '1', prompt: 'Peshawar' },
				{ id: '2', prompt: 'Lahore' }
			],
			options: [
				{ id: '0', text: 'Punjab' },
				{ id: '1', text: 'Balochistan' },
				{ id: '2', text: 'Khyber Pakhtunkhwa' }
			],
			response: { type: 'matching', matches: { '0': '1', '1': '0', '2': '2' } },
			result: null
		};
		const lines = mistakeLines(
			question,
			result({ rightMatches: { '0': '1', '1': '2', '2': '0' }, correctAnswer: ['every pair'] })
		);
		expect(lines).toEqual({
			yours: ['Peshawar → Punjab', 'Lahore → Khyber Pakhtunkhwa'],
			right: ['Peshawar → Khyber Pakhtunkhwa', 'Lahore → Punjab']
		});
	});

	it('gives the answer in words and the key as stated for other questions', () => {
		const question: QuestionState = {
			key: 's',
			number: 2,
			type: 'short',
			prompt: 'Name it.',
			response: { type: 'short', text: 'LeJ' },
			result: null
		};
		expect(mistakeLines(question, result({ correctAnswer: ['Lashkar-i-Jhangvi'] }))).toEqual({
			yours: ['LeJ'],
			right: ['Lashkar-i-Jhangvi']
		});
	});

	it('has no answer of the learner’s for a question left unanswered', () => {
		const question: QuestionState = {
			key: 't',
			number: 3,
			type: 'truefalse',
			prompt: 'True?',
			response: null,
			result: null
		};
		expect(mistakeLines(question, result({ correctAnswer: ['True'] }))).toEqual({
			yours: [],
			right: ['True']
		});
	});
});
