import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { findLesson } from '$lib/server/progress/lessons';
import { ProgressError, recordReading } from '$lib/server/progress/lesson-progress';
import type { RequestHandler } from './$types';

const ping = z.object({
	lesson: z.string().max(200),
	section: z.string().max(200),
	visitId: z.string().min(8).max(64),
	activeSeconds: z.number().finite().min(0).max(86_400)
});

const unreadable = Symbol('unreadable');

/** Reading checkpoints from the lesson page (sent with fetch keepalive, so they survive leaving it). */
export const POST: RequestHandler = async ({ locals, request }) => {
	// Read before any answer: one sent while a large body is still arriving makes Node reset the
	// connection, and the sender sees no answer at all.
	const body: unknown = await request.json().catch(() => unreadable);
	if (!locals.user) error(401, 'Sign in to save your progress.');
	// Only a same-origin script can send this type without a CORS preflight (which is never granted).
	const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
	if (type !== 'application/json') error(415, 'Send the checkpoint as application/json.');
	if (body === unreadable) error(400, 'Send the checkpoint as JSON.');
	const parsed = ping.safeParse(body);
	if (!parsed.success) error(400, 'That checkpoint is not valid.');
	const entry = findLesson(parsed.data.lesson);
	if (!entry) error(404, 'No such lesson.');
	try {
		const progress = recordReading(locals.user.id, entry.ref, parsed.data);
		return json({ percent: progress.percent, completed: progress.completedAt !== null });
	} catch (caught) {
		if (caught instanceof ProgressError) error(400, caught.message);
		throw caught;
	}
};
