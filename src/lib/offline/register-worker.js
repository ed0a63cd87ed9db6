// @ts-check
// Registers the course's service worker from a page without SvelteKit's client (a lesson), so a
// lesson opened first is kept for offline reading too, and asks it to send what the learner did
// offline once the page opens or the connection returns. The layout does the same elsewhere.
if ('serviceWorker' in navigator) {
	const flush = () => navigator.serviceWorker.controller?.postMessage({ type: 'flush' });
	addEventListener('load', () => {
		navigator.serviceWorker.register('/service-worker.js').then(flush, () => undefined);
	});
	addEventListener('online', flush);
}
