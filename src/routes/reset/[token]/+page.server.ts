import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { firstMessage, formFields, signUpForm } from '$lib/server/auth-forms';
import {
	checkPasswordReset,
	RESET_LIFETIME_HOURS,
	redeemPasswordReset,
	type ResetRefusal
} from '$lib/server/password-resets';
import type { Actions, PageServerLoad } from './$types';

const ASK = 'Ask an admin for a new link.';
const refusals: Record<ResetRefusal, [status: number, message: string]> = {
	unknown: [
		404,
		`This reset link does not work: it may be mistyped, or a newer link replaced it. ${ASK}`
	],
	used: [410, `This reset link has already been used. ${ASK}`],
	expired: [410, `This reset link has expired (links last ${RESET_LIFETIME_HOURS} hours). ${ASK}`]
};

function refuse(refusal: ResetRefusal): never {
	error(...refusals[refusal]);
}

// The same rule as at sign-up.
const newPassword = z.object({ password: signUpForm.shape.password });

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const found = await checkPasswordReset(params.token);
	if ('refusal' in found) refuse(found.refusal);
	return { email: found.email };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const parsed = newPassword.safeParse(formFields(await request.formData(), ['password']));
		if (!parsed.success) return fail(400, { message: firstMessage(parsed.error) });
		const done = await redeemPasswordReset(params.token, parsed.data.password);
		if ('refusal' in done) refuse(done.refusal);
		redirect(303, '/sign-in?reset=done');
	}
};
