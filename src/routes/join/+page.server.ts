import { fail, redirect } from '@sveltejs/kit';
import { ClassError, classByCode } from '$lib/server/classes';
import type { Actions } from './$types';

export const actions: Actions = {
	/** A code that works goes to its class's page to confirm; one that does not says why here. */
	default: async ({ request }) => {
		const typed = String((await request.formData()).get('code') ?? '');
		try {
			const klass = await classByCode(typed);
			redirect(303, `/join/${klass.joinCode}`);
		} catch (caught) {
			if (!(caught instanceof ClassError)) throw caught;
			return fail(caught.status === 410 ? 410 : 400, {
				code: typed.trim().slice(0, 40),
				message: caught.message
			});
		}
	}
};
