import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemSums } from './item-analysis';
import { discriminativeEfficiency, type Marginal } from './question-figures';

/** The kept forms of paired item scores x and attempt totals t. */
function kept(x: number[], t: number[]) {
	const sums: ItemSums = { n: x.length, sx: 0, sxx: 0, sxt: 0, st: 0, stt: 0 };
	const scores: Marginal = new Map();
	const rests: Marginal = new Map();
	x.forEach((xi, i) => {
		const ti = t[i]!;
		sums.sx += xi;
		sums.sxx += xi * xi;
		sums.sxt += xi * ti;
		sums.st += ti;
		sums.stt += ti * ti;
		const score = Math.round(xi * 1e6);
		const rest = Math.round((ti - xi) * 1e6);
		scores.set(score, (scores.get(score) ?? 0) + 1);
		rests.set(rest, (rests.get(rest) ?? 0) + 1);
	});
	return [sums, scores, rests] as const;
}

/** Moodle's definition straight from the arrays: cov(x, r) ÷ cov(sorted x, sorted r). */
function byDefinition(x: number[], r: number[]): number | null {
	const cov = (a: number[], b: number[]) => {
		const ma = a.reduce((s, v) => s + v, 0) / a.length;
		const mb = b.reduce((s, v) => s + v, 0) / b.length;
		return a.reduce((s, v, i) => s + (v - ma) * (b[i]! - mb), 0);
	};
	const up = (a: number[]) => [...a].sort((p, q) => p - q);
	const largest = cov(up(x), up(r));
	return Math.abs(largest) < 1e-9 ? null : cov(x, r) / largest;
}

describe('discriminativeEfficiency', () => {
	it('is 1 when the item and the rest rise together, and −1 against a perfect inversion', () => {
		expect(discriminativeEfficiency(...kept([0, 0, 1, 1], [0, 1, 3, 4]))).toBeCloseTo(1, 12);
		expect(discriminativeEfficiency(...kept([1, 1, 0, 0], [1, 1, 2, 2]))).toBeCloseTo(-1, 12);
	});

	it('is undefined when everyone scored the same on the item, or below two attempts', () => {
		expect(discriminativeEfficiency(...kept([1, 1, 1], [1, 2, 3]))).toBeNull();
		expect(discriminativeEfficiency(...kept([1 / 3, 1 / 3, 1 / 3], [1, 2, 3]))).toBeNull();
		expect(discriminativeEfficiency(...kept([1], [2]))).toBeNull();
	});

	it('equals the definition computed from the raw arrays, for any scores', () => {
		const credit = fc.constantFrom(0, 0.25, 1 / 3, 0.5, 2 / 3, 1);
		fc.assert(
			fc.property(
				fc.array(fc.tuple(credit, fc.array(credit, { maxLength: 6 })), {
					minLength: 2,
					maxLength: 40
				}),
				(attempts) => {
					const x = attempts.map(([xi]) => xi);
					const r = attempts.map(([, rest]) => rest.reduce((s, v) => s + v, 0));
					const t = x.map((xi, i) => xi + r[i]!);
					const want = byDefinition(x, r);
					const got = discriminativeEfficiency(...kept(x, t));
					if (want === null) expect(got).toBeNull();
					else expect(Math.abs(got! - want)).toBeLessThan(1e-5);
				}
			),
			{ numRuns: 300 }
		);
	});
});
