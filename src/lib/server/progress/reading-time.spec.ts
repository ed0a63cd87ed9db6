import { describe, expect, it } from 'vitest';
import {
	CLOCK_SLACK_SECONDS,
	creditReading,
	PING_CAP_SECONDS,
	VISIT_CAP_SECONDS,
	type ReadingSoFar
} from './reading-time';

const start = new Date('2026-03-01T09:00:00Z').getTime();

/** Feeds checkpoints (seconds after the start) through the rule, keeping the row as the server does. */
function read(checkpoints: { at: number; visitId: string; activeSeconds: number }[]) {
	let row: ReadingSoFar | undefined;
	let total = 0;
	const added: number[] = [];
	for (const { at, ...input } of checkpoints) {
		const credit = creditReading(row, input, new Date(start + at * 1000));
		row = {
			visitId: input.visitId,
			visitSeconds: credit.visitSeconds,
			updatedAt: credit.creditedUntil
		};
		total += credit.added;
		added.push(credit.added);
	}
	return { total, added };
}

describe('creditReading', () => {
	it('credits every honest checkpoint, over visits and with network delays that vary', () => {
		// Every 30 s of reading, sent when counted, arriving 0–8 s later; a reload every 20 checkpoints.
		const delays = [0.1, 8, 0.2, 3, 0.1, 6.5, 0.3];
		const checkpoints = Array.from({ length: 100 }, (_, i) => ({
			at: 40 + 30 * i + delays[i % delays.length]!,
			visitId: `visit-${Math.floor(i / 20)}`,
			activeSeconds: 30
		}));
		// The first visit read for 40 s before its first checkpoint.
		checkpoints[0]!.activeSeconds = 40;
		expect(read(checkpoints).total).toBe(40 + 99 * 30);
	});

	it('adds at most the slack for a burst of fresh visits, then credits again as time passes', () => {
		const burst = Array.from({ length: 50 }, (_, i) => ({
			at: 60.001 + i / 1000,
			visitId: `burst-${i}`,
			activeSeconds: PING_CAP_SECONDS
		}));
		const { added } = read([
			{ at: 0, visitId: 'honest', activeSeconds: 0 },
			{ at: 60, visitId: 'honest', activeSeconds: 60 },
			...burst,
			{ at: 60 + 10 * 60, visitId: 'later', activeSeconds: PING_CAP_SECONDS }
		]);
		expect(added.slice(0, 2)).toEqual([0, 60]);
		expect(added.slice(2, -1).reduce((a, b) => a + b)).toBeLessThanOrEqual(CLOCK_SLACK_SECONDS);
		expect(added.at(-1)).toBe(PING_CAP_SECONDS);
	});

	it('keeps the caps per checkpoint and per visit', () => {
		const visit = Array.from({ length: 20 }, (_, i) => ({
			at: 1000 * (i + 1),
			visitId: 'long',
			activeSeconds: 1000
		}));
		const { added } = read(visit);
		expect(added[0]).toBe(PING_CAP_SECONDS);
		expect(added.reduce((a, b) => a + b)).toBe(VISIT_CAP_SECONDS);
	});

	it('credits again from the next checkpoint after the server clock is set back', () => {
		const { added } = read([
			{ at: 3600, visitId: 'v', activeSeconds: 30 },
			{ at: 60, visitId: 'v', activeSeconds: 30 },
			{ at: 90, visitId: 'v', activeSeconds: 30 }
		]);
		expect(added).toEqual([30, 0, 30]);
	});
});
