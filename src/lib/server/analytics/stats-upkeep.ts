// Keeps the statistics tables (quiz_stats, grade_counts, question_stats, question_marks,
// choice_counts) equal to
// what stats-rebuild.ts would compute from the raw answers, by adding and taking away single
// attempts' contributions in the transaction that changes them. Every change to which attempts a
// class's statistics hold, or to what a held attempt scored, goes through here: a submission, a
// deleted attempt, an essay marked by hand, a student joining or leaving a class, a deleted account.
import { db } from '../db';
import { attemptSets, type AttemptSet } from '../db/schema';
import { attemptSetsOf } from './attempt-sets';
import { attemptsAt, refreshQuizSummary, type AttemptRow } from './quiz-summaries';
import type { Grading } from './shared';
import { statement } from '../db/prepared';

interface ItemFacts {
	versionId: number;
	/** The item score; 0 when left unanswered. */
	x: number;
	answered: boolean;
	choices: string[];
}

/** What one submitted attempt adds to each statistic. */
interface Contribution {
	quizId: string;
	grade: number;
	total: number;
	items: ItemFacts[];
}

/**
 * What an answer chose, as choice_counts names it (see stats-rebuild.ts's SQL): option ids, or
 * 'true'/'false', or for the other types the response itself (the text typed, the matches or the
 * order as JSON), so the most frequent ones can be listed.
 */
function choicesOf(type: string, response: string | null): string[] {
	if (response === null) return [];
	const parsed = JSON.parse(response) as {
		optionId?: unknown;
		optionIds?: unknown;
		value?: unknown;
		text?: unknown;
		matches?: unknown;
		order?: unknown;
	};
	switch (type) {
		case 'single':
		case 'evidence':
			return typeof parsed.optionId === 'string' ? [parsed.optionId] : [];
		case 'multiple':
			return Array.isArray(parsed.optionIds) ? parsed.optionIds.map(String) : [];
		case 'truefalse':
			return [parsed.value ? 'true' : 'false'];
		case 'short':
		case 'numeric':
			return typeof parsed.text === 'string' ? [parsed.text] : [];
		case 'matching':
			return parsed.matches && typeof parsed.matches === 'object'
				? [JSON.stringify(parsed.matches)]
				: [];
		case 'ordering':
			return Array.isArray(parsed.order) ? [JSON.stringify(parsed.order)] : [];
		default:
			return [];
	}
}

function contributionOf(attemptId: number): Contribution {
	const attempt = statement(
		`SELECT quiz_id AS quizId, COALESCE(score, 0) AS grade FROM attempts WHERE id = ?`
	).get(attemptId) as { quizId: string; grade: number };
	const given = statement(
		`SELECT aq.question_version_id AS versionId, qv.type AS type, an.score AS x,
			an.response AS response
		FROM attempt_questions aq
		JOIN question_versions qv ON qv.id = aq.question_version_id
		LEFT JOIN answers an
			ON an.attempt_id = aq.attempt_id AND an.question_version_id = aq.question_version_id
		WHERE aq.attempt_id = ? ORDER BY aq.position`
	).all(attemptId) as {
		versionId: number;
		type: string;
		x: number | null;
		response: string | null;
	}[];
	const items = given.map((row) => ({
		versionId: row.versionId,
		x: row.x ?? 0,
		answered: row.x !== null,
		choices: choicesOf(row.type, row.response)
	}));
	return {
		quizId: attempt.quizId,
		grade: attempt.grade,
		total: items.reduce((sum, item) => sum + item.x, 0),
		items
	};
}

/** What, beside the class, quiz and set, picks out one row of each kept table. */
const rowKey = {
	quiz_stats: 'students = 0',
	grade_counts: 'grade_micros = :micros',
	question_stats: 'question_version_id = :versionId',
	question_marks: 'question_version_id = :versionId AND axis = :axis AND micros = :micros',
	choice_counts: 'question_version_id = :versionId AND choice = :choice'
};

/**
 * After a subtraction, the row it touched goes if nothing is left in it, taking any rounding
 * residue of its sums along (a rebuild would not write it). Found by its whole key: a lookup, not
 * a scan of the class's rows.
 */
function dropIfEmpty(table: keyof typeof rowKey, params: Record<string, unknown>): void {
	statement(
		`DELETE FROM ${table} WHERE class_id = :classId AND quiz_id = :quizId AND attempt_set = :set
			AND ${rowKey[table]} AND attempts = 0`
	).run(params);
}

