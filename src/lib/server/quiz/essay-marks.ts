// Answers graded by hand (essays): what a class's instructor has to grade, and the marks they give.
// A mark rewrites the answer's score and its attempt's, and restates the attempt in the class
// statistics and the learner's quiz summary, all in one transaction.
import type { Question } from '$lib/content/quiz-schema';
import type { Response } from '$lib/quiz/types';
import { db } from '../db';
import { statement } from '../db/prepared';
import { displaySafe } from '../names';
import { findLesson } from '../progress/lessons';
import { finishStatsChange, startStatsChange } from '../analytics/stats-upkeep';
import { QuizError } from './errors';

export interface EssayAnswer {
	attemptId: number;
	questionVersionId: number;
	studentName: string;
	lessonTitle: string;
	prompt: string;
	guidance: string | null;
	/** The learner's text as written: pages show it as text, never as HTML. */
	response: string;
	submittedAt: number;
	mark: number | null;
	comment: string | null;
	markedAt: number | null;
}

/**
 * Essay answers in the class members' submitted attempts; `pending` for those without a mark.
 * Read from the essay versions outwards (CROSS JOIN fixes that order in SQLite), so a course with
 * few essays costs a few index lookups per member, never a scan of every answer the class gave.
 */
const essaysIn = (pending: boolean) =>
	`SELECT a.id AS attemptId, an.question_version_id AS questionVersionId,
		u.display_name AS studentName, a.quiz_id AS quizId, qv.body AS body, an.response AS response,
		a.submitted_at AS submittedAt, m.mark AS mark, m.comment AS comment, m.marked_at AS markedAt
	FROM question_versions qv
	CROSS JOIN class_members cm
	CROSS JOIN attempts a
		ON a.user_id = cm.user_id AND a.quiz_id = qv.quiz_id AND a.status = 'submitted'
	CROSS JOIN answers an ON an.attempt_id = a.id AND an.question_version_id = qv.id
	JOIN users u ON u.id = cm.user_id
	LEFT JOIN essay_marks m
		ON m.attempt_id = an.attempt_id AND m.question_version_id = an.question_version_id
	WHERE qv.type = 'essay' AND cm.class_id = ? AND m.mark IS ${pending ? 'NULL' : 'NOT NULL'}`;

type EssayRow = Omit<EssayAnswer, 'lessonTitle' | 'prompt' | 'guidance' | 'response'> & {
	quizId: string;
	body: string;
	response: string;
};

function essayAnswer(row: EssayRow): EssayAnswer {
	const question = JSON.parse(row.body) as Extract<Question, { type: 'essay' }>;
	const response = JSON.parse(row.response) as Extract<Response, { type: 'essay' }>;
	return {
		attemptId: row.attemptId,
		questionVersionId: row.questionVersionId,
		studentName: displaySafe(row.studentName),
		lessonTitle: findLesson(row.quizId)?.lesson.title ?? row.quizId,
		prompt: question.prompt,
		guidance: question.guidance ?? null,
		response: response.text,
		submittedAt: row.submittedAt,
		mark: row.mark,
		comment: row.comment,
		markedAt: row.markedAt
	};
}

/** The class's essays awaiting a mark, oldest submission first. */
export async function essaysToGrade(classId: number): Promise<EssayAnswer[]> {
	const rows = statement(
		`${essaysIn(true)} ORDER BY a.submitted_at, a.id, an.question_version_id`
	).all(classId) as EssayRow[];
	return rows.map(essayAnswer);
}

/** The class's marked essays, most recently marked first, for regrading. */
export async function markedEssays(classId: number, limit = 50): Promise<EssayAnswer[]> {
	const rows = statement(
		`${essaysIn(false)} ORDER BY m.marked_at DESC, a.id DESC, an.question_version_id LIMIT ?`
	).all(classId, limit) as EssayRow[];
	return rows.map(essayAnswer);
}

export async function essaysToGradeCount(classId: number): Promise<number> {
	return (statement(`SELECT COUNT(*) AS n FROM (${essaysIn(true)})`).get(classId) as { n: number })
		.n;
}

