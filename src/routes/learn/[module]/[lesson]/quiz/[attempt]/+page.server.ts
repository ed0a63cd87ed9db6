import { redirect } from '@sveltejs/kit';
import { getLesson } from '$lib/content/course';
import { requireUser } from '$lib/server/guards';
import {
	attemptQuestionsOf,
	ownAttempt,
	quizSettings,
	saveAnswer,
	submitAttempt
} from '$lib/server/quiz/attempts';
import { noteQuizSubmitted } from '$lib/server/progress/lesson-progress';
import { lessonRef } from '$lib/server/progress/lessons';
import { quizIdFor } from '$lib/server/quiz/catalog';
import { orErrorPage, orFailure } from '$lib/server/quiz/http';
import { attemptQuestionStates } from '$lib/server/quiz/question-views';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

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

export const load: PageServerLoad = async (event) => {
	const { module, lesson, attempt } = await attemptFor(event);
	const settings = await quizSettings(attempt.quizId);
	const questions = await attemptQuestionsOf(attempt.id);
	return {
		module: { title: module.title, href: module.href, number: module.number },
		lesson: { title: lesson.title, href: lesson.href },
		quiz: { title: settings.title, feedback: settings.feedback, href: `${lesson.href}/quiz` },
		attempt: {
			id: attempt.id,
			status: attempt.status,
			score: attempt.score,
			answered: questions.filter((q) => q.answer !== null).length
		},
		questions: attemptQuestionStates(settings, attempt.status === 'submitted', questions)
	};
};

export const actions: Actions = {
	answer: async (event) => {
		const { user, attempt } = await attemptFor(event);
		const form = await event.request.formData();
		const question = String(form.get('question') ?? '');
		const saved = await orFailure({ question }, () =>
			saveAnswer(user.id, attempt.id, question, form)
		);
		if (saved) return saved;
		// Back to the question just answered, so its feedback is in view (and a reload posts nothing).
		redirect(303, `${event.url.pathname}#q-${question}`);
	},
	submit: async (event) => {
		const { user, lesson, attempt } = await attemptFor(event);
		const failed = await orFailure({}, () => submitAttempt(user.id, attempt.id));
		if (failed) return failed;
		noteQuizSubmitted(user.id, lessonRef(lesson));
		redirect(303, `${event.url.pathname}#result`);
	}
};
