import { describe, expect, it } from 'vitest';
import { retryDelay } from './retry-delay';

describe('retryDelay', () => {
	it('waits the seconds the server asked for, spread by up to half as much again', () => {
		expect(retryDelay({ retryAfter: 2 }, () => 0)).toBe(2000);
		expect(retryDelay({ retryAfter: 2 }, () => 0.999)).toBeCloseTo(2999, 0);
	});

	it('waits a second when the server named no time, or an unreasonable one', () => {
		for (const error of [
			null,
			{},
			{ retryAfter: 'soon' },
			{ retryAfter: -1 },
			{ retryAfter: 3600 }
		])
			expect(retryDelay(error, () => 0)).toBe(1000);
	});
});
