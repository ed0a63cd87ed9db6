import { redirect } from '@sveltejs/kit';
import { getLesson } from '$lib/content/course';
import { requireUser } from '$lib/server/guards';
import { backgroundTermsFor, statsFor } from '$lib/server/lesson-stats';
import { completeLesson, progressFor } from '$lib/server/progress/lesson-progress';
import { lessonRef } from '$lib/server/progress/lessons';
import { catalog } from '$lib/server/quiz/catalog';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { module, lesson } = getLesson(params.module, params.lesson);
	const ref = lessonRef(lesson);
	const progress = locals.user ? await progressFor(locals.user.id, ref.key) : undefined;
	return {
		module: {
			number: module.number,
			title: module.title,
			href: module.href,
			contentNote: module.contentNote
		},
		lesson,
		lessonKey: ref.key,
		sections: ref.sections,
		minutes: statsFor(lesson.file).minutes,
		background: backgroundTermsFor(lesson.file).map(({ term, gloss }) => ({ term, gloss })),
		quiz: catalog.get(ref.key)?.quiz.questions.length ?? 0,
		progress: locals.user
			? { percent: progress?.percent ?? 0, completed: !!progress?.completedAt }
			: null
	};
};

export const actions: Actions = {
	/** "Mark as complete": completing twice changes nothing. Back to the lesson's foot, by GET,
	 * so reloading the page does not send the form again. */
	complete: async (event) => {
		const user = requireUser(event);
		const { lesson } = getLesson(event.params.module, event.params.lesson);
		completeLesson(user.id, lessonRef(lesson));
		redirect(303, `${lesson.href}#end`);
	}
};
