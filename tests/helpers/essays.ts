import { randomUUID } from 'node:crypto';
import { question, type Question } from '../../src/lib/content/quiz-schema';
import { execute, query } from './db';

export type EssayQuestion = Extract<Question, { type: 'essay' }>;

/** An essay as an author would write it in quiz.yaml, checked by the same schema. */
export function essayQuestion(fields: Partial<EssayQuestion> = {}): EssayQuestion {
	return question.parse({
		id: 'in-your-words',
		type: 'essay',
		prompt: 'In your own words, what does the 2016 columnist mean by a franchise?',
		guidance: 'Full marks for local groups acting under the banner without a central command.',
		template: 'The columnist means',
		minWords: 5,
		maxWords: 200,
		explanation: 'The column describes local groups acting under the banner of Islamic State.',
		claimType: 'opinion',
		citations: [
			{
				source: '002_c3fa7a9a3fdd1b15.txt',
				quote: 'These groups operate more like a franchise than a formal centralised structure.'
			}
		],
		...fields
	}) as EssayQuestion;
}

/**
 * Adds an essay at the end of a quiz's current questions in the server's database, as syncing
 * a quiz.yaml with one more question would: attempts started from now on include it. The course
 * itself has no essay, so tests that need one add it this way. Returns its number in an attempt.
 */
export function addEssay(
	databasePath: string,
	quizId: string,
	essay: EssayQuestion = essayQuestion()
): number {
	const [{ count }] = query<{ count: number }>(
		databasePath,
		'select count(*) as count from question_versions where quiz_id = ? and is_current = 1',
		quizId
	) as [{ count: number }];
	execute(
		databasePath,
		`insert into question_versions
			(quiz_id, question_key, content_hash, type, body, position, is_current, created_at)
		values (?, ?, ?, 'essay', ?, ?, 1, ?)`,
		quizId,
		essay.id,
		randomUUID(),
		JSON.stringify(essay),
		count,
		Date.now()
	);
	return count + 1;
}
