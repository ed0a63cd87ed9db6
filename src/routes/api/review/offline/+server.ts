import { json } from '@sveltejs/kit';
import { jsonUser } from '$lib/server/json-api';
import { offlineCards } from '$lib/server/review/offline';
import type { RequestHandler } from './$types';

/** The learner's review cards due soon, with what grading them on the device needs (see OfflineCard). */
export const GET: RequestHandler = async (event) => {
	const user = jsonUser(event, 'Sign in to keep your reviews on this device.');
	return json({ cards: offlineCards(user.id) });
};
