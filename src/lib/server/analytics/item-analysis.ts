// Item statistics for one quiz and one class, with Moodle's quiz statistics definitions:
// facility index = mean item score ÷ maximum (1 here); discrimination index = Pearson's r
// between the item score and the rest of the test (the attempt's total minus this item).
import type { Question } from '$lib/content/quiz-schema';
import type { AttemptSet } from '../db/schema';
import { keyChanges, type VersionFigures } from './key-changes';
import {
	discriminativeEfficiency,
	DUBIOUS_EFFICIENCY,
	effectiveWeights,
	itemDeviation,
	randomGuessScore,
	type Marginal
} from './question-figures';
import { quizStatistics, type QuizStatistics } from './quiz-statistics';
import { frequentResponses, type FrequentResponse } from './response-analysis';
import { rows } from './shared';

export interface OptionShare {
	id: string;
	text: string;
	/** Attempts choosing the option (for multiple answer: picking it among others). */
	count: number;
	/** `count` ÷ the attempts given the question. */
	share: number;
	/** Part of the key, so an instructor can see a popular wrong reading at a glance. */
	correct: boolean;
}

export interface ItemStats {
	questionKey: string;
	prompt: string;
	type: string;
	attempts: number;
	/**
	 * Of `attempts`, those given an earlier version. Versions are pooled, as an edit is usually a
	 * rewording; the page says so, since a changed key would mix two questions' figures.
	 */
	earlierAttempts: number;
	/** Of `attempts`, those that left the question unanswered (scored 0). */
	unanswered: number;
	/** False for a question no longer in the quiz file, shown for the attempts it was in. */
	inQuiz: boolean;
	facility: number | null;
	discrimination: number | null;
	/** Discrimination relative to the most the question's and the rest's spreads allow (Moodle's). */
	discriminativeEfficiency: number | null;
	/** The standard deviation of the item score (0–1). */
	sd: number | null;
	randomGuessScore: number | null;
	/** The question's share of the quiz's marks (all weigh the same); null once it has left. */
	intendedWeight: number | null;
	/** Its share of the spread of the totals (Moodle's effective weight). */
	effectiveWeight: number | null;
	options: OptionShare[];
	/** For questions without options: the most frequent responses, with their credit. */
	responses: FrequentResponse[];
	/** Each version with its own facility, when the key or options changed between them. */
	versions: VersionFigures[];
	flags: string[];
	citations: { source: string; quote: string }[];
	explanation: string;
}

/** Per-question sums over the attempts given it: x is the item score, t the attempt's total. */
export interface ItemSums {
	n: number;
	sx: number;
	sxx: number;
	sxt: number;
	st: number;
	stt: number;
}

/**
 * Below this many attempts at a question, its figures say too little for a flag: two students
 * who both got it right do not make it "almost everyone right".
 */
export const MIN_FLAG_ATTEMPTS = 5;

/** Variances this small relative to their terms are rounding noise, not spread. */
const EPSILON = 1e-9;

/** Facility and discrimination from the sums; null where they are undefined. */
export function statsFromSums(sums: ItemSums): {
	facility: number | null;
	discrimination: number | null;
} {
	const { n, sx, sxx, sxt, st, stt } = sums;
	if (n === 0) return { facility: null, discrimination: null };
	const facility = sx / n;
	if (n < 2) return { facility, discrimination: null };
	// The rest of the test, r = t − x, from the same sums.
	const sr = st - sx;
	const srr = stt - 2 * sxt + sxx;
	const sxr = sxt - sxx;
	const varX = n * sxx - sx * sx;
	const varR = n * srr - sr * sr;
	if (varX <= EPSILON * Math.max(1, n * sxx) || varR <= EPSILON * Math.max(1, n * srr)) {
		return { facility, discrimination: null };
	}
	const r = (n * sxr - sx * sr) / Math.sqrt(varX * varR);
	return { facility, discrimination: Math.max(-1, Math.min(1, r)) };
}

/**
 * The warnings an instructor sees beside a question, decided on the figures as the page shows
 * them (facility in whole per cent, discrimination to two decimals), so a question shown at 0.20
 * is never called weak.
 */
export function itemFlags(
	facility: number | null,
	discrimination: number | null,
	efficiency: number | null = null
): string[] {
	const flags: string[] = [];
	if (discrimination !== null) {
		// Exactly as the page's toFixed(2) rounds it (which can differ from Math.round at a tie).
		const shown = Number(discrimination.toFixed(2));
		if (shown < 0) flags.push('negative discrimination');
		else if (shown < 0.2) flags.push('weak discrimination');
	}
	if (facility !== null) {
		const shown = Math.round(facility * 100);
		if (shown >= 95) flags.push('almost everyone right');
		if (shown <= 10) flags.push('almost everyone wrong');
	}
	// Shown in per cent to one decimal.
	if (efficiency !== null && Number((efficiency * 100).toFixed(1)) < DUBIOUS_EFFICIENCY * 100)
		flags.push('dubious discriminative efficiency');
	return flags;
}