/** Adds (sign 1) or takes away (sign −1) one attempt's contribution to a class's set. */
function apply(classId: number, set: AttemptSet, c: Contribution, sign: 1 | -1): void {
	const key = { classId, quizId: c.quizId, set };
	const { grade: g, total: t } = c;
	statement(
		`INSERT INTO quiz_stats (class_id, quiz_id, attempt_set, students, attempts, sum_grade,
			sum_grade2, sum_grade3, sum_grade4, sum_total, sum_total2)
		VALUES (:classId, :quizId, :set, 0, :n, :g, :g2, :g3, :g4, :t, :t2)
		ON CONFLICT DO UPDATE SET attempts = attempts + :n, sum_grade = sum_grade + :g,
			sum_grade2 = sum_grade2 + :g2, sum_grade3 = sum_grade3 + :g3,
			sum_grade4 = sum_grade4 + :g4, sum_total = sum_total + :t, sum_total2 = sum_total2 + :t2`
	).run({
		...key,
		n: sign,
		g: sign * g,
		g2: sign * g ** 2,
		g3: sign * g ** 3,
		g4: sign * g ** 4,
		t: sign * t,
		t2: sign * t * t
	});
	if (sign < 0) dropIfEmpty('quiz_stats', key);
	const grade = { ...key, micros: Math.round(g * 1e6), n: sign };
	statement(
		`INSERT INTO grade_counts (class_id, quiz_id, attempt_set, grade_micros, attempts)
		VALUES (:classId, :quizId, :set, :micros, :n)
		ON CONFLICT DO UPDATE SET attempts = attempts + :n`
	).run(grade);
	if (sign < 0) dropIfEmpty('grade_counts', grade);
	for (const item of c.items) {
		const { versionId, x } = item;
		const version = { ...key, versionId };
		statement(
			`INSERT INTO question_stats (class_id, quiz_id, attempt_set, question_version_id, attempts,
				answered, sum_score, sum_score2, sum_score_total, sum_total, sum_total2)
			VALUES (:classId, :quizId, :set, :versionId, :n, :answered, :x, :x2, :xt, :t, :t2)
			ON CONFLICT DO UPDATE SET attempts = attempts + :n, answered = answered + :answered,
				sum_score = sum_score + :x, sum_score2 = sum_score2 + :x2,
				sum_score_total = sum_score_total + :xt, sum_total = sum_total + :t,
				sum_total2 = sum_total2 + :t2`
		).run({
			...version,
			n: sign,
			answered: item.answered ? sign : 0,
			x: sign * x,
			x2: sign * x * x,
			xt: sign * x * t,
			t: sign * t,
			t2: sign * t * t
		});
		if (sign < 0) dropIfEmpty('question_stats', version);
		for (const [axis, value] of [
			['score', x],
			['rest', t - x]
		] as const) {
			const mark = { ...version, axis, micros: Math.round(value * 1e6), n: sign };
			statement(
				`INSERT INTO question_marks (class_id, quiz_id, attempt_set, question_version_id, axis,
					micros, attempts)
				VALUES (:classId, :quizId, :set, :versionId, :axis, :micros, :n)
				ON CONFLICT DO UPDATE SET attempts = attempts + :n`
			).run(mark);
			if (sign < 0) dropIfEmpty('question_marks', mark);
		}
		for (const choice of item.choices) {
			const picked = { ...version, choice, n: sign };
			statement(
				`INSERT INTO choice_counts (class_id, quiz_id, attempt_set, question_version_id, choice,
					attempts)
				VALUES (:classId, :quizId, :set, :versionId, :choice, :n)
				ON CONFLICT DO UPDATE SET attempts = attempts + :n`
			).run(picked);
			if (sign < 0) dropIfEmpty('choice_counts', picked);
		}
	}
}

function countStudent(classId: number, quizId: string, set: AttemptSet, sign: 1 | -1): void {
	const key = { classId, quizId, set, n: sign };
	statement(
		`INSERT INTO quiz_stats (class_id, quiz_id, attempt_set, students, attempts, sum_grade,
			sum_grade2, sum_grade3, sum_grade4, sum_total, sum_total2)
		VALUES (:classId, :quizId, :set, :n, 0, 0, 0, 0, 0, 0, 0)
		ON CONFLICT DO UPDATE SET students = students + :n`
	).run(key);
	if (sign < 0) dropIfEmpty('quiz_stats', key);
}

function classesOf(userId: number): number[] {
	return (
		statement(`SELECT class_id AS classId FROM class_members WHERE user_id = ?`).all(userId) as {
			classId: number;
		}[]
	).map((row) => row.classId);
}

