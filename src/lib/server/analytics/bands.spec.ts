import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percent } from '$lib/percent';
import { cellBand } from './bands';

const graded = (quizScore: number) => cellBand({ status: 'in progress', quizScore });

describe('cellBand', () => {
	it('bands a graded cell by its quiz score: under 50 %, 50–79 %, 80 % and over', () => {
		expect([0, 0.3, 0.49, 0.5, 0.65, 0.79, 0.8, 0.95, 1].map(graded)).toEqual([
			'low',
			'low',
			'low',
			'mid',
			'mid',
			'mid',
			'high',
			'high',
			'high'
		]);
	});

	it('agrees with the rounded percentage the cell shows', () => {
		expect(graded(0.795)).toBe('high'); // shown as 80%
		expect(graded(0.7949)).toBe('mid'); // shown as 79%
		expect(graded(0.494)).toBe('low'); // shown as 49%
		fc.assert(
			fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (score) => {
				const shown = parseInt(percent(score), 10);
				const expected = shown >= 80 ? 'high' : shown >= 50 ? 'mid' : 'low';
				expect(graded(score)).toBe(expected);
			})
		);
	});

	it('bands an ungraded cell by reading state', () => {
		expect(cellBand({ status: 'not started', quizScore: null })).toBe('not-started');
		expect(cellBand({ status: 'in progress', quizScore: null })).toBe('reading');
		expect(cellBand({ status: 'complete', quizScore: null })).toBe('done');
	});

	it('lets a grade outrank the reading state', () => {
		expect(cellBand({ status: 'complete', quizScore: 0.2 })).toBe('low');
	});
});
