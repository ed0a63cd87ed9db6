import { PAGES_CACHE } from './rules';

// The page's side of "Save for offline": the service worker fetches and keeps the pages (one
// code path for pages opened and pages saved); the page reads the cache to say what is there.

export interface SaveProgress {
	saved: number;
	failed: string[];
	total: number;
	done: boolean;
}

/** Whether this browser can keep pages (a service worker and Cache Storage). */
export function canSave(): boolean {
	return 'serviceWorker' in navigator && 'caches' in window;
}

/** Which of these paths are kept on the device. */
export async function savedAmong(paths: string[]): Promise<string[]> {
	const pages = await caches.open(PAGES_CACHE);
	const found = await Promise.all(paths.map(async (path) => !!(await pages.match(path))));
	return paths.filter((_, i) => found[i]);
}

/** Asks the service worker to keep these pages; `onProgress` hears after each one. */
export async function savePages(
	paths: string[],
	onProgress: (progress: SaveProgress) => void
): Promise<SaveProgress> {
	const registration = await navigator.serviceWorker.ready;
	const worker = registration.active;
	if (!worker) throw new Error('The offline helper is not running yet.');
	const channel = new MessageChannel();
	return new Promise((resolve) => {
		channel.port1.onmessage = ({ data }: MessageEvent<SaveProgress>) => {
			onProgress(data);
			if (data.done) {
				channel.port1.close();
				resolve(data);
			}
		};
		worker.postMessage({ type: 'save', paths }, [channel.port2]);
	});
}

export async function removePages(paths: string[]): Promise<void> {
	const pages = await caches.open(PAGES_CACHE);
	await Promise.all(paths.map((path) => pages.delete(path)));
}

/** Bytes the course holds on this device (pages, the app itself, queued answers), if known. */
export async function storageUsed(): Promise<number | null> {
	const estimate = await navigator.storage?.estimate?.();
	return estimate?.usage ?? null;
}
