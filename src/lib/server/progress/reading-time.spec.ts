import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	CLOCK_SLACK_SECONDS,
	creditReading,
	PING_CAP_SECONDS,
	QUEUED_MAX_AGE_DAYS,
	VISIT_CAP_SECONDS,
	type ReadingSoFar
} from './reading-time';

const start = new Date('2026-03-01T09:00:00Z').getTime();

const DAY = 86_400;
const time = (seconds: number) => new Date(start + seconds * 1000);

interface Sent {
	/** When it reaches the server, in seconds after the start. */
	at: number;
	visitId: string;
	activeSeconds: number;
	/** When it was reached, for a checkpoint queued offline. */
	readAt?: number;
}

/**
 * Feeds checkpoints through the rule, keeping the row as the server does; `row` is the lesson's
 * earlier reading, if any.
 */
function read(checkpoints: Sent[], row?: ReadingSoFar) {
	let total = 0;
	const added: number[] = [];
	for (const { at, readAt, ...input } of checkpoints) {
		const queued = readAt === undefined ? {} : { readAt: time(readAt) };
		const credit = creditReading(row, { ...input, ...queued }, time(at));
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

describe('creditReading, for checkpoints queued offline and sent later', () => {
	it('credits honest queued reading in full, measured when it was read, though it arrives at once', () => {
		// Online at first, then 40 checkpoints read offline (a reload every 10), synced an hour later.
		const queued = Array.from({ length: 40 }, (_, i) => ({
			at: 3600 + i / 1000,
			readAt: 30 * (i + 2),
			visitId: `offline-${Math.floor(i / 10)}`,
			activeSeconds: 30
		}));
		const { total } = read([{ at: 30, visitId: 'online', activeSeconds: 30 }, ...queued]);
		expect(total).toBe(30 + 40 * 30);
	});

	it('adds at most the slack for a burst of fresh claims, whatever time they name', () => {
		const named = [undefined, 60, 3600, 59, 0, -DAY, -30 * DAY];
		const burst = Array.from({ length: 50 }, (_, i) => ({
			at: 60.001 + i / 1000,
			readAt: named[i % named.length],
			visitId: `burst-${i}`,
			activeSeconds: PING_CAP_SECONDS
		}));
		const { added } = read([
			{ at: 0, visitId: 'honest', activeSeconds: 0 },
			{ at: 60, visitId: 'honest', activeSeconds: 60 },
			...burst
		]);
		expect(added.slice(0, 2)).toEqual([0, 60]);
		expect(added.slice(2).reduce((a, b) => a + b)).toBeLessThanOrEqual(CLOCK_SLACK_SECONDS);
	});

	it('measures a checkpoint named in the future now, and one named too far back 7 days ago', () => {
		const future = creditReading(
			undefined,
			{ visitId: 'v', activeSeconds: 30, readAt: time(3600) },
			time(0)
		);
		expect(future.measuredAt).toEqual(time(0));
		const old = creditReading(
			undefined,
			{ visitId: 'v', activeSeconds: 30, readAt: time(-30 * DAY) },
			time(0)
		);
		expect(old.measuredAt).toEqual(time(-QUEUED_MAX_AGE_DAYS * DAY));
		expect(old.added).toBe(30);
	});

	it('measures a checkpoint named before the lesson’s earlier credit at that credit', () => {
		const before = { visitId: 'online', visitSeconds: 60, updatedAt: time(600) };
		const credit = creditReading(
			before,
			{ visitId: 'offline', activeSeconds: 30, readAt: time(300) },
			time(900)
		);
		expect(credit.measuredAt).toEqual(time(600));
		// Its 30 s would lie before the credit already given: only the slack beyond it is left.
		expect(credit.added).toBe(CLOCK_SLACK_SECONDS);
	});

	it('never credits faster than the clock, whatever times checkpoints name and when they arrive', () => {
		const checkpoint = fc.record({
			wait: fc.double({ min: 0, max: 600, noNaN: true }),
			readAt: fc.option(fc.double({ min: -30 * DAY, max: DAY, noNaN: true }), { nil: undefined }),
			visitId: fc.constantFrom('a', 'b', 'c'),
			activeSeconds: fc.integer({ min: 0, max: 2000 })
		});
		fc.assert(
			fc.property(fc.array(checkpoint, { minLength: 1, maxLength: 60 }), (drawn) => {
				// The lesson was last credited at the start; each checkpoint names a time near its arrival.
				let at = 0;
				const sent = drawn.map(({ wait, readAt, ...input }) => {
					at += wait;
					return { ...input, at, readAt: readAt === undefined ? undefined : at + readAt };
				});
				const earlier = { visitId: 'earlier', visitSeconds: 0, updatedAt: time(0) };
				expect(read(sent, earlier).total).toBeLessThanOrEqual(at + CLOCK_SLACK_SECONDS);
			})
		);
	});

	it('credits every honest queued checkpoint, however long after they arrive, in order', () => {
		const checkpoint = fc.record({
			gap: fc.integer({ min: 1, max: 600 }),
			share: fc.double({ min: 0, max: 1, noNaN: true }),
			delay: fc.integer({ min: 0, max: 2 * DAY })
		});
		fc.assert(
			fc.property(fc.array(checkpoint, { minLength: 1, maxLength: 40 }), (drawn) => {
				let readAt = 0;
				let arrives = 0;
				let expected = 0;
				const sent = drawn.map(({ gap, share, delay }, i) => {
					// At most one active second per second since the previous checkpoint, and per ping.
					const activeSeconds = Math.min(PING_CAP_SECONDS, Math.floor(gap * share));
					readAt += gap;
					arrives = Math.max(arrives, readAt + delay);
					expected += activeSeconds;
					return { at: arrives, readAt, visitId: `visit-${Math.floor(i / 10)}`, activeSeconds };
				});
				expect(read(sent).total).toBe(expected);
			})
		);
	});
});
