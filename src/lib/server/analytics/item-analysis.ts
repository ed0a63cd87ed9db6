// Item statistics for one quiz and one class, with Moodle's quiz statistics definitions:
// facility index = mean item score ÷ maximum (1 here); discrimination index = Pearson's r
// between the item score and the rest of the test (the attempt's total minus this item).
import type { Question } from '$lib/content/quiz-schema';
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
	facility: number | null;
	discrimination: number | null;
	options: OptionShare[];
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

/** The warnings an instructor sees beside a question. */
export function itemFlags(facility: number | null, discrimination: number | null): string[] {
	const flags: string[] = [];
	if (discrimination !== null) {
		if (discrimination < 0) flags.push('negative discrimination');
		else if (discrimination < 0.2) flags.push('weak discrimination');
	}
	if (facility !== null) {
		if (facility >= 0.95) flags.push('almost everyone right');
		if (facility <= 0.1) flags.push('almost everyone wrong');
	}
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
			return question.options.map(({ id, text }) => ({
				id,
				text,
				correct: id === question.answer
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

/**
 * What a choice answer picked: the option id (single, evidence), the JSON array of ids
 * (multiple) or 1/0 (true/false). Exactly the expression of answers_version_choice_idx
 * (drizzle/0004_answers_choice_index.sql), so SQLite reads it from the index.
 */
export const answerChoice =
	"coalesce(json_extract(response, '$.optionId'), json_extract(response, '$.optionIds'), json_extract(response, '$.value'))";

/**
 * One statement. `att` holds each submitted attempt by a member with its total t (unanswered
 * questions score 0, so the answers' sum) and the versions it was given. `answered` walks this
 * quiz's answers in the order of answers_version_choice_idx, so grouping them by version, score
 * and choice needs no sort, and looks each one's attempt up in `att` (other classes' attempts
 * drop out there). The rows that come out are:
 *   given:    per set of versions given → attempts, SUM(t), SUM(t*t)
 *   answered: per version → SUM(x), SUM(x*x), SUM(x*t)
 *   option:   per version and option chosen → attempts choosing it
 */
export const statsQuery = `WITH att AS MATERIALIZED (
	SELECT a.id,
		(SELECT TOTAL(score) FROM answers WHERE attempt_id = a.id) AS t,
		(SELECT group_concat(question_version_id) FROM attempt_questions WHERE attempt_id = a.id)
			AS given
	FROM attempts a
	JOIN class_members cm ON cm.class_id = :classId AND cm.user_id = a.user_id
	WHERE a.quiz_id = :quizId AND a.status = 'submitted'
),
answered AS MATERIALIZED (
	SELECT answers.question_version_id AS versionId, answers.score AS x, ${answerChoice} AS choice,
		COUNT(*) AS n, TOTAL(att.t) AS st
	FROM answers CROSS JOIN att ON att.id = answers.attempt_id
	WHERE answers.question_version_id IN (SELECT id FROM question_versions WHERE quiz_id = :quizId)
	GROUP BY 1, 2, 3
)
SELECT 'given' AS kind, given AS ref, NULL AS optionId,
	COUNT(*) AS n, TOTAL(t) AS a, TOTAL(t * t) AS b, NULL AS c
FROM att GROUP BY given
UNION ALL
SELECT 'answered', versionId, NULL, NULL, TOTAL(x * n), TOTAL(x * x * n), TOTAL(x * st)
FROM answered GROUP BY versionId
UNION ALL
SELECT 'option', versionId, choice, TOTAL(n), NULL, NULL, NULL
FROM answered WHERE versionId IN (SELECT value FROM json_each(:single))
GROUP BY versionId, choice
UNION ALL
SELECT 'option', versionId, CASE choice WHEN 1 THEN 'true' WHEN 0 THEN 'false' END,
	TOTAL(n), NULL, NULL, NULL
FROM answered WHERE versionId IN (SELECT value FROM json_each(:truefalse))
GROUP BY versionId, 3
UNION ALL
SELECT 'option', versionId, picked.value, TOTAL(n), NULL, NULL, NULL
FROM answered, json_each(answered.choice) AS picked
WHERE versionId IN (SELECT value FROM json_each(:multiple))
GROUP BY versionId, 3`;

interface StatsRow {
	kind: 'given' | 'answered' | 'option';
	/** The versions given (comma-separated) for `given`, else one version id. */
	ref: string | number | null;
	optionId: string | number | null;
	n: number | null;
	a: number | null;
	b: number | null;
	c: number | null;
}

export async function itemAnalysis(
	classId: number,
	quizId: string
): Promise<{ attempts: number; items: ItemStats[] }> {
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
	const idsOfType = (...types: string[]) =>
		JSON.stringify(versions.filter((v) => types.includes(v.type)).map((v) => v.id));

	// Sums per question key: the SQL sums per version (set) add up, so versions merge exactly.
	const sums = new Map<string, ItemSums>();
	const sumsOf = (versionId: number) => {
		const key = keyOf.get(versionId) ?? `#${versionId}`;
		let found = sums.get(key);
		if (!found) sums.set(key, (found = { n: 0, sx: 0, sxx: 0, sxt: 0, st: 0, stt: 0 }));
		return found;
	};
	const picks = new Map<string, Map<string, number>>();
	const givenByVersion = new Map<number, number>();
	let attempts = 0;
	for (const row of await rows<StatsRow>(statsQuery, {
		classId,
		quizId,
		single: idsOfType('single', 'evidence'),
		truefalse: idsOfType('truefalse'),
		multiple: idsOfType('multiple')
	})) {
		if (row.kind === 'given') {
			attempts += row.n!;
			if (row.ref === null) continue; // attempts given no questions
			for (const id of String(row.ref).split(',')) {
				givenByVersion.set(Number(id), (givenByVersion.get(Number(id)) ?? 0) + row.n!);
				const item = sumsOf(Number(id));
				item.n += row.n!;
				item.st += row.a!;
				item.stt += row.b!;
			}
		} else if (row.kind === 'answered') {
			const item = sumsOf(Number(row.ref));
			item.sx += row.a!;
			item.sxx += row.b!;
			item.sxt += row.c!;
		} else if (row.optionId !== null) {
			const key = keyOf.get(Number(row.ref))!;
			const counts = picks.get(key) ?? new Map<string, number>();
			const id = String(row.optionId);
			counts.set(id, (counts.get(id) ?? 0) + row.n!);
			picks.set(key, counts);
		}
	}

	const keys = [...shown.values()]
		.filter((v) => v.isCurrent || sums.has(v.questionKey))
		.sort(
			(a, b) =>
				b.isCurrent - a.isCurrent ||
				a.position - b.position ||
				a.questionKey.localeCompare(b.questionKey)
		);

	const items = keys.map((version): ItemStats => {
		const question = bodies.get(version.id)!;
		const itemSums = sums.get(version.questionKey);
		const n = itemSums?.n ?? 0;
		const { facility, discrimination } = itemSums
			? statsFromSums(itemSums)
			: { facility: null, discrimination: null };

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
			earlierAttempts: versions
				.filter((v) => v.questionKey === version.questionKey && v.id !== version.id)
				.reduce((sum, v) => sum + (givenByVersion.get(v.id) ?? 0), 0),
			facility,
			discrimination,
			options,
			flags: itemFlags(facility, discrimination),
			citations: (question.citations ?? []).map(({ source, quote }) => ({ source, quote })),
			explanation: question.explanation ?? ''
		};
	});

	return { attempts, items };
}
