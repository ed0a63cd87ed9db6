import { describe, expect, it } from 'vitest';
import { attemptSetsOf } from './attempt-sets';

// Three attempts, listed out of order: 12 is the first started, 10 the last submitted,
// 11 and 10 share the best grade.
const attempts = [
	{ id: 10, grade: 0.8, startedAt: 300, submittedAt: 900 },
	{ id: 11, grade: 0.8, startedAt: 200, submittedAt: 250 },
	{ id: 12, grade: 0.4, startedAt: 100, submittedAt: 150 }
];

describe('attemptSetsOf', () => {
	it('counts the earliest of the best attempts under "highest", as Moodle does', () => {
		expect(attemptSetsOf('highest', attempts).counted).toEqual([11]);
	});

	it('counts the last submitted under "last", and every attempt under "average"', () => {
		expect(attemptSetsOf('last', attempts).counted).toEqual([10]);
		expect(attemptSetsOf('average', attempts).counted).toEqual([12, 11, 10]);
	});

	it('takes the first started as the first attempt, whatever the method', () => {
		for (const grading of ['highest', 'last', 'average'] as const) {
			const sets = attemptSetsOf(grading, attempts);
			expect(sets.first).toEqual([12]);
			expect(sets.all).toEqual([12, 11, 10]);
		}
	});

	it('holds nothing for a student with no submitted attempt', () => {
		expect(attemptSetsOf('highest', [])).toEqual({ counted: [], first: [], all: [] });
	});
});
