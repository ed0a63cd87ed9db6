import { and, asc, lte } from 'drizzle-orm';
import type { Question } from '$lib/content/quiz-schema';
import type { GradingKey } from '$lib/quiz/grading';
import { layoutFor, type Layout } from '$lib/quiz/layout';
import type { PublicQuestion, QuestionResult } from '$lib/quiz/types';
import { db } from '../db';
import { reviewCards, type ReviewCard } from '../db/schema';
import { publicQuestion, questionResult } from '../quiz/question-views';
import { currentQuestion, reviewable } from './cards';

/** Cards due within this many days are kept on the device. */
export const OFFLINE_DAYS = 3;

/** What the result panel shows whatever the answer; the device adds score, verdict and feedback. */
export type OfflineResult = Omit<QuestionResult, 'score' | 'verdict' | 'feedback'>;

/**
 * A review card as a device keeps it to review offline with instant feedback. Review cards are
 * questions the learner has answered and seen the key of, so the key may live on the device:
 * `readResponse(key, layout, form)` reads an answer to the shown question into the canonical
 * response that sync takes, `grade(key, response)` gives its score and feedback (both from
 * `$lib/quiz`, the server's own code), and the result panel is `result` with those added.
 */
export interface OfflineCard {
	id: number;
	due: string;
	/** As the review page shows it: options by position in `layout`. */
	question: PublicQuestion;
	/** The authored id at each shown position, so an answer maps back. */
	layout: Layout;
	key: GradingKey;
	result: OfflineResult;
}

/** What grading reads of the question, and nothing else of it. */
export function gradingKey(question: Question): GradingKey {
	const keyed = (list: { id: string; feedback?: string | undefined; credit?: number }[]) =>
		list.map(({ id, feedback, credit }) => ({
			id,
			...(feedback === undefined ? {} : { feedback }),
			...(credit === undefined ? {} : { credit })
		}));
	switch (question.type) {
		case 'single':
			return { type: 'single', options: keyed(question.options), answer: question.answer };
		case 'multiple':
			return { type: 'multiple', options: keyed(question.options), answers: question.answers };
		case 'evidence':
			return { type: 'evidence', sentences: keyed(question.sentences), answer: question.answer };
		case 'truefalse':
			return { type: 'truefalse', answer: question.answer, feedback: question.feedback };
		case 'short':
			return {
				type: 'short',
				answers: question.answers,
				...(question.match ? { match: question.match } : {}),
				...(question.caseSensitive ? { caseSensitive: true } : {})
			};
		case 'numeric':
			return {
				type: 'numeric',
				answers: question.answers,
				...(question.match ? { match: question.match } : {}),
				...(question.wrongFeedback ? { wrongFeedback: question.wrongFeedback } : {})
			};
		case 'matching':
			return {
				type: 'matching',
				// The merged choice's id instead of the texts, which the key must not carry.
				pairs: question.pairs.map(({ id, match }) => {
					const choice = question.pairs.find((pair) => pair.match === match)!.id;
					return choice === id ? { id } : { id, choice };
				})
			};
		case 'ordering':
			return { type: 'ordering', items: question.items.map(({ id }) => ({ id })) };
		// Never a review card (see introduceCard's callers): listed for completeness.
		case 'essay':
			return { type: 'essay' };
	}
}

export function offlineCard(
	card: Pick<ReviewCard, 'id' | 'due'>,
	question: Question,
	layout: Layout
): OfflineCard {
	const {
		score: _score,
		verdict: _verdict,
		feedback: _feedback,
		...result
	} = questionResult(question, null, layout);
	return {
		id: card.id,
		due: card.due.toISOString(),
		question: publicQuestion(question, layout, 1),
		layout,
		key: gradingKey(question),
		result
	};
}

/**
 * The learner's cards due now or within OFFLINE_DAYS, soonest first, less those held back while
 * an attempt at their quiz waits for submission. A card keeps the layout it is being shown in on
 * the review page, if any; else it is laid out afresh (nothing is stored: the device keeps the
 * layout with the card, and answers travel in authored ids).
 */
export function offlineCards(userId: number, now = new Date()): OfflineCard[] {
	const until = new Date(now.getTime() + OFFLINE_DAYS * 86_400_000);
	return db()
		.select()
		.from(reviewCards)
		.where(and(reviewable(userId), lte(reviewCards.due, until)))
		.orderBy(asc(reviewCards.due), asc(reviewCards.id))
		.all()
		.flatMap((card) => {
			const question = currentQuestion(card);
			if (!question) return []; // retired from the course
			return [
				offlineCard(card, question, (card.layout as Layout | null) ?? layoutFor(question, true))
			];
		});
}
