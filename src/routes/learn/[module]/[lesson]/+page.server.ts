import { getLesson } from '$lib/content/course';
import { statsFor } from '$lib/server/lesson-stats';
import { catalog, quizIdFor } from '$lib/server/quiz/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const { module, lesson } = getLesson(params.module, params.lesson);
	return {
		module: {
			number: module.number,
			title: module.title,
			href: module.href,
			contentNote: module.contentNote
		},
		lesson,
		minutes: statsFor(lesson.file).minutes,
		quiz: catalog.get(quizIdFor(module.slug, lesson.slug))?.quiz.questions.length ?? 0
	};
};
