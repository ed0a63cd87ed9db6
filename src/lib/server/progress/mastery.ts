// Mastery per module, after Khan Academy's levels. The rule, in order:
// - not started: nothing answered in the module;
// - attempted: something answered, module score under 70 %;
// - familiar: module score 70 % or more;
// - proficient: 90 % or more, with every lesson quiz submitted;
// - mastered: proficient, and at least 80 % of the module's review cards answered right in a
//   review, none of them lapsed now.
// The module score is the mean of its lesson quiz grades (each by its grading method), with an
// unsubmitted quiz counting 0. Lapses (a review answered wrong, not yet answered right again)
// pull the level down: any lapse caps it at proficient, lapses on a fifth of the cards at familiar.

export const masteryLevels = [
	'not started',
	'attempted',
	'familiar',
	'proficient',
	'mastered'
] as const;
export type MasteryLevel = (typeof masteryLevels)[number];

export interface ModuleEvidence {
	/** One entry per lesson quiz in the module: its grade 0–1, or null if never submitted. */
	quizGrades: (number | null)[];
	/** Whether anything in the module has been answered (an attempt answer or a card). */
	answeredAny: boolean;
	cards: { total: number; reviewedRight: number; lapsed: number };
}

export function moduleScore(quizGrades: (number | null)[]): number {
	if (quizGrades.length === 0) return 0;
	const mean = quizGrades.reduce<number>((sum, grade) => sum + (grade ?? 0), 0) / quizGrades.length;
	// Rounded so that three quizzes at 70 % make 70 %, not 69.999…
	return Math.round(mean * 1e9) / 1e9;
}

export function masteryLevel(evidence: ModuleEvidence): MasteryLevel {
	if (!evidence.answeredAny) return 'not started';
	const score = moduleScore(evidence.quizGrades);
	const allSubmitted =
		evidence.quizGrades.length > 0 && evidence.quizGrades.every((g) => g !== null);
	const { total, reviewedRight, lapsed } = evidence.cards;

	let level: MasteryLevel =
		score >= 0.9 && allSubmitted ? 'proficient' : score >= 0.7 ? 'familiar' : 'attempted';
	if (level === 'proficient' && total > 0 && reviewedRight >= 0.8 * total && lapsed === 0)
		level = 'mastered';

	const cap: MasteryLevel =
		total > 0 && lapsed >= 0.2 * total ? 'familiar' : lapsed > 0 ? 'proficient' : 'mastered';
	return masteryLevels.indexOf(level) > masteryLevels.indexOf(cap) ? cap : level;
}
