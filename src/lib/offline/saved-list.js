// @ts-check
// The offline page's only script (served as written, so plain JavaScript checked through JSDoc):
// lists the pages kept on the device, by their titles, course and modules first.

const section = /** @type {HTMLElement | null} */ (document.querySelector('[data-saved-pages]'));
if (section && 'caches' in window) listSaved(section);

/** @param {HTMLElement} section */
async function listSaved(section) {
	const cache = await caches.open(section.dataset.savedPages ?? '');
	const pages = [];
	for (const request of await cache.keys()) {
		const path = new URL(request.url).pathname;
		const response = await cache.match(request);
		const type = response?.headers.get('content-type') ?? '';
		if (!response || !type.startsWith('text/html')) continue; // the note of whose pages they are
		const title = new DOMParser().parseFromString(await response.text(), 'text/html').title;
		pages.push({ path, title: title || path });
	}
	if (!pages.length) return;
	pages.sort((a, b) => depth(a.path) - depth(b.path) || a.path.localeCompare(b.path));
	const list = /** @type {HTMLElement} */ (section.querySelector('[data-saved-list]'));
	for (const { path, title } of pages) {
		const link = document.createElement('a');
		link.href = path;
		link.textContent = title;
		const item = document.createElement('li');
		item.append(link);
		list.append(item);
	}
	list.hidden = false;
	section.querySelector('[data-saved-empty]')?.remove();
}

/** @param {string} path */
function depth(path) {
	return path.split('/').filter(Boolean).length;
}
