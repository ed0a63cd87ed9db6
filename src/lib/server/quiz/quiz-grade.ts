import type { Attempt } from '../db/schema';

export type GradingMethod = 'highest' | 'last' | 'average';

/** The learner's grade for a quiz under its grading method, from submitted attempts (0–1). */
export function quizGrade(
	method: GradingMethod,
	history: Pick<Attempt, 'status' | 'score'>[]
): number | null {
	const scores = history.filter((a) => a.status === 'submitted').map((a) => a.score ?? 0);
	if (scores.length === 0) return null;
	if (method === 'highest') return Math.max(...scores);
	if (method === 'last') return scores.at(-1)!;
	return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}
