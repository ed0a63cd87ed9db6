/** A 0–1 score as a whole percentage, or a dash where there is none yet. */
export const percent = (score: number | null) =>
	score === null ? '–' : `${Math.round(score * 100)}%`;
