import { describe, expect, it } from 'vitest';
import { question } from '$lib/content/quiz-schema';
import { ESSAY_MAX_CHARACTERS } from './essay-limits';
import { grade } from './grading';
import { makeQuestion } from './question-fixture';
import { essayResponse, readResponse, ResponseError, wordCount } from './responses';

const form = (answer?: string) => {
	const data = new FormData();
	if (answer !== undefined) data.set('answer', answer);
	return data;
};
const essay = (fields: Record<string, unknown> = {}) => makeQuestion('essay', fields);

describe('the essay type in quiz.yaml', () => {
	it('takes guidance for graders, a template and word limits, all optional', () => {
		expect(essay()).toMatchObject({ type: 'essay', prompt: 'A question?' });
		expect(
			essay({
				guidance: 'Look for the author.',
				template: 'The author ',
				minWords: 5,
				maxWords: 50
			})
		).toMatchObject({ guidance: 'Look for the author.', template: 'The author ', minWords: 5 });
	});

	it('refuses limits that cannot be met, unknown fields and empty guidance', () => {
		const problems = (fields: Record<string, unknown>) => {
			const parsed = question.safeParse({ ...essay(), ...fields });
			return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
		};
		expect(problems({ minWords: 50, maxWords: 10 })).toEqual(['minWords must not exceed maxWords']);
		expect(problems({ minWords: 0 })).toHaveLength(1);
		expect(problems({ answer: 'a model answer' })).toHaveLength(1);
		expect(problems({ guidance: '  ' })).toEqual(['must not be empty']);
	});
});

describe('grading an essay', () => {
	it('scores 0 and leaves it pending, whatever is written: only an instructor marks it', () => {
		for (const text of ['A careful answer citing the article.', 'x'])
			expect(grade(essay(), { type: 'essay', text })).toEqual({
				score: 0,
				feedback: [],
				pending: true
			});
	});
});

describe('reading an essay from the form', () => {
	it('keeps the text as written, line breaks included, trimmed at its ends', () => {
		expect(readResponse(essay(), {}, form('  First line.\n\nSecond <b>line</b>.  '))).toEqual({
			type: 'essay',
			text: 'First line.\n\nSecond <b>line</b>.'
		});
	});

	it('refuses an empty answer, one too long and one off its word limits, saying why', () => {
		const refusal = (text: string | undefined, fields: Record<string, unknown> = {}) => {
			try {
				readResponse(essay(fields), {}, form(text));
				return null;
			} catch (error) {
				if (error instanceof ResponseError) return error.message;
				throw error;
			}
		};
		expect(refusal(undefined)).toBe('Write your answer.');
		expect(refusal('   ')).toBe('Write your answer.');
		expect(refusal('a'.repeat(ESSAY_MAX_CHARACTERS + 1))).toBe(
			'Keep the answer to 20,000 characters or fewer.'
		);
		expect(refusal('Two words', { minWords: 3 })).toBe(
			'Write at least 3 words (this answer has 2).'
		);
		expect(refusal('One two three four', { maxWords: 3 })).toBe(
			'Keep the answer to 3 words or fewer (this answer has 4).'
		);
		expect(refusal('One two three', { minWords: 3, maxWords: 3 })).toBeNull();
	});

	it('counts words as a reader does, in any script', () => {
		expect(wordCount('')).toBe(0);
		expect(wordCount('  The IS-K’s claim, in 2023: “none”.  ')).toBe(6);
		expect(wordCount('لشکر جھنگوی')).toBe(2);
		expect(essayResponse('a'.repeat(ESSAY_MAX_CHARACTERS))).toMatchObject({ type: 'essay' });
	});

	it('takes line breaks sent as "\\r\\n" as the one character the box counted', () => {
		const lines = 'a'.repeat(ESSAY_MAX_CHARACTERS / 2 - 1);
		// Exactly the limit with one character per break; one over it with two.
		expect(essayResponse(`${lines}\r\n${lines}a`)).toEqual({
			type: 'essay',
			text: `${lines}\n${lines}a`
		});
	});
});
