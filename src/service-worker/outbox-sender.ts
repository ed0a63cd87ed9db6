import { dequeue, enqueue, queued } from '$lib/offline/outbox';
import { EXPECTED_LEARNER_HEADER } from '$lib/offline/rules';
import { notedLearner } from './learner';
import { tellPages, worker } from './scope';

// What the learner does offline waits in the outbox (see ../outbox.ts) and is sent, in order,
// once the network answers again.

/** The Background Sync tag under which the browser wakes the worker to send what waits. */
export const OUTBOX_SYNC = 'outbox';

/**
 * Sends the request; if the network fails it, keeps it to send later and answers 202 with
 * `{ queued: true }`, so the page can say it is saved on the device.
 */
export async function sendOrQueue(request: Request): Promise<Response> {
	const body = await request.clone().text();
	try {
		return await fetch(request);
	} catch (error) {
		const learner = await notedLearner();
		if (!learner) throw error;
		const url = new URL(request.url);
		const action = request.headers.get('x-sveltekit-action') === 'true';
		await enqueue({
			url: url.pathname + url.search,
			body,
			contentType: request.headers.get('content-type') ?? 'application/json',
			action,
			learner,
			queuedAt: Date.now()
		});
		const registration = worker.registration as ServiceWorkerRegistration & {
			sync?: { register(tag: string): Promise<void> };
		};
		await registration.sync?.register(OUTBOX_SYNC).catch(() => undefined);
		await tellPages();
		// A form action's answer is what SvelteKit's use:enhance reads: an ActionResult whose
		// data ({ queued: true }) is in devalue's format.
		if (action) return Response.json({ type: 'success', status: 202, data: '[{"queued":1},true]' });
		return Response.json({ queued: true }, { status: 202 });
	}
}

let flushing: Promise<void> | null = null;

/** Sends the waiting requests in the order they were made; one run at a time. */
export function flushOutbox(): Promise<void> {
	flushing ??= sendQueued().finally(() => (flushing = null));
	return flushing;
}

async function sendQueued(): Promise<void> {
	let sent = 0;
	let refused = 0;
	for (const item of await queued()) {
		let response: Response;
		try {
			response = await fetch(item.url, {
				method: 'POST',
				headers: {
					'content-type': item.contentType,
					[EXPECTED_LEARNER_HEADER]: item.learner,
					...(item.action ? { 'x-sveltekit-action': 'true' } : {})
				},
				body: item.body
			});
		} catch {
			break; // still offline: the rest waits, in order
		}
		if (response.status >= 500) break;
		// Recorded, already recorded, or refused for good (its learner signed out, say): done.
		if (response.ok && !(item.action && (await refusedAction(response)))) sent += 1;
		else refused += 1;
		await dequeue(item.id!);
	}
	await tellPages({ sent, refused });
}

/** A form action refuses in its ActionResult (a 200 saying "failure"), not in its status. */
async function refusedAction(response: Response): Promise<boolean> {
	const result = await response.json().catch(() => null);
	return result?.type === 'failure' || result?.type === 'error';
}
