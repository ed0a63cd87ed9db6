// The statistics tables computed from scratch from the raw attempts and answers: the backfill of
// a database that had attempts before the tables existed, a quiz whose grading method changed,
// `npm run analytics -- rebuild`, and the reference the upkeep is tested against.
import { db } from '../db';
import { rebuildQuizSummaries } from './quiz-summaries';
import { statement } from '../db/prepared';

/**
 * Each submitted attempt with its total t and its rank by the orders attempt-sets.ts uses, then
 * once per class of its author and set it falls in (as attemptSetsOf decides).
 */
const selectAttempts = `CREATE TEMP TABLE stat_attempts AS
WITH ranked AS (
	SELECT a.id, a.user_id, COALESCE(a.score, 0) AS g,
		(SELECT TOTAL(score) FROM answers WHERE attempt_id = a.id) AS t,
		ROW_NUMBER() OVER (PARTITION BY a.user_id ORDER BY a.started_at, a.id) AS byStart,
		ROW_NUMBER() OVER (
			PARTITION BY a.user_id ORDER BY COALESCE(a.score, 0) DESC, a.started_at, a.id
		) AS byGrade,
		ROW_NUMBER() OVER (
			PARTITION BY a.user_id ORDER BY a.submitted_at DESC, a.started_at DESC, a.id DESC
		) AS byRecency
	FROM attempts a WHERE a.quiz_id = :quizId AND a.status = 'submitted'
)
SELECT cm.class_id AS classId, s.value AS attemptSet, r.id, r.user_id AS userId, r.g, r.t
FROM ranked r
JOIN class_members cm ON cm.user_id = r.user_id
JOIN json_each('["counted","first","all"]') s
WHERE s.value = 'all' OR (s.value = 'first' AND r.byStart = 1) OR (s.value = 'counted' AND
	CASE :grading WHEN 'average' THEN 1 WHEN 'highest' THEN r.byGrade = 1 ELSE r.byRecency = 1 END)`;

const fill = [
	`INSERT INTO quiz_stats SELECT classId, :quizId, attemptSet, COUNT(DISTINCT userId), COUNT(*),
		TOTAL(g), TOTAL(g * g), TOTAL(g * g * g), TOTAL(g * g * g * g), TOTAL(t), TOTAL(t * t)
	FROM stat_attempts GROUP BY classId, attemptSet`,
	`INSERT INTO grade_counts SELECT classId, :quizId, attemptSet, CAST(ROUND(g * 1e6) AS INTEGER),
		COUNT(*)
	FROM stat_attempts GROUP BY 1, 2, 3, 4`,
	`INSERT INTO question_stats SELECT s.classId, :quizId, s.attemptSet, aq.question_version_id,
		COUNT(*), COUNT(an.score), TOTAL(an.score), TOTAL(an.score * an.score),
		TOTAL(an.score * s.t), TOTAL(s.t), TOTAL(s.t * s.t)
	FROM stat_attempts s
	JOIN attempt_questions aq ON aq.attempt_id = s.id
	LEFT JOIN answers an ON an.attempt_id = s.id AND an.question_version_id = aq.question_version_id
	GROUP BY 1, 2, 3, 4`,
	// Each item score and rest-of-quiz score, in millionths as stats-upkeep.ts rounds them.
	`INSERT INTO question_marks
	SELECT classId, :quizId, attemptSet, versionId, axis.value,
		CAST(ROUND(CASE axis.value WHEN 'score' THEN x ELSE t - x END * 1e6) AS INTEGER), COUNT(*)
	FROM (
		SELECT s.classId, s.attemptSet, aq.question_version_id AS versionId,
			COALESCE(an.score, 0) AS x, s.t
		FROM stat_attempts s
		JOIN attempt_questions aq ON aq.attempt_id = s.id
		LEFT JOIN answers an
			ON an.attempt_id = s.id AND an.question_version_id = aq.question_version_id
	)
	JOIN json_each('["score","rest"]') axis
	GROUP BY 1, 2, 3, 4, 5, 6`,
	// What each answer chose, as stats-upkeep.ts's choicesOf reads it.
	`INSERT INTO choice_counts SELECT s.classId, :quizId, s.attemptSet, aq.question_version_id,
		picked.value, COUNT(*)
	FROM stat_attempts s
	JOIN attempt_questions aq ON aq.attempt_id = s.id
	JOIN question_versions qv ON qv.id = aq.question_version_id
	JOIN answers an ON an.attempt_id = s.id AND an.question_version_id = aq.question_version_id
	JOIN json_each(CASE
		WHEN qv.type IN ('single', 'evidence') THEN
			CASE WHEN json_type(an.response, '$.optionId') = 'text'
				THEN json_array(json_extract(an.response, '$.optionId')) ELSE '[]' END
		WHEN qv.type = 'multiple' THEN
			CASE WHEN json_type(an.response, '$.optionIds') = 'array'
				THEN json_extract(an.response, '$.optionIds') ELSE '[]' END
		WHEN qv.type = 'truefalse' THEN
			json_array(CASE WHEN json_extract(an.response, '$.value') THEN 'true' ELSE 'false' END)
		ELSE '[]' END) AS picked
	GROUP BY 1, 2, 3, 4, 5`,
	// The other types by their response: the text typed, or the matches or the order as JSON.
	`INSERT INTO choice_counts SELECT s.classId, :quizId, s.attemptSet, aq.question_version_id,
		CASE qv.type
			WHEN 'matching' THEN json_extract(an.response, '$.matches')
			WHEN 'ordering' THEN json_extract(an.response, '$.order')
			ELSE json_extract(an.response, '$.text') END AS choice,
		COUNT(*)
	FROM stat_attempts s
	JOIN attempt_questions aq ON aq.attempt_id = s.id
	JOIN question_versions qv ON qv.id = aq.question_version_id
	JOIN answers an ON an.attempt_id = s.id AND an.question_version_id = aq.question_version_id
	WHERE qv.type IN ('short', 'numeric', 'matching', 'ordering') AND CASE qv.type
		WHEN 'matching' THEN json_type(an.response, '$.matches') = 'object'
		WHEN 'ordering' THEN json_type(an.response, '$.order') = 'array'
		ELSE json_type(an.response, '$.text') = 'text' END
	GROUP BY 1, 2, 3, 4, 5`
];

