import { redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/server/classes';
import type { Actions } from './$types';

export const actions: Actions = {
	/** The typed code goes to its own page, which says whether it works. */
	default: async ({ request }) => {
		const code = normaliseJoinCode(String((await request.formData()).get('code') ?? ''));
		redirect(303, `/join/${encodeURIComponent(code || '-')}`);
	}
};
