// @ts-check
// The lesson page's only script. Lesson pages are served without SvelteKit's client (`csr =
// false` in the lesson route), so a phone downloads a few kilobytes of JavaScript, not the
// framework; this file is loaded as it is written, so it is plain JavaScript, type-checked
// through JSDoc.
//
// It sends a checkpoint when a section is reached, with the active reading time since the last
// one: time counts only while the page is visible and someone scrolled, tapped or typed in the
// last minute. The page names its lesson and checkpoints on `[data-reading-lesson]`.

const root = /** @type {HTMLElement | null} */ (document.querySelector('[data-reading-lesson]'));
if (root) track(root);

/** @param {HTMLElement} root */
function track(root) {
	const lesson = root.dataset.readingLesson ?? '';
	const checkpoints = (root.dataset.readingCheckpoints ?? '').split(' ').filter(Boolean);
	/** @type {() => void} */
	let stop = () => {};
	// A page the browser keeps in memory and shows again on back/forward is a new visit, read
	// from where it is shown.
	addEventListener('pageshow', (event) => {
		if (!event.persisted) return;
		stop();
		stop = visit(lesson, checkpoints);
	});
	stop = visit(lesson, checkpoints);
}

/**
 * One visit to the lesson, until the page is left or hidden in the back/forward cache.
 * @param {string} lesson
 * @param {string[]} checkpoints
 * @returns {() => void} ends the visit
 */
function visit(lesson, checkpoints) {
	const visitId = crypto.randomUUID();
	let active = 0;
	let lastInteraction = Date.now();
	let lastSection = '';
	const touch = () => (lastInteraction = Date.now());

	/** @param {string} section */
	const send = async (section) => {
		const activeSeconds = active;
		active = 0;
		lastSection = section;
		try {
			const response = await fetch('/api/progress', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				// The client id and time let a checkpoint kept offline (see the service worker) be
				// recorded once, at the time it was reached, when it is sent later.
				body: JSON.stringify({
					lesson,
					section,
					visitId,
					activeSeconds,
					clientId: crypto.randomUUID(),
					readAt: new Date().toISOString()
				}),
				keepalive: true
			});
			// 202: kept on the device, to be sent once the connection returns.
			if (response.status === 200) show(await response.json());
		} catch {
			// Offline for a moment: keep the time for the next checkpoint.
			active += activeSeconds;
		}
	};

	// A checkpoint counts once the reader has had it on screen since the page settled: its heading
	// in the upper part of the screen (above the reading line) at a check, or carried through that
	// part by scrolling between two checks, so a quick flick past it still counts; at the foot of
	// the page, whatever is on screen. The page settles where the browser puts it once loaded (the
	// top, a #section, or the place back/forward restores): the sections above a linked or
	// restored position, which the reader never saw, do not count. A jump to a #link on the page
	// starts afresh the same way. Checked on scroll, at most every 300 ms.
	const reached = new Set();
	const lastTops = new Map();
	let settled = false;
	let current = '';
	/** @type {ReturnType<typeof setTimeout> | undefined} */
	let leftOff;
	const check = () => {
		if (!settled) return;
		const line = innerHeight * 0.45;
		const atFoot = scrollY + innerHeight >= document.documentElement.scrollHeight - 4;
		let here = '';
		for (const id of checkpoints) {
			const box = document.getElementById(id)?.getBoundingClientRect();
			if (!box) continue;
			const before = lastTops.get(id) ?? box.top;
			lastTops.set(id, box.top);
			const seen =
				(Math.min(before, box.top) < line && Math.max(before, box.top) + box.height > 0) ||
				(atFoot && box.bottom > 0 && box.top < innerHeight);
			if (seen && !reached.has(id)) {
				reached.add(id);
				send(id);
			}
			if (box.top < line || (atFoot && box.top < innerHeight)) here = id;
		}
		// Going back to re-read moves "where you left off", once the reader settles there.
		if (here && here !== current) {
			current = here;
			clearTimeout(leftOff);
			leftOff = setTimeout(() => {
				if (current === here && lastSection !== here && reached.has(here)) send(here);
			}, 1500);
		}
	};
	const startAfresh = () => {
		lastTops.clear();
		check();
	};
	const settle = () => {
		// The frame after `load`: by then the browser has scrolled to the #section or restored the
		// position back/forward keeps.
		requestAnimationFrame(() => {
			settled = true;
			startAfresh();
		});
	};
	if (document.readyState === 'complete') settle();
	else addEventListener('load', settle, { once: true });

	/** @type {ReturnType<typeof setTimeout> | undefined} */
	let queued;
	const onScroll = () => {
		queued ??= setTimeout(() => {
			queued = undefined;
			check();
		}, 300);
	};
	addEventListener('scroll', onScroll, { passive: true });
	addEventListener('hashchange', startAfresh);

	const tick = setInterval(() => {
		if (document.visibilityState === 'visible' && Date.now() - lastInteraction < 60_000)
			active += 1;
		if (active >= 30 && lastSection) send(lastSection);
	}, 1000);
	const flush = () => {
		if (active > 0 && lastSection) send(lastSection);
	};
	const events = /** @type {const} */ (['scroll', 'keydown', 'pointerdown', 'pointermove']);
	for (const name of events) addEventListener(name, touch, { passive: true });
	addEventListener('pagehide', flush);

	return () => {
		removeEventListener('load', settle);
		removeEventListener('scroll', onScroll);
		removeEventListener('hashchange', startAfresh);
		clearTimeout(queued);
		clearTimeout(leftOff);
		clearInterval(tick);
		for (const name of events) removeEventListener(name, touch);
		removeEventListener('pagehide', flush);
	};
}

/**
 * Shows the server's figures for the lesson: the bar under its title and, once the lesson is
 * complete, the "completed" line at its foot in place of the button that marks it complete.
 * @param {{ percent: number; completed: boolean }} progress
 */
function show({ percent, completed }) {
	const bar = document.querySelector('[data-reading-bar]');
	const label = document.querySelector('[data-reading-label]');
	if (!(bar instanceof HTMLProgressElement) || !label) return;
	if (completed) {
		bar.value = 100;
		label.textContent = 'Completed';
		for (const part of document.querySelectorAll('[data-until-complete]')) part.remove();
		for (const part of document.querySelectorAll('[data-once-complete]'))
			part.removeAttribute('hidden');
	} else if (percent > bar.value) {
		// Never lower: an answer to an earlier checkpoint can arrive after a later one's.
		bar.value = percent;
		label.textContent = `Read ${percent}%`;
	}
}
