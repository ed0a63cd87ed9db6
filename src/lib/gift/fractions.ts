// The credits Moodle accepts for an answer (its question bank's "full" list of fractions):
// p/q for q ≤ 6, tenths, 1/q for q ≤ 10, 1/20, each also negative. An import of any other
// value fails in Moodle, so we refuse it too and name the nearest one.

const POSITIVE = [
	1,
	9 / 10,
	5 / 6,
	4 / 5,
	3 / 4,
	7 / 10,
	2 / 3,
	3 / 5,
	1 / 2,
	2 / 5,
	1 / 3,
	3 / 10,
	1 / 4,
	1 / 5,
	1 / 6,
	1 / 7,
	1 / 8,
	1 / 9,
	1 / 10,
	1 / 20
];

export const MOODLE_FRACTIONS = [...POSITIVE, 0, ...POSITIVE.map((f) => -f)];

/** Moodle's own test: within 0.00001 of a listed fraction. */
const TOLERANCE = 0.00001;

/** The listed fraction `fraction` stands for (exact, e.g. 1/3), or undefined if there is none. */
export function moodleFraction(fraction: number): number | undefined {
	return MOODLE_FRACTIONS.find((listed) => Math.abs(listed - fraction) < TOLERANCE);
}

export function nearestMoodleFraction(fraction: number): number {
	return MOODLE_FRACTIONS.reduce((best, listed) =>
		Math.abs(listed - fraction) < Math.abs(best - fraction) ? listed : best
	);
}

/** A fraction as Moodle writes a percentage: at most five decimals. */
export const percent = (fraction: number) => String(Number((fraction * 100).toFixed(5)));
