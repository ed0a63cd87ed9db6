import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

// What the learner did offline, waiting to be sent: requests the service worker could not
// deliver, kept in IndexedDB (through `idb`) in the order they were made, each naming the learner
// it was made for. The worker sends them when the connection returns; every one carries its own
// client id, so the server records a request sent twice once.

export interface QueuedRequest {
	id?: number;
	/** Path and query (a form action's `?/answer`). */
	url: string;
	/** The body as the page sent it, and its type (JSON, or a form). */
	body: string;
	contentType: string;
	/** Sent by SvelteKit's `use:enhance`: the answer is an ActionResult. */
	action: boolean;
	/** The learner the page belonged to (see LEARNER_HEADER): sent back, so no one else gets it. */
	learner: string;
	queuedAt: number;
}

interface OutboxSchema extends DBSchema {
	requests: { key: number; value: QueuedRequest };
}

const DATABASE = 'course-outbox';

export function openOutbox(): Promise<IDBPDatabase<OutboxSchema>> {
	return openDB<OutboxSchema>(DATABASE, 1, {
		upgrade(database) {
			database.createObjectStore('requests', { keyPath: 'id', autoIncrement: true });
		}
	});
}

export async function enqueue(request: QueuedRequest): Promise<void> {
	const outbox = await openOutbox();
	await outbox.add('requests', request);
}

/** The waiting requests, oldest first. */
export async function queued(): Promise<QueuedRequest[]> {
	return (await openOutbox()).getAll('requests');
}

export async function countQueued(): Promise<number> {
	return (await openOutbox()).count('requests');
}

export async function dequeue(id: number): Promise<void> {
	await (await openOutbox()).delete('requests', id);
}

export async function clearOutbox(): Promise<void> {
	await (await openOutbox()).clear('requests');
}

/**
 * The questions of a quiz attempt with an answer waiting on the device (a form's `question`
 * field), so its screen can say so instead of asking again.
 */
export async function questionsWaiting(attemptPath: string): Promise<Set<string>> {
	const waiting = new Set<string>();
	for (const item of await queued()) {
		if (new URL(item.url, 'http://device').pathname !== attemptPath) continue;
		const question = new URLSearchParams(item.body).get('question');
		if (question) waiting.add(question);
	}
	return waiting;
}
