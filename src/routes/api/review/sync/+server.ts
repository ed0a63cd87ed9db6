import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { jsonPost } from '$lib/server/json-api';
import { syncReviews } from '$lib/server/review/sync';
import type { RequestHandler } from './$types';

const SYNC_BATCH_MAX = 500;

const batch = z.object({
	reviews: z
		.array(
			z.object({
				clientId: z.uuid(),
				cardId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
				response: z.unknown(),
				answeredAt: z.iso.datetime({ offset: true })
			})
		)
		.max(SYNC_BATCH_MAX, `Send at most ${SYNC_BATCH_MAX} reviews at a time.`)
});

/** Reviews answered offline, queued on the device and sent when it is back online. */
export const POST: RequestHandler = async (event) => {
	const { user, body } = await jsonPost(event, batch, {
		what: 'batch of reviews',
		signIn: 'Sign in to sync your reviews.'
	});
	const reviews = body.reviews.map((review) => ({
		...review,
		answeredAt: new Date(review.answeredAt)
	}));
	return json(syncReviews(user.id, reviews));
};
