import { redirect } from '@sveltejs/kit';
import { invalidateSession } from '$lib/server/auth';
import { deleteSessionCookie } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST; a plain visit just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.session) await invalidateSession(event.locals.session.id);
		deleteSessionCookie(event);
		redirect(303, '/');
	}
};
