import { course } from '$lib/content/course';
import { sources } from '$lib/content/sources';
import { statsFor } from '$lib/server/lesson-stats';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const lessons = course.flatMap((module) =>
		module.lessons.map((lesson) => ({
			title: lesson.title,
			href: lesson.href,
			module: module.number,
			cites: statsFor(lesson.file).cites
		}))
	);
	return {
		sources: sources.map((source) => ({
			...source,
			usedIn: lessons
				.filter((lesson) => lesson.cites.includes(source.file))
				.map(({ title, href, module }) => ({ title, href, module }))
		}))
	};
};
