import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/quiz-schema';
import type { CatalogQuiz } from '../../src/lib/server/quiz/catalog';

// The sync and attempt code run directly here, on a real database file of their own.
const dir = mkdtempSync(join(tmpdir(), 'course-versions-'));
process.env.DATABASE_PATH = join(dir, 'course.db');
const { closeDatabase, migrateDatabase } = await import('../../src/lib/server/db');
const { catalog } = await import('../../src/lib/server/quiz/catalog');
const { syncQuizzes } = await import('../../src/lib/server/quiz/sync');
const quiz = await import('../../src/lib/server/quiz/attempts');
const { createUser } = await import('../../src/lib/server/users');

const original = [...catalog.values()][0]!;
const opening = original.quiz.questions[0]!;
if (opening.type !== 'single') throw new Error('the sample quiz should open with a single choice');
const first: Extract<Question, { type: 'single' }> = opening;

/** The sample quiz with its first question's key and prompt changed, as an author might edit it. */
function edited(): CatalogQuiz {
	const wrong = first.options.find((o) => o.id !== first.answer)!.id;
	return {
		...original,
		quiz: {
			...original.quiz,
			questions: [
				{ ...first, prompt: `${first.prompt} (edited)`, answer: wrong },
				...original.quiz.questions.slice(1)
			]
		}
	};
}

function rightAnswer(position: string) {
	const form = new FormData();
	form.set('answer', position);
	return form;
}

beforeAll(() => migrateDatabase());
afterAll(() => {
	closeDatabase();
	rmSync(dir, { recursive: true, force: true });
});

describe('question versions', () => {
	it('stores each question once and adds nothing when nothing changed', () => {
		const firstSync = syncQuizzes([original]);
		expect(firstSync.newVersions).toBe(original.quiz.questions.length);
		expect(syncQuizzes([original]).newVersions).toBe(0);
	});

	it('keeps the meaning of earlier answers when a question is edited', async () => {
		const learner = await createUser({
			email: 'versions@example.org',
			displayName: 'V',
			password: 'a long password'
		});
		const attemptId = quiz.startOrResumeAttempt(learner.id, original.id);
		const [before] = await quiz.attemptQuestionsOf(attemptId);
		const position = String(before!.layout.order!.indexOf(first.answer));
		await quiz.saveAnswer(learner.id, attemptId, first.id, rightAnswer(position));

		expect(syncQuizzes([edited()]).newVersions).toBe(1);

		// the open attempt still has the question as it was when it started, and its answer stays right
		const [after] = await quiz.attemptQuestionsOf(attemptId);
		expect(after!.versionId).toBe(before!.versionId);
		expect(after!.question.prompt).toBe(first.prompt);
		expect(after!.answer!.score).toBe(1);

		// a new attempt gets the edited version
		await quiz.submitAttempt(learner.id, attemptId);
		const next = quiz.startOrResumeAttempt(learner.id, original.id);
		const [fresh] = await quiz.attemptQuestionsOf(next);
		expect(fresh!.versionId).not.toBe(before!.versionId);
		expect(fresh!.question.prompt).toBe(`${first.prompt} (edited)`);

		// and editing back reuses the original version rather than storing it twice
		expect(syncQuizzes([original]).newVersions).toBe(0);
	});
});
