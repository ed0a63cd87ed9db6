import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Question } from '$lib/content/quiz-schema';
import { db } from '../db';
import { sqliteErrorCode } from '../db/errors';
import { commitTogether } from '../db/group-commit';
import { prepared } from '../db/prepared';
import {
	answers,
	attemptQuestions,
	attempts,
	essayMarks,
	questionVersions,
	quizzes,
	syncReceipts,
	type Attempt
} from '../db/schema';
import { QuizError } from './errors';
import { grade } from '$lib/quiz/grading';
import { layoutFor, type Layout } from '$lib/quiz/layout';
import type { Response } from '$lib/quiz/types';
import { introduceCard } from '../review/cards';
import { claimReceipt } from '../sync-receipts';
import { readResponse, ResponseError } from '$lib/quiz/responses';
import { refreshQuizSummary } from '../analytics/quiz-summaries';
import { finishStatsChange, startStatsChange } from '../analytics/stats-upkeep';

export type QuizSettings = typeof quizzes.$inferSelect;

export interface AttemptQuestion {
	position: number;
	versionId: number;
	question: Question;
	layout: Layout;
	answer: AnswerRecord | null;
}

export interface AnswerRecord {
	response: Response;
	score: number;
	/** An instructor's mark (essays): the score is that mark. Absent while an essay awaits one. */
	marked?: { comment: string | null };
}

export async function quizSettings(quizId: string): Promise<QuizSettings> {
	const quiz = await db().select().from(quizzes).where(eq(quizzes.id, quizId)).get();
	if (!quiz) throw new QuizError(404, 'No such quiz.');
	return quiz;
}

export async function attemptsOf(userId: number, quizId: string): Promise<Attempt[]> {
	return db()
		.select()
		.from(attempts)
		.where(and(eq(attempts.userId, userId), eq(attempts.quizId, quizId)))
		.orderBy(asc(attempts.startedAt), asc(attempts.id));
}

/**
 * Resumes the learner's open attempt, or starts one with the quiz's current questions.
 * Two tabs racing here get the same attempt: a unique index allows one open attempt per quiz.
 */
export function startOrResumeAttempt(userId: number, quizId: string): number {
	const open = () =>
		db()
			.select({ id: attempts.id })
			.from(attempts)
			.where(
				and(
					eq(attempts.userId, userId),
					eq(attempts.quizId, quizId),
					eq(attempts.status, 'in_progress')
				)
			)
			.get();
	try {
		return db().transaction((tx) => {
			const existing = open();
			if (existing) return existing.id;
			const quiz = tx.select().from(quizzes).where(eq(quizzes.id, quizId)).get();
			if (!quiz) throw new QuizError(404, 'No such quiz.');
			const used = tx
				.select({ n: count() })
				.from(attempts)
				.where(and(eq(attempts.userId, userId), eq(attempts.quizId, quizId)))
				.get()!.n;
			if (quiz.maxAttempts !== null && used >= quiz.maxAttempts) {
				throw new QuizError(409, `You have used all ${quiz.maxAttempts} attempts at this quiz.`);
			}
			const versions = tx
				.select()
				.from(questionVersions)
				.where(and(eq(questionVersions.quizId, quizId), eq(questionVersions.isCurrent, true)))
				.orderBy(asc(questionVersions.position))
				.all();
			const attempt = tx
				.insert(attempts)
				.values({ userId, quizId, status: 'in_progress', startedAt: new Date() })
				.returning({ id: attempts.id })
				.get();
			tx.insert(attemptQuestions)
				.values(
					versions.map((version, position) => ({
						attemptId: attempt.id,
						position,
						questionVersionId: version.id,
						layout: layoutFor(version.body as Question, quiz.shuffleOptions)
					}))
				)
				.run();
			refreshQuizSummary(userId, quizId);
			return attempt.id;
		});
	} catch (error) {
		if (sqliteErrorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE') {
			const existing = open();
			if (existing) return existing.id;
		}
		throw error;
	}
}

// Read on every visit to an attempt's screens and every answer.
const attemptById = prepared((database) =>
	database
		.select()
		.from(attempts)
		.where(eq(attempts.id, sql.placeholder('attemptId')))
		.prepare()
);

/** The attempt if it is this learner's; someone else's attempt is refused, not shown. */
export async function ownAttempt(userId: number, attemptId: number): Promise<Attempt> {
	const attempt = Number.isSafeInteger(attemptId)
		? await attemptById().get({ attemptId })
		: undefined;
	if (!attempt) throw new QuizError(404, 'No such attempt.');
	if (attempt.userId !== userId)
		throw new QuizError(403, 'This attempt belongs to another learner.');
	return attempt;
}

