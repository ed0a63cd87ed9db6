import { course } from '$lib/content/course';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	modules: course.map(({ slug, number, title, summary, href, lessons }) => ({
		slug,
		number,
		title,
		summary,
		href,
		lessons: lessons.map(({ slug, title, href }) => ({ slug, title, href }))
	}))
});
