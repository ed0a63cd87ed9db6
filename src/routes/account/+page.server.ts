import { fail, redirect } from '@sveltejs/kit';
import { datasets, deleteAccount } from '$lib/server/account/export';
import { formFields } from '$lib/server/auth-forms';
import { passwordCheckByUser, waitMessage } from '$lib/server/auth-limits';
import { requireUser } from '$lib/server/guards';
import { takeLeftClass } from '$lib/server/left-class-notice';
import { verifyPassword } from '$lib/server/password';
import { spendTokens } from '$lib/server/rate-limit';
import { deleteSessionCookie } from '$lib/server/session-cookie';
import { classesOfStudent } from '$lib/server/student-classes';
import { findUserByEmail } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const classes = await classesOfStudent(user.id);
	// `?joined=<class id>` confirms a join only for a class the student is in: it names no other.
	const joinedId = Number(event.url.searchParams.get('joined'));
	return {
		email: user.email,
		datasets: [...datasets],
		classes,
		joined: classes.find((klass) => klass.id === joinedId) ?? null,
		left: takeLeftClass(event)
	};
};

export const actions: Actions = {
	/** Needs the password and the word DELETE, so a stray tap or a borrowed phone cannot do it. */
	delete: async (event) => {
		const user = requireUser(event);
		const { password, confirm } = formFields(await event.request.formData(), [
			'password',
			'confirm'
		]);
		if (confirm?.trim() !== 'DELETE') return fail(400, { message: 'Type DELETE to confirm.' });
		// Each check runs argon2: unlimited, one user could slow the server for everyone.
		const spending = await spendTokens([[passwordCheckByUser, String(user.id)]]);
		if (!spending.allowed) return fail(429, { message: waitMessage(spending.waitSeconds) });
		const account = await findUserByEmail(user.email);
		if (!account || !password || !(await verifyPassword(account.passwordHash, password))) {
			return fail(400, { message: 'That password is not right.' });
		}
		await deleteAccount(user.id);
		deleteSessionCookie(event);
		redirect(303, '/?account=deleted');
	}
};