export async function attemptQuestionsOf(attemptId: number): Promise<AttemptQuestion[]> {
	const rows = await db()
		.select({
			position: attemptQuestions.position,
			versionId: attemptQuestions.questionVersionId,
			body: questionVersions.body,
			layout: attemptQuestions.layout,
			response: answers.response,
			score: answers.score,
			markedAt: essayMarks.markedAt,
			comment: essayMarks.comment
		})
		.from(attemptQuestions)
		.innerJoin(questionVersions, eq(questionVersions.id, attemptQuestions.questionVersionId))
		.leftJoin(
			answers,
			and(
				eq(answers.attemptId, attemptQuestions.attemptId),
				eq(answers.questionVersionId, attemptQuestions.questionVersionId)
			)
		)
		.leftJoin(
			essayMarks,
			and(
				eq(essayMarks.attemptId, answers.attemptId),
				eq(essayMarks.questionVersionId, answers.questionVersionId)
			)
		)
		.where(eq(attemptQuestions.attemptId, attemptId))
		.orderBy(asc(attemptQuestions.position));
	return rows.map((row) => ({
		position: row.position,
		versionId: row.versionId,
		question: row.body as Question,
		layout: row.layout as Layout,
		answer:
			row.response === null
				? null
				: {
						response: row.response as Response,
						score: row.score!,
						...(row.markedAt !== null && { marked: { comment: row.comment } })
					}
	}));
}

/** Question versions never change once stored: each server process keeps those it has read. */
const versionBodies = new Map<number, Question>();

async function questionOfVersion(versionId: number): Promise<Question> {
	let question = versionBodies.get(versionId);
	if (!question) {
		const row = await db()
			.select({ body: questionVersions.body })
			.from(questionVersions)
			.where(eq(questionVersions.id, versionId))
			.get();
		question = row!.body as Question;
		versionBodies.set(versionId, question);
	}
	return question;
}

/**
 * All an answer needs to know, in one read: the attempt, its quiz's feedback setting, the asked
 * question's place in it (null when it is not part of it), whether it has an answer already, and
 * whether this clientId was applied before. One row per stored version of the question's key
 * (old versions join no attempt question).
 */
const answerTarget = prepared((database) =>
	database
		.select({
			userId: attempts.userId,
			status: attempts.status,
			quizId: attempts.quizId,
			feedback: quizzes.feedback,
			position: attemptQuestions.position,
			versionId: attemptQuestions.questionVersionId,
			layout: attemptQuestions.layout,
			answered: sql<number>`exists (select 1 from ${answers} where ${answers.attemptId} = ${attempts.id} and ${answers.questionVersionId} = ${attemptQuestions.questionVersionId})`,
			replayed: sql<number>`exists (select 1 from ${syncReceipts} where ${syncReceipts.userId} = ${attempts.userId} and ${syncReceipts.clientId} = ${sql.placeholder('clientId')})`
		})
		.from(attempts)
		.innerJoin(quizzes, eq(quizzes.id, attempts.quizId))
		.leftJoin(
			questionVersions,
			and(
				eq(questionVersions.quizId, attempts.quizId),
				eq(questionVersions.questionKey, sql.placeholder('questionKey'))
			)
		)
		.leftJoin(
			attemptQuestions,
			and(
				eq(attemptQuestions.attemptId, attempts.id),
				eq(attemptQuestions.questionVersionId, questionVersions.id)
			)
		)
		.where(eq(attempts.id, sql.placeholder('attemptId')))
		.prepare()
);

const answerColumns = {
	attemptId: sql.placeholder('attemptId'),
	questionVersionId: sql.placeholder('questionVersionId'),
	response: sql.placeholder('response'),
	score: sql.placeholder('score'),
	answeredAt: sql.placeholder('now'),
	updatedAt: sql.placeholder('now')
};
// Same answer twice (a retry, a double click) is one row either way: with immediate feedback the
// first stands, while feedback is deferred the last does.
const insertFirstAnswer = prepared((database) =>
	database.insert(answers).values(answerColumns).onConflictDoNothing().prepare()
);
const upsertAnswer = prepared((database) =>
	database
		.insert(answers)
		.values(answerColumns)
		.onConflictDoUpdate({
			target: [answers.attemptId, answers.questionVersionId],
			// `excluded` is the row this insert would have written.
			set: {
				response: sql`excluded.response`,
				score: sql`excluded.score`,
				updatedAt: sql`excluded.updated_at`
			}
		})
		.prepare()
);

/** The answered question as the attempt holds it, for showing its screen again. */
export interface SavedAnswer {
	/** The question's number in the attempt (from 1). */
	number: number;
	versionId: number;
	question: Question;
	layout: Layout;
	feedback: QuizSettings['feedback'];
	/** The attempt was submitted before (a replay of an answer it already held). */
	submitted: boolean;
}

