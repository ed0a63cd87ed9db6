import { getLesson } from '$lib/content/course';
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
		lesson
	};
};