function gradingOf(quizId: string): Grading {
	return (statement(`SELECT grading FROM quizzes WHERE id = ?`).get(quizId) as { grading: Grading })
		.grading;
}

function setsOf(grading: Grading, attempts: AttemptRow[]) {
	return attemptSetsOf(
		grading,
		attempts
			.filter((a) => a.status === 'submitted')
			.map((a) => ({ ...a, submittedAt: a.submittedAt ?? 0 }))
	);
}

export interface PendingChange {
	userId: number;
	quizId: string;
	grading: Grading;
	before: Record<AttemptSet, number[]>;
	known: Map<number, Contribution>;
	/** Attempts whose scores the change rewrites: taken out as they were, added back as they are. */
	restating: Set<number>;
}

/**
 * Call before changing one learner's attempts at a quiz, inside the transaction that changes
 * them; then `finishStatsChange`. Attempts the change deletes must be named in `deleting`, and
 * submitted attempts whose answers' scores it changes in `restating`: their answers are read now,
 * as they were.
 */
export function startStatsChange(
	userId: number,
	quizId: string,
	deleting: number[] = [],
	restating: number[] = []
): PendingChange {
	const grading = gradingOf(quizId);
	return {
		userId,
		quizId,
		grading,
		before: setsOf(grading, attemptsAt(userId, quizId)),
		known: new Map([...deleting, ...restating].map((id) => [id, contributionOf(id)])),
		restating: new Set(restating)
	};
}

/** Brings the statistics of every class the learner is in, and their summary row, up to date. */
export function finishStatsChange({
	userId,
	quizId,
	grading,
	before,
	known,
	restating
}: PendingChange): void {
	const attempts = attemptsAt(userId, quizId);
	const after = setsOf(grading, attempts);
	const contribution = (id: number) => {
		let found = known.get(id);
		if (!found) known.set(id, (found = contributionOf(id)));
		return found;
	};
	const restated = new Map([...restating].map((id) => [id, contributionOf(id)]));
	for (const classId of classesOf(userId)) {
		for (const set of attemptSets) {
			// A restated attempt goes out as it was and comes back (if it still counts) as it is now.
			const kept = new Set(after[set].filter((id) => !restating.has(id)));
			const had = new Set(before[set].filter((id) => !restating.has(id)));
			for (const id of before[set]) if (!kept.has(id)) apply(classId, set, contribution(id), -1);
			for (const id of after[set])
				if (!had.has(id)) apply(classId, set, restated.get(id) ?? contribution(id), 1);
			const students = Number(after[set].length > 0) - Number(before[set].length > 0);
			if (students) countStudent(classId, quizId, set, students as 1 | -1);
		}
	}
	refreshQuizSummary(userId, quizId, attempts);
}

/**
 * Adds (a student joined) or takes away (a student left, or is about to be deleted) all of a
 * student's attempts to or from one class's statistics; run in the transaction that changes the
 * membership.
 */
export function countMember(classId: number, userId: number, sign: 1 | -1): void {
	const quizIds = (
		statement(
			`SELECT DISTINCT quiz_id AS quizId FROM attempts WHERE user_id = ? AND status = 'submitted'`
		).all(userId) as { quizId: string }[]
	).map((row) => row.quizId);
	for (const quizId of quizIds) {
		const sets = setsOf(gradingOf(quizId), attemptsAt(userId, quizId));
		const contributions = new Map(sets.all.map((id) => [id, contributionOf(id)]));
		for (const set of attemptSets) {
			for (const id of sets[set]) apply(classId, set, contributions.get(id)!, sign);
			if (sets[set].length) countStudent(classId, quizId, set, sign);
		}
	}
}

/** Takes a learner out of every class's statistics, before their account is deleted. */
export function forgetLearner(userId: number): void {
	for (const classId of classesOf(userId)) countMember(classId, userId, -1);
}

/** Deletes one attempt (a spoiled one, say) with its answers, and its share of the statistics. */
export function deleteAttempt(attemptId: number): boolean {
	return db().transaction(() => {
		const attempt = statement(
			`SELECT user_id AS userId, quiz_id AS quizId, status FROM attempts WHERE id = ?`
		).get(attemptId) as { userId: number; quizId: string; status: string } | undefined;
		if (!attempt) return false;
		const change = startStatsChange(
			attempt.userId,
			attempt.quizId,
			attempt.status === 'submitted' ? [attemptId] : []
		);
		statement(`DELETE FROM attempts WHERE id = ?`).run(attemptId);
		finishStatsChange(change);
		return true;
	});
}
