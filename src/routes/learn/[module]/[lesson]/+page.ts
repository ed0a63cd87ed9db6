import { loadLessonBody } from '$lib/content/lesson-components';
import type { PageLoad } from './$types';

// A lesson is a document to read: it is served as HTML and CSS without SvelteKit's client, and
// its one script is the reading tracker (see $lib/reading/reading-tracker.js). Every way in is
// a full page load (see $lib/navigation/document-pages.ts), so this load runs on the server only.
export const csr = false;

export const load: PageLoad = async ({ data }) => ({
	...data,
	body: await loadLessonBody(data.lesson.file)
});
