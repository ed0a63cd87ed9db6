import { describe, expect, it } from 'vitest';
import { quizGrade } from './quiz-grade';

const submitted = (score: number) => ({ status: 'submitted' as const, score });
const history = [
	submitted(0.5),
	submitted(0.9),
	submitted(0.4),
	{ status: 'in_progress' as const, score: null }
];

describe('quizGrade', () => {
	it('takes the best submitted attempt under "highest"', () => {
		expect(quizGrade('highest', history)).toBe(0.9);
	});

	it('takes the latest submitted attempt under "last", ignoring one still open', () => {
		expect(quizGrade('last', history)).toBe(0.4);
	});

	it('averages the submitted attempts under "average"', () => {
		expect(quizGrade('average', history)).toBeCloseTo(0.6, 10);
	});

	it('has no grade before any attempt is submitted', () => {
		expect(quizGrade('highest', [{ status: 'in_progress', score: null }])).toBeNull();
	});
});
