import { error, redirect } from '@sveltejs/kit';
import { getLesson } from '$lib/content/course';
import { requireUser } from '$lib/server/guards';
import { attemptsOf, quizSettings, startOrResumeAttempt } from '$lib/server/quiz/attempts';
import { catalog, quizIdFor } from '$lib/server/quiz/catalog';
import { quizGrade } from '$lib/server/quiz/quiz-grade';
import { awaitingGrading } from '$lib/server/quiz/essay-marks';
import { orErrorPage, orFailure } from '$lib/server/quiz/http';
import type { Actions, PageServerLoad } from './$types';

function quizOf(params: { module: string; lesson: string }) {
	const { module, lesson } = getLesson(params.module, params.lesson);
	const entry = catalog.get(quizIdFor(module.slug, lesson.slug));
	if (!entry) error(404, 'This lesson has no quiz.');
	return { module, lesson, entry };
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { module, lesson, entry } = quizOf(event.params);
	const settings = await orErrorPage(() => quizSettings(entry.id));
	const history = await attemptsOf(user.id, entry.id);
	const used = history.length;
	const ungraded = await awaitingGrading(history.map((attempt) => attempt.id));
	return {
		module: { title: module.title, href: module.href, number: module.number },
		lesson: { title: lesson.title, href: lesson.href },
		quiz: {
			title: settings.title,
			questions: entry.quiz.questions.length,
			feedback: settings.feedback,
			grading: settings.grading,
			maxAttempts: settings.maxAttempts,
			grade: quizGrade(settings.grading, history)
		},
		attempts: history.map((attempt, index) => ({
			id: attempt.id,
			number: index + 1,
			status: attempt.status,
			score: attempt.score,
			/** Essays not yet marked: the score is provisional until they are. */
			awaitingGrading: attempt.status === 'submitted' ? (ungraded.get(attempt.id) ?? 0) : 0,
			submittedAt: attempt.submittedAt?.toISOString() ?? null
		})),
		canStart:
			history.some((attempt) => attempt.status === 'in_progress') ||
			settings.maxAttempts === null ||
			used < settings.maxAttempts
	};
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireUser(event);
		const { entry } = quizOf(event.params);
		const result = await orFailure({}, () => startOrResumeAttempt(user.id, entry.id));
		if (typeof result !== 'number') return result;
		redirect(303, `${event.url.pathname}/${result}`);
	}
};