/**
 * Recomputes one quiz's statistics and learners' summaries, in one transaction; with `onlyIfStale`,
 * only if they are still missing or follow an old grading method once the write lock is held, so
 * workers starting together rebuild each quiz once between them.
 */
export function rebuildQuiz(quizId: string, { onlyIfStale = false } = {}): boolean {
	return db().transaction(() => {
		if (onlyIfStale && !isStale(quizId)) return false;
		const { grading } = statement(`SELECT grading FROM quizzes WHERE id = ?`).get(quizId) as {
			grading: string;
		};
		for (const table of [
			'quiz_stats',
			'grade_counts',
			'question_stats',
			'question_marks',
			'choice_counts',
			'quiz_summaries'
		])
			db().$client.prepare(`DELETE FROM ${table} WHERE quiz_id = ?`).run(quizId);
		const client = db().$client;
		client.prepare(selectAttempts).run({ quizId, grading });
		try {
			for (const sql of fill) client.prepare(sql).run({ quizId });
		} finally {
			client.prepare(`DROP TABLE temp.stat_attempts`).run();
		}
		client.prepare(rebuildQuizSummaries).run({ quizId });
		client
			.prepare(`INSERT OR REPLACE INTO quiz_stats_grading (quiz_id, grading) VALUES (?, ?)`)
			.run(quizId, grading);
		return true;
	});
}

const STALE = `SELECT q.id FROM quizzes q LEFT JOIN quiz_stats_grading s ON s.quiz_id = q.id
	WHERE s.grading IS NOT q.grading`;

/** Whether a quiz's statistics are missing or follow an old grading method. */
const isStale = (quizId: string) => statement(`${STALE} AND q.id = ?`).get(quizId) !== undefined;

/**
 * At start: rebuilds what is stale (everything, the first time after the migration), and returns
 * the quizzes this process rebuilt (another worker may have done some first).
 */
export function reconcileStats(): string[] {
	const stale = (statement(`${STALE} ORDER BY q.id`).all() as { id: string }[]).map((r) => r.id);
	return stale.filter((quizId) => rebuildQuiz(quizId, { onlyIfStale: true }));
}

/** Rebuilds every quiz's statistics. */
export function rebuildAllStats(): string[] {
	const quizIds = (statement(`SELECT id FROM quizzes ORDER BY id`).all() as { id: string }[]).map(
		(row) => row.id
	);
	for (const quizId of quizIds) rebuildQuiz(quizId);
	return quizIds;
}
