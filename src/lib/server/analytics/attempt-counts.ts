// How many attempts and students each set of attempts holds, for the item analysis's filter.
import { z } from 'zod';
import { attemptSets, type AttemptSet } from '../db/schema';
import { rows, type Grading } from './shared';

/** The `attempts` query parameter; anything else falls back to the counted attempts. */
export const attemptSetParam = z.enum(attemptSets).catch('counted');

const countedBy: Record<Grading, string> = {
	highest: 'each student’s highest-graded attempt, as the quiz grades by the highest',
	last: 'each student’s last attempt, as the quiz grades by the last',
	average: 'every attempt, as the quiz grades by the average of them all'
};

export interface AttemptSetCount {
	attemptSet: AttemptSet;
	label: string;
	attempts: number;
	students: number;
}

export async function attemptSetCounts(
	classId: number,
	quizId: string
): Promise<AttemptSetCount[]> {
	const [quiz] = await rows<{ grading: Grading }>(
		`SELECT grading FROM quizzes WHERE id = ?`,
		quizId
	);
	const found = new Map(
		(
			await rows<{ attemptSet: AttemptSet; attempts: number; students: number }>(
				`SELECT attempt_set AS attemptSet, attempts, students FROM quiz_stats
				WHERE class_id = ? AND quiz_id = ?`,
				classId,
				quizId
			)
		).map((row) => [row.attemptSet, row])
	);
	const labels: Record<AttemptSet, string> = {
		counted: `Counted for the grade: ${countedBy[quiz?.grading ?? 'highest']}`,
		first: 'First attempts: each student’s first',
		all: 'All attempts'
	};
	return attemptSets.map((attemptSet) => ({
		attemptSet,
		label: labels[attemptSet],
		attempts: found.get(attemptSet)?.attempts ?? 0,
		students: found.get(attemptSet)?.students ?? 0
	}));
}
