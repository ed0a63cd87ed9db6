import { fail, redirect } from '@sveltejs/kit';
import { createSession } from '$lib/server/auth';
import { firstMessage, formFields, signUpForm } from '$lib/server/auth-forms';
import { signUpByAddress, signUpByEmail, waitMessage } from '$lib/server/auth-limits';
import { spendTokens } from '$lib/server/rate-limit';
import { safeRedirectTarget } from '$lib/server/redirect-target';
import { setSessionCookie } from '$lib/server/session-cookie';
import { rememberDevice } from '$lib/server/sign-in-devices';
import { createUser, EmailTakenError, normaliseEmail } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin));
};

export const actions: Actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData(), ['email', 'displayName', 'password']);
		// Typed values come back to the form, the password never does.
		const keep = { email: fields.email ?? '', displayName: fields.displayName ?? '' };

		const byAddress = await spendTokens([[signUpByAddress, event.getClientAddress()]]);
		if (!byAddress.allowed)
			return fail(429, { ...keep, message: waitMessage(byAddress.waitSeconds) });
		const parsed = signUpForm.safeParse(fields);
		if (!parsed.success) return fail(400, { ...keep, message: firstMessage(parsed.error) });
		const byEmail = await spendTokens([[signUpByEmail, normaliseEmail(parsed.data.email)]]);
		if (!byEmail.allowed) return fail(429, { ...keep, message: waitMessage(byEmail.waitSeconds) });

		let userId: number;
		try {
			userId = (await createUser(parsed.data)).id;
		} catch (error) {
			if (error instanceof EmailTakenError) return fail(409, { ...keep, message: error.message });
			throw error;
		}
		await rememberDevice(event, userId, null);
		const { token, session } = await createSession(userId);
		setSessionCookie(event, token, session.expiresAt);
		const { searchParams, origin } = event.url;
		redirect(303, safeRedirectTarget(searchParams.get('redirectTo'), origin));
	}
};