/** How many essays of each of these attempts await a mark (attempts without any are left out). */
export async function awaitingGrading(attemptIds: number[]): Promise<Map<number, number>> {
	const rows = statement(
		`SELECT an.attempt_id AS attemptId, COUNT(*) AS n
		FROM json_each(?) ids
		JOIN answers an ON an.attempt_id = ids.value
		JOIN question_versions qv ON qv.id = an.question_version_id AND qv.type = 'essay'
		WHERE NOT EXISTS (SELECT 1 FROM essay_marks m
			WHERE m.attempt_id = an.attempt_id AND m.question_version_id = an.question_version_id)
		GROUP BY an.attempt_id`
	).all(JSON.stringify(attemptIds)) as { attemptId: number; n: number }[];
	return new Map(rows.map((row) => [row.attemptId, row.n]));
}

/**
 * How many essay answers of the class's submitted attempts at a quiz await a mark, per question:
 * the item analysis counts them as 0 until marked, and says so.
 */
export async function awaitingByQuestion(
	classId: number,
	quizId: string
): Promise<Map<string, number>> {
	const rows = statement(
		`SELECT qv.question_key AS questionKey, COUNT(*) AS n
		FROM question_versions qv
		CROSS JOIN class_members cm
		CROSS JOIN attempts a
			ON a.user_id = cm.user_id AND a.quiz_id = qv.quiz_id AND a.status = 'submitted'
		CROSS JOIN answers an ON an.attempt_id = a.id AND an.question_version_id = qv.id
		WHERE qv.quiz_id = ? AND qv.type = 'essay' AND cm.class_id = ? AND NOT EXISTS (SELECT 1 FROM essay_marks m
			WHERE m.attempt_id = an.attempt_id AND m.question_version_id = an.question_version_id)
		GROUP BY qv.question_key`
	).all(quizId, classId) as { questionKey: string; n: number }[];
	return new Map(rows.map((row) => [row.questionKey, row.n]));
}

export interface EssayMark {
	attemptId: number;
	questionVersionId: number;
	/** The share of the question's mark, 0–1. */
	mark: number;
	comment: string | null;
}

/**
 * Marks (or marks again) one essay answer in a submitted attempt by a member of the class. The
 * answer's score becomes the mark, the attempt's score the mean of its questions' as at submission,
 * and the statistics and summary follow. Refused (404) for an answer that is not an essay of a
 * submitted attempt by one of the class's members.
 */
export async function markEssay(
	classId: number,
	graderId: number,
	{ attemptId, questionVersionId, mark, comment }: EssayMark
): Promise<void> {
	db().transaction(() => {
		const target = statement(
			`SELECT a.user_id AS userId, a.quiz_id AS quizId
			FROM attempts a
			JOIN class_members cm ON cm.user_id = a.user_id AND cm.class_id = ?
			JOIN answers an ON an.attempt_id = a.id AND an.question_version_id = ?
			JOIN question_versions qv ON qv.id = an.question_version_id AND qv.type = 'essay'
			WHERE a.id = ? AND a.status = 'submitted'`
		).get(classId, questionVersionId, attemptId) as { userId: number; quizId: string } | undefined;
		if (!target) throw new QuizError(404, 'No such answer to grade in this class.');
		const change = startStatsChange(target.userId, target.quizId, [], [attemptId]);
		statement(
			`INSERT INTO essay_marks (attempt_id, question_version_id, mark, comment, grader_id, marked_at)
			VALUES (:attemptId, :questionVersionId, :mark, :comment, :graderId, :now)
			ON CONFLICT DO UPDATE SET mark = excluded.mark, comment = excluded.comment,
				grader_id = excluded.grader_id, marked_at = excluded.marked_at`
		).run({ attemptId, questionVersionId, mark, comment, graderId, now: Date.now() });
		statement(`UPDATE answers SET score = ? WHERE attempt_id = ? AND question_version_id = ?`).run(
			mark,
			attemptId,
			questionVersionId
		);
		// As submitAttempt scores it: the mean over the attempt's questions, unanswered ones 0.
		statement(
			`UPDATE attempts SET score = (SELECT TOTAL(score) FROM answers WHERE attempt_id = :id)
				/ (SELECT COUNT(*) FROM attempt_questions WHERE attempt_id = :id)
			WHERE id = :id`
		).run({ id: attemptId });
		finishStatsChange(change);
	});
}
