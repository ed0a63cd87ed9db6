// @ts-check
// Registers the course's service worker from a page without SvelteKit's client (a lesson), so a
// lesson opened first is kept for offline reading too. The layout does the same elsewhere.
if ('serviceWorker' in navigator) {
	addEventListener('load', () => {
		navigator.serviceWorker.register('/service-worker.js').catch(() => undefined);
	});
}
