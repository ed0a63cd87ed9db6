import { getModule } from '$lib/content/course';
import { statsFor } from '$lib/server/lesson-stats';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const { slug, number, title, summary, contentNote, objectives, lessons } = getModule(
		params.module
	);
	const withMinutes = lessons.map(({ slug, title, summary, href, file }) => ({
		slug,
		title,
		summary,
		href,
		minutes: statsFor(file).minutes
	}));
	return {
		module: { slug, number, title, summary, contentNote, objectives },
		lessons: withMinutes,
		minutes: withMinutes.reduce((sum, lesson) => sum + lesson.minutes, 0)
	};
};
