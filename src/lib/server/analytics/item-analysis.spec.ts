import { describe, expect, it } from 'vitest';
import { itemFlags, statsFromSums, type ItemSums } from './item-analysis';

/** The sums the SQL produces, from item scores x and attempt totals t. */
function sumsOf(x: number[], t: number[]): ItemSums {
	return {
		n: x.length,
		sx: x.reduce((s, v) => s + v, 0),
		sxx: x.reduce((s, v) => s + v * v, 0),
		sxt: x.reduce((s, v, i) => s + v * t[i]!, 0),
		st: t.reduce((s, v) => s + v, 0),
		stt: t.reduce((s, v) => s + v * v, 0)
	};
}

describe('statsFromSums', () => {
	it('gives the facility and the item–rest correlation', () => {
		// x = 1,1,1,0,0 with totals 2,2,2.5,1,1, so the rest r = t − x = 1,1,1.5,1,1.
		// Σx = 3, Σx² = 3, Σr = 5.5, Σr² = 6.25, Σxr = 3.5; n = 5.
		// r = (5·3.5 − 3·5.5) / √((5·3 − 3²)(5·6.25 − 5.5²)) = 1 / √(6·1) = 0.4082482905
		const stats = statsFromSums(sumsOf([1, 1, 1, 0, 0], [2, 2, 2.5, 1, 1]));
		expect(stats.facility).toBe(0.6);
		expect(stats.discrimination).toBeCloseTo(0.4082482905, 9);
	});

	it('is negative when the stronger attempts get the item wrong', () => {
		// x = 0,0,1,1,1, t = 2,2,2.5,1,1, r = 2,2,1.5,0,0: Σr = 5.5, Σr² = 10.25, Σxr = 1.5.
		// r = (5·1.5 − 3·5.5) / √(6 · (5·10.25 − 5.5²)) = −9 / √126 = −0.8017837257
		const stats = statsFromSums(sumsOf([0, 0, 1, 1, 1], [2, 2, 2.5, 1, 1]));
		expect(stats.discrimination).toBeCloseTo(-0.8017837257, 9);
	});

	it('leaves discrimination undefined without spread or with one attempt', () => {
		expect(statsFromSums(sumsOf([1, 1, 1], [3, 2, 1]))).toEqual({
			facility: 1,
			discrimination: null
		});
		// every attempt has the same rest-of-test score
		expect(statsFromSums(sumsOf([1, 0], [2, 1])).discrimination).toBeNull();
		expect(statsFromSums(sumsOf([1], [1]))).toEqual({ facility: 1, discrimination: null });
		expect(statsFromSums(sumsOf([], []))).toEqual({ facility: null, discrimination: null });
	});

	it('treats rounding noise in the sums as no spread', () => {
		const x = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
		expect(statsFromSums(sumsOf(x, [1, 2, 3, 4, 5, 6, 7])).discrimination).toBeNull();
	});
});

describe('itemFlags', () => {
	it('names discrimination problems by their thresholds', () => {
		expect(itemFlags(0.5, -0.01)).toEqual(['negative discrimination']);
		expect(itemFlags(0.5, 0)).toEqual(['weak discrimination']);
		expect(itemFlags(0.5, 0.19)).toEqual(['weak discrimination']);
		expect(itemFlags(0.5, 0.2)).toEqual([]);
		expect(itemFlags(0.5, null)).toEqual([]);
	});

	it('names items nearly everyone gets right or wrong', () => {
		expect(itemFlags(0.95, 0.3)).toEqual(['almost everyone right']);
		expect(itemFlags(0.94, 0.3)).toEqual([]);
		expect(itemFlags(0.1, null)).toEqual(['almost everyone wrong']);
		expect(itemFlags(0.11, null)).toEqual([]);
		expect(itemFlags(1, -0.5)).toEqual(['negative discrimination', 'almost everyone right']);
		expect(itemFlags(null, null)).toEqual([]);
	});

	it('decides on the figures as the page rounds them', () => {
		// Shown as 0.20 and 95 %, 10 %; and −0.004 is shown as 0.00, which is weak, not negative.
		expect(itemFlags(0.5, 0.196)).toEqual([]);
		expect(itemFlags(0.5, 0.194)).toEqual(['weak discrimination']);
		expect(itemFlags(0.5, -0.004)).toEqual(['weak discrimination']);
		expect(itemFlags(0.946, 0.3)).toEqual(['almost everyone right']);
		expect(itemFlags(0.944, 0.3)).toEqual([]);
		expect(itemFlags(0.104, null)).toEqual(['almost everyone wrong']);
	});
});
