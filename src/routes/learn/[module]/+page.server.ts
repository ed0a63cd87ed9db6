import { course, getModule } from '$lib/content/course';
import { statsFor } from '$lib/server/lesson-stats';
import { learnerPath } from '$lib/server/progress/path';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { slug, href, number, title, summary, contentNote, objectives, lessons } = getModule(
		params.module
	);
	// Signed out, the lessons are listed without states.
	const path = locals.user
		? (await learnerPath(locals.user.id)).modules[course.findIndex((m) => m.slug === slug)]
		: undefined;
	const withMinutes = lessons.map(({ slug, title, summary, href, file }, i) => {
		const status = path?.lessons[i];
		return {
			slug,
			title,
			summary,
			href,
			minutes: statsFor(file).minutes,
			status: status && { state: status.state, percent: status.percent, score: status.score },
			upNext: path?.upNext === slug
		};
	});
	return {
		module: { slug, href, number, title, summary, contentNote, objectives },
		lessons: withMinutes,
		minutes: withMinutes.reduce((sum, lesson) => sum + lesson.minutes, 0),
		progress: path && { completed: path.completed, percent: path.percent, mastery: path.mastery }
	};
};
