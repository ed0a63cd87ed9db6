import { loadLessonBody } from '$lib/content/lesson-components';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({
	...data,
	body: await loadLessonBody(data.lesson.file)
});
