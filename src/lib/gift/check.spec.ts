import { describe, expect, it } from 'vitest';
import { checkImportedQuiz } from './check.ts';

const question = (extra: object = {}) => ({
	id: 'q1',
	type: 'truefalse',
	prompt: 'Is it?',
	answer: true,
	explanation: 'Yes.',
	claimType: 'fact',
	citations: [],
	...extra
});

describe('checkImportedQuiz', () => {
	it('accepts empty citations and keeps them empty, applying the other defaults', () => {
		const result = checkImportedQuiz({ questions: [question()] });
		expect(result).toEqual({
			ok: true,
			quiz: {
				title: 'Check yourself',
				grading: 'highest',
				shuffleOptions: true,
				feedback: 'immediate',
				questions: [question()]
			}
		});
	});

	it('still checks citations that are given', () => {
		const result = checkImportedQuiz({
			questions: [question({ citations: [{ source: 'nope.txt', quote: 'q' }] })]
		});
		expect(result).toEqual({
			ok: false,
			problems: [
				{
					question: 0,
					message: 'question "q1" (#1), field "citations.0.source": source is an article file name'
				}
			]
		});
	});

	it('reports every other problem with its question', () => {
		const result = checkImportedQuiz({
			questions: [question(), question({ claimType: 'rumour', prompt: ' ' })]
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.question)).toEqual([1, 1]);
		expect(result.problems.map((p) => p.message)).toEqual(
			expect.arrayContaining([
				'question "q1" (#2), field "prompt": must not be empty',
				expect.stringMatching(/^question "q1" \(#2\), field "claimType": /)
			])
		);
		expect(checkImportedQuiz({ questions: [question(), question()] })).toEqual({
			ok: false,
			problems: [
				{ question: 1, message: 'question "q1" (#2), field "id": duplicate question id "q1"' }
			]
		});
	});

	it('reports a quiz-level problem without a question', () => {
		expect(checkImportedQuiz({ questions: [] })).toEqual({
			ok: false,
			problems: [{ message: 'field "questions": a quiz needs at least one question' }]
		});
	});
});
