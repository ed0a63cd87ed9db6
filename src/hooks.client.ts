import type { HandleClientError } from '@sveltejs/kit';

// SvelteKit's own handler logs every error to the console. Offline, a page's data cannot load,
// and the service worker already answers with a kept copy or the offline page: that is no fault
// worth a console error, and the learner is told in the page.
export const handleError: HandleClientError = ({ error, message }) => {
	if (!navigator.onLine && error instanceof TypeError) return { message: 'You are offline.' };
	console.error(error);
	return { message };
};
