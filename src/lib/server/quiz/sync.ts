import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Question } from '$lib/content/quiz-schema';
import { db } from '../db';
import { questionVersions, quizzes } from '../db/schema';
import { catalog, type CatalogQuiz } from './catalog';

export function contentHash(question: Question): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(question))));
}

/**
 * Brings the database in line with the quiz files: settings are overwritten, each question's
 * content is stored once per distinct version, and only the file's versions stay current.
 * Runs at start-up in one transaction, so a crash leaves the previous state intact.
 */
export function syncQuizzes(entries: Iterable<CatalogQuiz> = catalog.values()): {
	quizzes: number;
	newVersions: number;
} {
	const list = [...entries];
	let newVersions = 0;
	const now = new Date();
	db().transaction((tx) => {
		for (const { id, quiz } of list) {
			const settings = {
				title: quiz.title,
				maxAttempts: quiz.maxAttempts ?? null,
				grading: quiz.grading,
				shuffleOptions: quiz.shuffleOptions,
				feedback: quiz.feedback,
				updatedAt: now
			};
			tx.insert(quizzes)
				.values({ id, ...settings })
				.onConflictDoUpdate({ target: quizzes.id, set: settings })
				.run();

			const current: number[] = [];
			quiz.questions.forEach((question, position) => {
				const hash = contentHash(question);
				const existing = tx
					.select({ id: questionVersions.id })
					.from(questionVersions)
					.where(
						and(
							eq(questionVersions.quizId, id),
							eq(questionVersions.questionKey, question.id),
							eq(questionVersions.contentHash, hash)
						)
					)
					.get();
				if (existing) {
					tx.update(questionVersions)
						.set({ position, isCurrent: true })
						.where(eq(questionVersions.id, existing.id))
						.run();
					current.push(existing.id);
				} else {
					const inserted = tx
						.insert(questionVersions)
						.values({
							quizId: id,
							questionKey: question.id,
							contentHash: hash,
							type: question.type,
							body: question,
							position,
							isCurrent: true,
							createdAt: now
						})
						.returning({ id: questionVersions.id })
						.get();
					current.push(inserted.id);
					newVersions += 1;
				}
			});
			tx.update(questionVersions)
				.set({ isCurrent: false })
				.where(and(eq(questionVersions.quizId, id), notInArray(questionVersions.id, current)))
				.run();
		}
	});
	return { quizzes: list.length, newVersions };
}
