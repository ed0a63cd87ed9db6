// The item analysis as tables for a spreadsheet or a script: the quiz summary and one row per
// question, with the same figures the page shows (shares in per cent, unrounded but for noise).
import type { ItemAnalysis } from './item-analysis';

/** A 0–1 share in per cent, to a hundredth of a per cent; blank where undefined. */
const percent = (value: number | null) => (value === null ? null : Math.round(value * 1e4) / 1e2);
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 1e4) / 1e4);

export function summaryRows({ attemptSet, students, summary }: ItemAnalysis) {
	return [
		['Attempts the figures rest on', attemptSet],
		['Attempts', summary.attempts],
		['Students', students],
		['Average grade (%)', percent(summary.mean)],
		['Median grade (%)', percent(summary.median)],
		['Standard deviation (%)', percent(summary.standardDeviation)],
		['Skewness', rounded(summary.skewness)],
		['Kurtosis', rounded(summary.kurtosis)],
		['Internal consistency (%)', rounded(summary.internalConsistency)],
		['Error ratio (%)', rounded(summary.errorRatio)],
		['Standard error (%)', percent(summary.standardError)],
		['First attempts', summary.firstAttempts.count],
		['Average grade of first attempts (%)', percent(summary.firstAttempts.average)],
		['All attempts', summary.allAttempts.count],
		['Average grade of all attempts (%)', percent(summary.allAttempts.average)]
	].map(([statistic, value]) => ({ Statistic: statistic, Value: value }));
}

export const questionColumns = [
	'Number',
	'Question',
	'Type',
	'Prompt',
	'In the quiz',
	'Attempts',
	'With an earlier version',
	'No answer',
	'Facility (%)',
	'Standard deviation (%)',
	'Random guess score (%)',
	'Intended weight (%)',
	'Effective weight (%)',
	'Discrimination index',
	'Discriminative efficiency (%)',
	'Flags'
];

export function questionRows({ items }: ItemAnalysis) {
	return items.map((item, index) => ({
		Number: index + 1,
		Question: item.questionKey,
		Type: item.type,
		Prompt: item.prompt,
		'In the quiz': item.inQuiz ? 'yes' : 'no',
		Attempts: item.attempts,
		'With an earlier version': item.earlierAttempts,
		'No answer': item.unanswered,
		'Facility (%)': percent(item.facility),
		'Standard deviation (%)': percent(item.sd),
		'Random guess score (%)': percent(item.randomGuessScore),
		'Intended weight (%)': percent(item.intendedWeight),
		'Effective weight (%)': percent(item.effectiveWeight),
		'Discrimination index': rounded(item.discrimination),
		'Discriminative efficiency (%)': percent(item.discriminativeEfficiency),
		Flags: item.flags.join('; ')
	}));
}
