import { describe, expect, it } from 'vitest';
import { weekStartOf } from './charts';

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