interface VersionRow {
	id: number;
	questionKey: string;
	type: string;
	body: string;
	position: number;
	isCurrent: number;
}

interface Choice {
	id: string;
	text: string;
	correct: boolean;
}

/** The choices a question offers, as its option distribution lists them. */
function choicesOf(question: Question): Choice[] {
	switch (question.type) {
		case 'single':
			// Options may carry their own credit (Moodle's): any earning full credit is in the key.
			return question.options.map(({ id, text, credit }) => ({
				id,
				text,
				correct: id === question.answer || credit === 1
			}));
		case 'multiple':
			return question.options.map(({ id, text }) => ({
				id,
				text,
				correct: question.answers.includes(id)
			}));
		case 'evidence':
			return question.sentences.map(({ id, text }) => ({
				id,
				text,
				correct: id === question.answer
			}));
		case 'truefalse':
			return [
				{ id: 'true', text: 'True', correct: question.answer },
				{ id: 'false', text: 'False', correct: !question.answer }
			];
		default:
			return [];
	}
}

const withOptions = new Set(['single', 'multiple', 'evidence', 'truefalse']);

interface QuestionStatsRow {
	versionId: number;
	attempts: number;
	answered: number;
	sx: number;
	sxx: number;
	sxt: number;
	st: number;
	stt: number;
}

export interface ItemAnalysis {
	attemptSet: AttemptSet;
	/** The attempts and the students the figures rest on. */
	attempts: number;
	students: number;
	summary: QuizStatistics;
	items: ItemStats[];
}

/**
 * Reads the class's statistics for the quiz, kept on write (stats-upkeep.ts): a row per question
 * version and per option chosen, however many attempts there are.
 */
