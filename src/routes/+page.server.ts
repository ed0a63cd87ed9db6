import { course } from '$lib/content/course';
import { nextStep } from '$lib/server/progress/continue';
import { learnerPath } from '$lib/server/progress/path';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// Signed out, the path has no states and starts at the beginning.
	const path = locals.user ? await learnerPath(locals.user.id) : null;
	return {
		next: path?.next ?? nextStep([]),
		modules: course.map(({ slug, number, title, summary, href, lessons }, i) => {
			const progress = path?.modules[i];
			return {
				slug,
				number,
				title,
				summary,
				href,
				lessons: lessons.length,
				progress: progress && {
					completed: progress.completed,
					percent: progress.percent,
					mastery: progress.mastery
				}
			};
		})
	};
};
