import { describe, expect, it } from 'vitest';
import { bucketOf, weekStartOf } from './charts';

describe('weekStartOf', () => {
	const monday = (iso: string) => weekStartOf(new Date(iso)).toISOString();

	it('is midnight UTC on the Monday of the week', () => {
		expect(monday('2025-03-12T15:30:00Z')).toBe('2025-03-10T00:00:00.000Z'); // Wednesday
		expect(monday('2025-03-10T00:00:00Z')).toBe('2025-03-10T00:00:00.000Z'); // Monday itself
		expect(monday('2025-03-16T23:59:59Z')).toBe('2025-03-10T00:00:00.000Z'); // Sunday night
		expect(monday('2025-03-17T00:00:00Z')).toBe('2025-03-17T00:00:00.000Z');
		expect(monday('2025-01-01T08:00:00Z')).toBe('2024-12-30T00:00:00.000Z'); // across a year
	});
});

describe('bucketOf', () => {
	it('puts each tenth in its own bucket and 100 % in the top one', () => {
		expect([0, 0.05, 0.0999, 0.1, 0.5, 0.89, 0.9, 0.99, 1].map(bucketOf)).toEqual([
			0, 0, 0, 1, 5, 8, 9, 9, 9
		]);
	});

	it('keeps a grade on a boundary in its bucket despite binary rounding', () => {
		// 0.7 − 0.4 comes out as 0.29999999999999993
		const almostThree = 0.7 - 0.4;
		expect(almostThree * 10).toBeLessThan(3);
		expect(bucketOf(almostThree)).toBe(3);
		expect(bucketOf(29 / 100)).toBe(2);
	});
});
