import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { jsonPost } from '$lib/server/json-api';
import { findLesson } from '$lib/server/progress/lessons';
import { ProgressError, recordReading } from '$lib/server/progress/lesson-progress';
import type { RequestHandler } from './$types';

const checkpoint = z.object({
	lesson: z.string().max(200),
	section: z.string().max(200),
	visitId: z.string().min(8).max(64),
	activeSeconds: z.number().finite().min(0).max(86_400),
	/** Made by the browser for this checkpoint: sent again, it changes nothing. */
	clientId: z.uuid().optional(),
	/** When a checkpoint queued offline was reached. */
	readAt: z.iso.datetime({ offset: true }).optional()
});

/**
 * Reading checkpoints from the lesson page (sent with fetch keepalive, so they survive leaving
 * it), or queued while offline and sent later. Answers the lesson's figures as they now stand.
 */
export const POST: RequestHandler = async (event) => {
	const { user, body } = await jsonPost(event, checkpoint, {
		what: 'checkpoint',
		signIn: 'Sign in to save your progress.'
	});
	const entry = findLesson(body.lesson);
	if (!entry) error(404, 'No such lesson.');
	try {
		const { readAt, ...input } = body;
		return json(
			recordReading(user.id, entry.ref, { ...input, readAt: readAt ? new Date(readAt) : undefined })
		);
	} catch (caught) {
		if (caught instanceof ProgressError) error(400, caught.message);
		throw caught;
	}
};
