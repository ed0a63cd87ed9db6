// Moodle's quiz-level statistics ("Quiz overall statistics"), from the sums kept on write:
// https://docs.moodle.org/dev/Quiz_statistics_calculations. Grades are attempt scores (0–1).
import type { AttemptSet } from '../db/schema';
import type { ItemSums } from './item-analysis';
import { rows } from './shared';

/** Σ of the powers 1–4 of the grades g, and of 1–2 of the totals t, over n attempts. */
export interface GradeSums {
	n: number;
	sg: number;
	sg2: number;
	sg3: number;
	sg4: number;
	st: number;
	st2: number;
}

export interface QuizStatistics {
	attemptSet: AttemptSet;
	attempts: number;
	students: number;
	mean: number | null;
	median: number | null;
	standardDeviation: number | null;
	skewness: number | null;
	kurtosis: number | null;
	/** Coefficient of internal consistency (Cronbach's α), in per cent as Moodle shows it. */
	internalConsistency: number | null;
	/** In per cent: the share of the spread that is random error. */
	errorRatio: number | null;
	/** In grade units (0–1), like the standard deviation. */
	standardError: number | null;
	firstAttempts: { count: number; average: number | null };
	allAttempts: { count: number; average: number | null };
}

/** The sample variance from a count and the sums of x and x². */
export const sampleVariance = (n: number, s: number, s2: number) =>
	n > 1 ? Math.max(0, (s2 - (s * s) / n) / (n - 1)) : null;

/** The median grade from how many attempts had each grade, in millionths (sorted or not). */
export function medianOf(counts: { gradeMicros: number; attempts: number }[]): number | null {
	const sorted = [...counts].sort((a, b) => a.gradeMicros - b.gradeMicros);
	const n = sorted.reduce((sum, row) => sum + row.attempts, 0);
	if (n === 0) return null;
	// The (n+1)/2-th grade; for even n, the mean of the two middle ones.
	const at = (rank: number) => {
		let seen = 0;
		for (const row of sorted) if ((seen += row.attempts) >= rank) return row.gradeMicros / 1e6;
		return sorted.at(-1)!.gradeMicros / 1e6;
	};
	return n % 2 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
}

/**
 * Mean, SD, skewness and kurtosis (Moodle's k-statistics: the bias-corrected G1 and excess G2),
 * then the internal consistency of p questions whose mark variances sum to `itemVariance`.
 */
export function gradeStatistics(sums: GradeSums, questions: number, itemVariance: number) {
	const { n, sg, sg2, sg3, sg4 } = sums;
	const none = { mean: null, standardDeviation: null, skewness: null, kurtosis: null };
	const blank = { internalConsistency: null, errorRatio: null, standardError: null };
	if (n === 0) return { ...none, ...blank };
	const mean = sg / n;
	if (n < 2) return { ...none, mean, ...blank };
	// Central moments from the power sums.
	const m2 = (sg2 - n * mean * mean) / n;
	const m3 = (sg3 - 3 * mean * sg2 + 3 * mean * mean * sg - n * mean ** 3) / n;
	const m4 =
		(sg4 - 4 * mean * sg3 + 6 * mean * mean * sg2 - 4 * mean ** 3 * sg + n * mean ** 4) / n;
	const k2 = (n * m2) / (n - 1);
	const standardDeviation = Math.sqrt(Math.max(0, k2));
	if (n < 3 || k2 <= 1e-12) return { ...none, mean, standardDeviation, ...blank };
	const k3 = (n * n * m3) / ((n - 1) * (n - 2));
	const skewness = k3 / k2 ** 1.5;
	const kurtosis =
		n > 3
			? (n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2)) / ((n - 1) * (n - 2) * (n - 3)) / (k2 * k2)
			: null;
	const totalVariance = sampleVariance(n, sums.st, sums.st2);
	if (questions < 2 || !totalVariance)
		return { mean, standardDeviation, skewness, kurtosis, ...blank };
	const internalConsistency =
		((100 * questions) / (questions - 1)) * (1 - itemVariance / totalVariance);
	const errorRatio = 100 * Math.sqrt(Math.max(0, 1 - internalConsistency / 100));
	return {
		mean,
		standardDeviation,
		skewness,
		kurtosis,
		internalConsistency,
		errorRatio,
		standardError: (errorRatio / 100) * standardDeviation
	};
}

interface QuizStatsRow extends GradeSums {
	attemptSet: AttemptSet;
	students: number;
}

/** The quiz's statistics over one set of attempts, with `items` its questions' sums. */
export async function quizStatistics(
	classId: number,
	quizId: string,
	attemptSet: AttemptSet,
	items: ItemSums[]
): Promise<QuizStatistics> {
	const sets = new Map(
		(
			await rows<QuizStatsRow>(
				`SELECT attempt_set AS attemptSet, students, attempts AS n, sum_grade AS sg,
					sum_grade2 AS sg2, sum_grade3 AS sg3, sum_grade4 AS sg4, sum_total AS st,
					sum_total2 AS st2
				FROM quiz_stats WHERE class_id = ? AND quiz_id = ?`,
				classId,
				quizId
			)
		).map((row) => [row.attemptSet, row])
	);
	const chosen = sets.get(attemptSet) ?? {
		attemptSet,
		students: 0,
		n: 0,
		sg: 0,
		sg2: 0,
		sg3: 0,
		sg4: 0,
		st: 0,
		st2: 0
	};
	const counts = await rows<{ gradeMicros: number; attempts: number }>(
		`SELECT grade_micros AS gradeMicros, attempts FROM grade_counts
		WHERE class_id = ? AND quiz_id = ? AND attempt_set = ?`,
		classId,
		quizId,
		attemptSet
	);
	const given = items.filter((item) => item.n > 0);
	const itemVariance = given.reduce(
		(sum, item) => sum + (sampleVariance(item.n, item.sx, item.sxx) ?? 0),
		0
	);
	const summary = (set: AttemptSet) => {
		const row = sets.get(set);
		return { count: row?.n ?? 0, average: row?.n ? row.sg / row.n : null };
	};
	return {
		attemptSet,
		attempts: chosen.n,
		students: chosen.students,
		median: medianOf(counts),
		...gradeStatistics(chosen, given.length, itemVariance),
		firstAttempts: summary('first'),
		allAttempts: summary('all')
	};
}
