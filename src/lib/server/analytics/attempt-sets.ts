// Which of one student's submitted attempts at a quiz fall in each set the statistics offer.
import type { AttemptSet } from '../db/schema';
import type { Grading } from './shared';

export interface SubmittedAttempt {
	id: number;
	/** The attempt's score, 0–1 (a missing one counts 0). */
	grade: number;
	startedAt: number;
	submittedAt: number;
}

/** Earliest started first; ids break ties, as in stats-rebuild.ts's SQL. */
const byStart = (a: SubmittedAttempt, b: SubmittedAttempt) =>
	a.startedAt - b.startedAt || a.id - b.id;

/** The attempt a grading method counts: all of them for "average", else one. */
function counted(grading: Grading, attempts: SubmittedAttempt[]): SubmittedAttempt[] {
	if (grading === 'average' || attempts.length === 0) return attempts;
	const [chosen] = [...attempts].sort(
		grading === 'highest'
			? // The best grade; the earliest of equal ones, as Moodle takes the first best attempt.
				(a, b) => b.grade - a.grade || byStart(a, b)
			: // The last submitted, as quizGrade and the class grid take it.
				(a, b) => b.submittedAt - a.submittedAt || byStart(b, a)
	);
	return [chosen!];
}

export function attemptSetsOf(
	grading: Grading,
	attempts: SubmittedAttempt[]
): Record<AttemptSet, number[]> {
	const ordered = [...attempts].sort(byStart);
	return {
		counted: counted(grading, ordered).map((a) => a.id),
		first: ordered.slice(0, 1).map((a) => a.id),
		all: ordered.map((a) => a.id)
	};
}