/**
 * Saves (or, while feedback is deferred, replaces) the learner's answer to one question, and
 * gives back where the question sits in the attempt.
 * With immediate feedback the first answer stands: the key has been shown.
 * `clientId`, the browser's id for this answer (one queued offline), makes a replay harmless:
 * the same id again changes nothing and succeeds as the first time did, even once the attempt is
 * submitted or the answer has been changed since.
 */
export async function saveAnswer(
	userId: number,
	attemptId: number,
	questionKey: string,
	form: FormData,
	clientId?: string
): Promise<SavedAnswer> {
	const rows = Number.isSafeInteger(attemptId)
		? await answerTarget().all({ attemptId, questionKey, clientId: clientId ?? null })
		: [];
	const attempt = rows.find((row) => row.position !== null) ?? rows[0];
	if (!attempt) throw new QuizError(404, 'No such attempt.');
	if (attempt.userId !== userId)
		throw new QuizError(403, 'This attempt belongs to another learner.');
	const target = attempt.position === null || attempt.versionId === null ? null : attempt;
	const saved = async (): Promise<SavedAnswer> => ({
		number: target!.position! + 1,
		versionId: target!.versionId!,
		question: await questionOfVersion(target!.versionId!),
		layout: target!.layout as Layout,
		feedback: attempt.feedback,
		submitted: attempt.status !== 'in_progress'
	});
	if (clientId && target && attempt.replayed) return saved();
	if (attempt.status !== 'in_progress')
		throw new QuizError(409, 'This attempt has been submitted; answers can no longer change.');
	if (!target) throw new QuizError(400, 'That question is not part of this attempt.');
	if (target.answered && attempt.feedback === 'immediate')
		throw new QuizError(409, 'You have already answered this question.');

	const question = await questionOfVersion(target.versionId!);
	let response: Response;
	try {
		response = readResponse(question, target.layout as Layout, form);
	} catch (error) {
		if (error instanceof ResponseError) throw new QuizError(400, error.message);
		throw error;
	}
	const { score } = grade(question, response);
	const now = new Date();
	const values = { attemptId, questionVersionId: target.versionId!, response, score, now };
	// All or nothing: the shared commit runs each caller's writes in a savepoint of their own.
	await commitTogether(() => {
		// Claimed with the answer: of copies sent at once, the first saves it and the rest find it saved.
		if (clientId && !claimReceipt(userId, clientId, 'answer', now)) return;
		if (attempt.feedback === 'immediate') {
			insertFirstAnswer().run(values);
			// The key has been shown: the question joins the learner's reviews now. An essay never
			// does: only an instructor can grade it, so a review could not.
			if (question.type !== 'essay') introduceCard(userId, attempt.quizId, questionKey, score, now);
		} else upsertAnswer().run(values);
	});
	return saved();
}

const storedAnswerOf = prepared((database) =>
	database
		.select({ response: answers.response, score: answers.score })
		.from(answers)
		.where(
			and(
				eq(answers.attemptId, sql.placeholder('attemptId')),
				eq(answers.questionVersionId, sql.placeholder('versionId'))
			)
		)
		.prepare()
);

/**
 * The saved question as the attempt now holds it: its answer as stored, which is not always the
 * one just posted (with immediate feedback the first stands; a replay finds a later change).
 */
export async function answeredEntry(
	attemptId: number,
	saved: SavedAnswer
): Promise<AttemptQuestion> {
	const row = await storedAnswerOf().get({ attemptId, versionId: saved.versionId });
	return {
		position: saved.number - 1,
		versionId: saved.versionId,
		question: saved.question,
		layout: saved.layout,
		answer: row ? { response: row.response as Response, score: row.score } : null
	};
}

/** Submits once: repeats (a double click, a retry, a second tab) find it submitted and change nothing. */
export async function submitAttempt(userId: number, attemptId: number): Promise<void> {
	const attempt = await ownAttempt(userId, attemptId);
	if (attempt.status === 'submitted') return;
	db().transaction((tx) => {
		const stats = startStatsChange(userId, attempt.quizId);
		const questions = tx
			.select({ n: count() })
			.from(attemptQuestions)
			.where(eq(attemptQuestions.attemptId, attemptId))
			.get()!.n;
		const scores = tx
			.select({ score: answers.score })
			.from(answers)
			.where(eq(answers.attemptId, attemptId))
			.all();
		const score = questions ? scores.reduce((sum, row) => sum + row.score, 0) / questions : 0;
		tx.update(attempts)
			.set({ status: 'submitted', score, submittedAt: new Date() })
			.where(and(eq(attempts.id, attemptId), eq(attempts.status, 'in_progress')))
			.run();
		finishStatsChange(stats);
	});
	// Every answered question becomes a review card (those already introduced keep theirs).
	for (const question of await attemptQuestionsOf(attemptId)) {
		if (question.answer && question.question.type !== 'essay')
			introduceCard(userId, attempt.quizId, question.question.id, question.answer.score);
	}
}
