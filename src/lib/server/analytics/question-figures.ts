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
