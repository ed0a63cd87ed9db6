import { describe, expect, it } from 'vitest';
import { countTicks, shortDate } from './chart-axes';

describe('countTicks', () => {
	it('reaches at least the largest count in whole, evenly spaced steps', () => {
		expect(countTicks(0)).toEqual([0, 1]);
		expect(countTicks(1)).toEqual([0, 1]);
		expect(countTicks(4)).toEqual([0, 1, 2, 3, 4]);
		expect(countTicks(5)).toEqual([0, 2, 4, 6]);
		expect(countTicks(9)).toEqual([0, 5, 10]);
		expect(countTicks(23)).toEqual([0, 10, 20, 30]);
		expect(countTicks(100)).toEqual([0, 50, 100]);
	});

	it('never gives more than five ticks', () => {
		for (let max = 0; max <= 2000; max += 1) {
			const ticks = countTicks(max);
			expect(ticks.length).toBeLessThanOrEqual(5);
			expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
		}
	});
});

describe('shortDate', () => {
	it('names the UTC day with its month in short, whatever the time of day', () => {
		expect(shortDate('2025-11-03')).toBe('3 Nov');
		expect(shortDate('2025-11-03T23:59:00.000Z', true)).toBe('3 Nov 2025');
	});
});
