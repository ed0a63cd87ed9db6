import { getModule } from '$lib/content/course';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const { slug, number, title, summary, contentNote, lessons } = getModule(params.module);
	return {
		module: { slug, number, title, summary, contentNote },
		lessons: lessons.map(({ slug, title, summary, href }) => ({ slug, title, summary, href }))
	};
};
