import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/guards';
import { orFailure } from '$lib/server/quiz/http';
import { publicQuestion } from '$lib/server/quiz/question-views';
import {
	cardsAwaitingSubmission,
	dueCount,
	nextDueAt,
	nextDueCard,
	reviewAnswer,
	reviewResult
} from '$lib/server/review/cards';
import { reviewedQuestion } from '$lib/server/review/views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const lastId = Number(event.url.searchParams.get('last'));
	const last = Number.isSafeInteger(lastId) ? reviewResult(user.id, lastId) : null;
	const next = nextDueCard(user.id);
	return {
		due: await dueCount(user.id),
		nextDueAt: next ? null : ((await nextDueAt(user.id))?.toISOString() ?? null),
		awaitingSubmission: next ? 0 : await cardsAwaitingSubmission(user.id),
		last: last && reviewedQuestion(last),
		card: next && {
			id: next.card.id,
			question: { ...publicQuestion(next.question, next.layout, 1), response: null, result: null }
		}
	};
};

export const actions: Actions = {
	/** Review answers go to the review log only: graded attempts keep their scores. */
	answer: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const cardId = Number(form.get('card'));
		const question = String(form.get('question') ?? '');
		const logId = await orFailure({ question }, () => reviewAnswer(user.id, cardId, form));
		if (typeof logId !== 'number') return logId;
		redirect(303, `/review?last=${logId}#last-review`);
	}
};
