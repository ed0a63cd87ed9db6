import { describe, expect, it } from 'vitest';
import { gradeStatistics, medianOf } from './quiz-statistics';

const grades = (...pairs: [number, number][]) =>
	pairs.map(([grade, attempts]) => ({ gradeMicros: grade * 1e6, attempts }));

describe('medianOf', () => {
	it('takes the middle grade of an odd count, in any order', () => {
		// 0.2, 0.5, 0.5, 0.9, 1
		expect(medianOf(grades([0.9, 1], [0.5, 2], [1, 1], [0.2, 1]))).toBe(0.5);
	});

	it('averages the two middle grades of an even count', () => {
		// 0.2, 0.4 | 0.8, 0.8
		expect(medianOf(grades([0.8, 2], [0.2, 1], [0.4, 1]))).toBeCloseTo(0.6, 12);
		expect(medianOf([])).toBeNull();
	});
});

describe('gradeStatistics', () => {
	const sums = (g: number[]) => ({
		n: g.length,
		sg: g.reduce((s, v) => s + v, 0),
		sg2: g.reduce((s, v) => s + v ** 2, 0),
		sg3: g.reduce((s, v) => s + v ** 3, 0),
		sg4: g.reduce((s, v) => s + v ** 4, 0),
		st: g.reduce((s, v) => s + v, 0),
		st2: g.reduce((s, v) => s + v ** 2, 0)
	});

	it('leaves out what too few attempts cannot tell', () => {
		expect(gradeStatistics(sums([0.5]), 3, 0)).toMatchObject({
			mean: 0.5,
			standardDeviation: null,
			skewness: null
		});
		// Three attempts give a skewness but no kurtosis.
		const three = gradeStatistics(sums([0, 0.5, 0.7]), 1, 0);
		expect(three.skewness).not.toBeNull();
		expect(three.kurtosis).toBeNull();
		expect(three.internalConsistency).toBeNull();
		// No spread: no shape either.
		expect(gradeStatistics(sums([0.4, 0.4, 0.4, 0.4]), 2, 0).skewness).toBeNull();
	});
});
