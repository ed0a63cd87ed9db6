import { course } from '$lib/content/course';
import { continueWhere } from '$lib/server/progress/continue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	resume: locals.user ? await continueWhere(locals.user.id) : null,
	modules: course.map(({ slug, number, title, summary, href, lessons }) => ({
		slug,
		number,
		title,
		summary,
		href,
		lessons: lessons.map(({ slug, title, href }) => ({ slug, title, href }))
	}))
});
