import { fail, redirect } from '@sveltejs/kit';
import { ClassError } from '$lib/server/classes';
import { classByTypedCode, TooManyGuessesError } from '$lib/server/join-codes';
import type { Actions } from './$types';

export const actions: Actions = {
	/** A code that works goes to its class's page to confirm; one that does not says why here. */
	default: async ({ request, locals, getClientAddress }) => {
		const typed = String((await request.formData()).get('code') ?? '');
		const code = typed.trim().slice(0, 40);
		try {
			const klass = await classByTypedCode(typed, {
				address: getClientAddress(),
				userId: locals.user?.id
			});
			redirect(303, `/join/${klass.joinCode}`);
		} catch (caught) {
			if (caught instanceof TooManyGuessesError)
				return fail(429, { code, message: caught.message });
			if (!(caught instanceof ClassError)) throw caught;
			return fail(caught.status === 410 ? 410 : 400, { code, message: caught.message });
		}
	}
};