export async function itemAnalysis(
	classId: number,
	quizId: string,
	attemptSet: AttemptSet = 'counted'
): Promise<ItemAnalysis> {
	const versions = await rows<VersionRow>(
		`SELECT id, question_key AS questionKey, type, body, position, is_current AS isCurrent
		FROM question_versions WHERE quiz_id = ? ORDER BY id`,
		quizId
	);
	const keyOf = new Map(versions.map((v) => [v.id, v.questionKey]));
	// The version that speaks for each key: the current one, else the latest.
	const shown = new Map<string, VersionRow>();
	for (const version of versions) {
		const held = shown.get(version.questionKey);
		if (!held || version.isCurrent || !held.isCurrent) shown.set(version.questionKey, version);
	}
	const bodies = new Map(versions.map((v) => [v.id, JSON.parse(v.body) as Question]));
	const scope = { classId, quizId, attemptSet };

	// Sums per question key: the sums per version add up, so versions merge exactly.
	const sums = new Map<string, ItemSums>();
	const givenByVersion = new Map<number, number>();
	const scoreByVersion = new Map<number, number>();
	const unanswered = new Map<string, number>();
	for (const row of await rows<QuestionStatsRow>(
		`SELECT question_version_id AS versionId, attempts, answered, sum_score AS sx,
			sum_score2 AS sxx, sum_score_total AS sxt, sum_total AS st, sum_total2 AS stt
		FROM question_stats
		WHERE class_id = :classId AND quiz_id = :quizId AND attempt_set = :attemptSet`,
		scope
	)) {
		givenByVersion.set(row.versionId, row.attempts);
		scoreByVersion.set(row.versionId, row.sx);
		const key = keyOf.get(row.versionId) ?? `#${row.versionId}`;
		unanswered.set(key, (unanswered.get(key) ?? 0) + row.attempts - row.answered);
		const item = sums.get(key) ?? { n: 0, sx: 0, sxx: 0, sxt: 0, st: 0, stt: 0 };
		item.n += row.attempts;
		item.sx += row.sx;
		item.sxx += row.sxx;
		item.sxt += row.sxt;
		item.st += row.st;
		item.stt += row.stt;
		sums.set(key, item);
	}
	const picks = new Map<string, Map<string, number>>();
	for (const row of await rows<{ versionId: number; choice: string; attempts: number }>(
		`SELECT question_version_id AS versionId, choice, attempts FROM choice_counts
		WHERE class_id = :classId AND quiz_id = :quizId AND attempt_set = :attemptSet`,
		scope
	)) {
		const key = keyOf.get(row.versionId)!;
		const counts = picks.get(key) ?? new Map<string, number>();
		counts.set(row.choice, (counts.get(row.choice) ?? 0) + row.attempts);
		picks.set(key, counts);
	}

	// Item and rest score counts per question key, versions pooled as the sums are.
	const marks = new Map<string, { score: Marginal; rest: Marginal }>();
	for (const row of await rows<{
		versionId: number;
		axis: 'score' | 'rest';
		micros: number;
		attempts: number;
	}>(
		`SELECT question_version_id AS versionId, axis, micros, attempts FROM question_marks
		WHERE class_id = :classId AND quiz_id = :quizId AND attempt_set = :attemptSet`,
		scope
	)) {
		const key = keyOf.get(row.versionId) ?? `#${row.versionId}`;
		let held = marks.get(key);
		if (!held) marks.set(key, (held = { score: new Map(), rest: new Map() }));
		const marginal = held[row.axis];
		marginal.set(row.micros, (marginal.get(row.micros) ?? 0) + row.attempts);
	}

	const keys = [...shown.values()]
		.filter((v) => v.isCurrent || sums.has(v.questionKey))
		.sort(
			(a, b) =>
				b.isCurrent - a.isCurrent ||
				a.position - b.position ||
				a.questionKey.localeCompare(b.questionKey)
		);

	const current = keys.filter((version) => version.isCurrent).length;
	const weights = effectiveWeights(keys.map((version) => sums.get(version.questionKey)));
	const items = keys.map((version, index): ItemStats => {
		const question = bodies.get(version.id)!;
		const itemSums = sums.get(version.questionKey);
		const n = itemSums?.n ?? 0;
		const { facility, discrimination } = itemSums
			? statsFromSums(itemSums)
			: { facility: null, discrimination: null };
		const itemMarks = marks.get(version.questionKey);
		const efficiency =
			discrimination === null
				? null
				: discriminativeEfficiency(itemSums, itemMarks?.score, itemMarks?.rest);

		let options: OptionShare[] = [];
		if (withOptions.has(version.type)) {
			const counts = picks.get(version.questionKey) ?? new Map<string, number>();
			const choices = choicesOf(question);
			// Options only older versions offered still show, named as those versions named them.
			for (const id of counts.keys()) {
				if (choices.some((choice) => choice.id === id)) continue;
				const older = versions
					.filter((v) => v.questionKey === version.questionKey)
					.reverse()
					.flatMap((v) => choicesOf(bodies.get(v.id)!))
					.find((choice) => choice.id === id);
				// Graded against the key of the version that offered it, which may have differed.
				choices.push({ id, text: older?.text ?? id, correct: older?.correct ?? false });
			}
			options = choices.map(({ id, text, correct }) => {
				const count = counts.get(id) ?? 0;
				return { id, text, count, share: n > 0 ? count / n : 0, correct };
			});
		}

		return {
			questionKey: version.questionKey,
			prompt: question.prompt,
			type: version.type,
			attempts: n,
			unanswered: unanswered.get(version.questionKey) ?? 0,
			inQuiz: !!version.isCurrent,
			earlierAttempts: versions
				.filter((v) => v.questionKey === version.questionKey && v.id !== version.id)
				.reduce((sum, v) => sum + (givenByVersion.get(v.id) ?? 0), 0),
			facility,
			discrimination,
			discriminativeEfficiency: efficiency,
			sd: itemDeviation(itemSums),
			randomGuessScore: randomGuessScore(question),
			intendedWeight: version.isCurrent ? 1 / current : null,
			effectiveWeight: weights[index]!,
			options,
			responses: withOptions.has(version.type)
				? []
				: frequentResponses(question, picks.get(version.questionKey) ?? new Map(), n),
			versions: keyChanges(
				versions
					.filter((v) => v.questionKey === version.questionKey)
					.map((v) => ({
						question: bodies.get(v.id)!,
						current: !!v.isCurrent,
						attempts: givenByVersion.get(v.id) ?? 0,
						sumScore: scoreByVersion.get(v.id) ?? 0
					}))
			),
			flags: n >= MIN_FLAG_ATTEMPTS ? itemFlags(facility, discrimination, efficiency) : [],
			citations: (question.citations ?? []).map(({ source, quote }) => ({ source, quote })),
			explanation: question.explanation ?? ''
		};
	});

	const summary = await quizStatistics(classId, quizId, attemptSet, [...sums.values()]);
	return { attemptSet, attempts: summary.attempts, students: summary.students, summary, items };
}
