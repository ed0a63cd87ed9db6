// Moodle's per-question figures beside facility and discrimination, from the same sums.
import type { Question } from '$lib/content/quiz-schema';
import type { ItemSums } from './item-analysis';
import { sampleVariance } from './quiz-statistics';

/** The standard deviation of the item score (0–1); null below two attempts. */
export function itemDeviation(sums: ItemSums | undefined): number | null {
	const variance = sums ? sampleVariance(sums.n, sums.sx, sums.sxx) : null;
	return variance === null ? null : Math.sqrt(variance);
}

/** The expected score of a blind guess, where the question type makes one meaningful. */
export function randomGuessScore(question: Question): number | null {
	switch (question.type) {
		case 'single':
			return 1 / question.options.length;
		case 'evidence':
			return 1 / question.sentences.length;
		case 'truefalse':
			return 0.5;
		default:
			return null;
	}
}

/**
 * Cov(x, t): how the item score moves with the attempt's total. A covariance this small against
 * its terms is rounding noise and counts as none: its square root would otherwise swing the
 * weights on the last bits of the sums.
 */
function covarianceWithTotal({ n, sx, sxt, st }: ItemSums): number | null {
	if (n < 2) return null;
	const scaled = n * sxt - sx * st;
	if (Math.abs(scaled) <= 1e-9 * Math.max(1, Math.abs(n * sxt))) return 0;
	return scaled / (n * (n - 1));
}

/**
 * Each question's share of the spread of the totals, as Moodle weighs it: √Cov(x, t) over the sum
 * of those of all questions; null for a question that moves against the total (or without data).
 */
export function effectiveWeights(items: (ItemSums | undefined)[]): (number | null)[] {
	const roots = items.map((sums) => {
		const covariance = sums ? covarianceWithTotal(sums) : null;
		return covariance === null || covariance < 0 ? null : Math.sqrt(covariance);
	});
	const total = roots.reduce<number>((sum, root) => sum + (root ?? 0), 0);
	return roots.map((root) => (root === null || total === 0 ? null : root / total));
}

/** How many attempts had each value (in millionths), as question_marks keeps one axis. */
export type Marginal = Map<number, number>;

/**
 * Moodle's discriminative efficiency: Cov(x, r) over the largest covariance the two marginals
 * allow, reached when item scores and rest scores are paired in the same order. So a question
 * whose difficulty caps its discrimination is not blamed for the cap. Null where that largest
 * covariance is 0 (nobody differs), or below two attempts; may be negative.
 */
export function discriminativeEfficiency(
	sums: ItemSums | undefined,
	scores: Marginal | undefined,
	rests: Marginal | undefined
): number | null {
	if (!sums || !scores || !rests || sums.n < 2) return null;
	const { n, sx, sxx, sxt, st } = sums;
	const sr = st - sx;
	const covariance = sxt - sxx - (sx * sr) / n;
	const x = [...scores].sort((a, b) => a[0] - b[0]);
	const r = [...rests].sort((a, b) => a[0] - b[0]);
	// The pairing in millionths, as kept, with the means of the same rounded values, so that a
	// marginal with no spread gives exactly no covariance.
	let paired = 0;
	let i = 0;
	let j = 0;
	let leftX = x[0]?.[1] ?? 0;
	let leftR = r[0]?.[1] ?? 0;
	while (i < x.length && j < r.length) {
		const k = Math.min(leftX, leftR);
		paired += k * x[i]![0] * r[j]![0];
		leftX -= k;
		leftR -= k;
		if (leftX === 0) leftX = x[++i]?.[1] ?? 0;
		if (leftR === 0) leftR = r[++j]?.[1] ?? 0;
	}
	const total = (marginal: [number, number][]) =>
		marginal.reduce((sum, [value, count]) => sum + value * count, 0);
	const largest = (paired - (total(x) * total(r)) / n) / 1e12;
	if (largest <= 1e-9 * Math.max(1, Math.abs(paired) / 1e12)) return null;
	return covariance / largest;
}

/** Moodle marks a discriminative efficiency under 15 % as dubious. */
export const DUBIOUS_EFFICIENCY = 0.15;
