import type { Page } from 'playwright-core';

// What a phone keeps for offline use, read from inside the page as the app itself would.

/** Waits until the service worker controls the page (the first visit installs it; a reload hands over). */
export async function workerInCharge(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
	await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/**
 * Every record of one IndexedDB store, or none if the app never made it. A database that does
 * not exist yet is not created by looking (the app's own upgrade would then never run).
 */
export function storeRecords<T>(page: Page, database: string, store: string): Promise<T[]> {
	return page.evaluate(
		({ database, store }) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open(database);
				open.onupgradeneeded = () => open.transaction!.abort();
				open.onerror = () => resolve([]);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains(store)) {
						db.close();
						return resolve([]);
					}
					const all = db.transaction(store).objectStore(store).getAll();
					all.onerror = () => reject(all.error);
					all.onsuccess = () => {
						db.close();
						resolve(all.result as T[]);
					};
				};
			}),
		{ database, store }
	);
}

/** How many requests wait in the service worker's outbox. */
export async function waitingInOutbox(page: Page): Promise<number> {
	return (await storeRecords(page, 'course-outbox', 'requests')).length;
}

/** The review cards kept on the device for offline review. */
export function keptReviewCards(page: Page) {
	return storeRecords<{ id: number; due: string; question: { key: string } }>(
		page,
		'course-review-cards',
		'cards'
	);
}
