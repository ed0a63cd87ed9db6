import { fail, redirect } from '@sveltejs/kit';
import { changePasswordForm, firstMessage, formFields } from '$lib/server/auth-forms';
import { passwordCheckByUser, waitMessage } from '$lib/server/auth-limits';
import { requireUser } from '$lib/server/guards';
import { spendTokens } from '$lib/server/rate-limit';
import { changePassword } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	return { changed: event.url.searchParams.has('changed') };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const fields = formFields(await event.request.formData(), [
			'currentPassword',
			'newPassword',
			'confirmPassword'
		]);
		const parsed = changePasswordForm.safeParse(fields);
		if (!parsed.success) {
			const field = String(parsed.error.issues[0]?.path[0] ?? '');
			return fail(400, { field, message: firstMessage(parsed.error) });
		}

		const spending = await spendTokens([[passwordCheckByUser, String(user.id)]]);
		if (!spending.allowed)
			return fail(429, { field: '', message: waitMessage(spending.waitSeconds) });
		if (!(await changePassword(user.id, event.locals.session!.id, parsed.data))) {
			return fail(400, {
				field: 'currentPassword',
				message: 'That is not your current password.'
			});
		}
		redirect(303, '/account/password?changed=1');
	}
};
