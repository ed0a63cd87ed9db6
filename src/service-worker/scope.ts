// The service worker's own scope, for the modules of the service worker (never the pages).

import { countQueued } from '$lib/offline/outbox';

export const worker = self as unknown as ServiceWorkerGlobalScope;

/** Shown for any page the network cannot give and the device does not keep; part of the shell. */
export const OFFLINE_PAGE = '/offline';

export async function offlinePage(): Promise<Response> {
	return (await caches.match(OFFLINE_PAGE)) ?? Response.error();
}

/** Tells every open page how many requests wait, and what the last sending did. */
export async function tellPages(
	result: { sent: number; refused: number } = { sent: 0, refused: 0 }
): Promise<void> {
	const waiting = await countQueued();
	for (const client of await worker.clients.matchAll({ type: 'window' }))
		client.postMessage({ type: 'outbox', waiting, ...result });
}
