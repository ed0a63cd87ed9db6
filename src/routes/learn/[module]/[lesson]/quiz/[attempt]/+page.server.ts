import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getLesson } from '$lib/content/course';
import { requireUser } from '$lib/server/guards';
import {
	answeredEntry,
	attemptQuestionsOf,
	attemptsOf,
	ownAttempt,
	quizSettings,
	saveAnswer,
	submitAttempt
} from '$lib/server/quiz/attempts';
import { noteQuizSubmitted } from '$lib/server/progress/lesson-progress';
import { lessonRef } from '$lib/server/progress/lessons';
import { quizIdFor } from '$lib/server/quiz/catalog';
import { orErrorPage, orFailure, postedByEnhance } from '$lib/server/quiz/http';
import {
	answeredQuestion,
	attemptQuestionState,
	attemptQuestionStates,
	questionSteps
} from '$lib/server/quiz/question-views';
import { dueCount } from '$lib/server/review/cards';
import { currentQuestion, nextToAnswer, questionNumber } from '$lib/quiz/steps';
import { KEEP_ATTEMPT_HEADER } from '$lib/offline/rules';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Built once: building a schema costs more than checking a value with it.
const clientIdSchema = z.uuid();

/** The learner's attempt, checked to belong to the quiz named in the URL. */
async function attemptFor(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const user = requireUser(event);
	const { module, lesson } = getLesson(event.params.module, event.params.lesson);
	const attempt = await orErrorPage(() => ownAttempt(user.id, Number(event.params.attempt)));
	if (attempt.quizId !== quizIdFor(module.slug, lesson.slug)) {
		redirect(303, `/learn/${attempt.quizId}/quiz/${attempt.id}`);
	}
	return { user, module, lesson, attempt };
}

/**
 * One question per screen (`?q=3`); without `q`, the question to carry on with while the
 * attempt is open, and the end screen once it is submitted.
 */
export const load: PageServerLoad = async (event) => {
	const { user, module, lesson, attempt } = await attemptFor(event);
	const settings = await quizSettings(attempt.quizId);
	const entries = await attemptQuestionsOf(attempt.id);
	const submitted = attempt.status === 'submitted';
	const steps = questionSteps(settings, submitted, entries);
	const common = {
		module: { title: module.title, href: module.href, number: module.number },
		lesson: { title: lesson.title, href: lesson.href },
		quiz: { title: settings.title, feedback: settings.feedback, href: `${lesson.href}/quiz` },
		attempt: { id: attempt.id, status: attempt.status, score: attempt.score },
		steps
	};

	const asked = event.url.searchParams.get('q');
	if (asked === null && submitted) {
		const history = await attemptsOf(user.id, attempt.quizId);
		return {
			...common,
			screen: 'end' as const,
			mistakes: attemptQuestionStates(settings, true, entries).filter(
				// An essay awaiting its mark is not a mistake (yet).
				(question) =>
					question.result?.verdict !== 'correct' && question.result?.verdict !== 'awaiting grading'
			),
			nextLesson: lesson.next && { title: lesson.next.title, href: lesson.next.href },
			reviewsDue: await dueCount(user.id),
			canRetake: settings.maxAttempts === null || history.length < settings.maxAttempts
		};
	}

	// An open attempt's screens hold no key of a question not yet answered: the service worker
	// may keep them, so the attempt goes on offline.
	if (!submitted) event.setHeaders({ [KEEP_ATTEMPT_HEADER]: 'attempt' });
	const number = asked === null ? currentQuestion(steps) : questionNumber(asked, entries.length);
	const entry = number === null ? undefined : entries[number - 1];
	if (number === null || !entry) error(404, 'This attempt has no such question.');
	return {
		...common,
		screen: 'question' as const,
		question: attemptQuestionState(settings, submitted, entry, number),
		nextToAnswer: submitted ? null : nextToAnswer(steps, number)
	};
};

export const actions: Actions = {
	answer: async (event) => {
		const { user, attempt } = await attemptFor(event);
		const form = await event.request.formData();
		const question = String(form.get('question') ?? '');
		// Set by a page that queued the answer offline: sent again, it changes nothing.
		const clientId = String(form.get('clientId') ?? '') || undefined;
		if (clientId && !clientIdSchema.safeParse(clientId).success)
			return fail(400, { question, message: 'That answer’s id is not valid.' });
		const saved = await orFailure({ question }, () =>
			saveAnswer(user.id, attempt.id, question, form, clientId)
		);
		if (!('number' in saved)) return saved;
		// The same question again, its feedback in view (and a reload posts nothing).
		const location = `${event.url.pathname}?q=${saved.number}#q-${question}-feedback`;
		if (saved.submitted || !postedByEnhance(event.request)) redirect(303, location);
		// With JavaScript, only what changed: the question's screen and its step, applied in place
		// of a page load (the address becomes `location`, as without JavaScript).
		const entry = await answeredEntry(attempt.id, saved);
		return { answered: answeredQuestion(saved, entry, saved.number), location };
	},
	submit: async (event) => {
		const { user, lesson, attempt } = await attemptFor(event);
		const failed = await orFailure({}, () => submitAttempt(user.id, attempt.id));
		if (failed) return failed;
		noteQuizSubmitted(user.id, lessonRef(lesson));
		redirect(303, `${event.url.pathname}#result`);
	}
};
