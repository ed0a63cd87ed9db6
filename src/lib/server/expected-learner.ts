import { json, type Handle } from '@sveltejs/kit';
import { EXPECTED_LEARNER_HEADER } from '$lib/offline/rules';

/**
 * A request the service worker kept offline and sends later names the learner it was made for.
 * If someone else is signed in on the device by then, it is refused (409), never recorded for
 * them.
 */
export const expectedLearner: Handle = async ({ event, resolve }) => {
	const expected = event.request.headers.get(EXPECTED_LEARNER_HEADER);
	if (expected !== null && expected !== String(event.locals.user?.id ?? 'visitor'))
		return json(
			{ message: 'This was saved on the device for another account, so it was not recorded.' },
			{ status: 409 }
		);
	return resolve(event);
};
