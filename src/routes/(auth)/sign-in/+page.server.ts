import { fail, redirect } from '@sveltejs/kit';
import { createSession } from '$lib/server/auth';
import { firstMessage, formFields, signInForm } from '$lib/server/auth-forms';
import { signInBuckets, waitMessage } from '$lib/server/auth-limits';
import { spendVerificationTime, verifyPassword } from '$lib/server/password';
import { spendTokens } from '$lib/server/rate-limit';
import { safeRedirectTarget } from '$lib/server/redirect-target';
import { setSessionCookie } from '$lib/server/session-cookie';
import { recognisedDevice, rememberDevice } from '$lib/server/sign-in-devices';
import { findUserByEmail, normaliseEmail } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

// One answer for an unknown email and a wrong password, so the form cannot tell who has an account.
const WRONG_CREDENTIALS = 'That email and password do not match an account.';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin));
};

export const actions: Actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData(), ['email', 'password']);
		const keep = { email: fields.email ?? '' };

		const parsed = signInForm.safeParse(fields);
		if (!parsed.success) return fail(400, { ...keep, message: firstMessage(parsed.error) });
		const { email, password } = parsed.data;

		const user = await findUserByEmail(email);
		const device = user ? await recognisedDevice(event, user.id) : null;
		const spending = await spendTokens(
			signInBuckets(normaliseEmail(email), event.getClientAddress(), device)
		);
		if (!spending.allowed)
			return fail(429, { ...keep, message: waitMessage(spending.waitSeconds) });

		const valid = user
			? await verifyPassword(user.passwordHash, password)
			: await spendVerificationTime(password);
		if (!user || !valid) return fail(400, { ...keep, message: WRONG_CREDENTIALS });

		await rememberDevice(event, user.id, device);
		const { token, session } = await createSession(user.id);
		setSessionCookie(event, token, session.expiresAt);
		const { searchParams, origin } = event.url;
		redirect(303, safeRedirectTarget(searchParams.get('redirectTo'), origin));
	}
};
