import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { roles } from '$lib/server/db/schema';
import { requireRole } from '$lib/server/guards';
import { createPasswordReset, RESET_LIFETIME_HOURS, resetPath } from '$lib/server/password-resets';
import {
	findUserById,
	LastAdminError,
	listUsers,
	normaliseEmail,
	setUserRole
} from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, ['admin'], 'This area is for admins.');
	const search = event.url.searchParams.get('q') ?? '';
	return { search, ...(await listUsers(search)) };
};

const change = z.object({ email: z.string().email(), role: z.enum(roles) });
const resetFor = z.object({ userId: z.coerce.number().int().positive() });

export const actions: Actions = {
	/** Admins make instructors (or admins) here; the command line does the same. */
	role: async (event) => {
		const admin = requireRole(event, ['admin'], 'This area is for admins.');
		const form = await event.request.formData();
		const parsed = change.safeParse({ email: form.get('email'), role: form.get('role') });
		if (!parsed.success) return fail(400, { message: 'Choose a user and a role.' });
		if (
			normaliseEmail(parsed.data.email) === normaliseEmail(admin.email) &&
			parsed.data.role !== 'admin'
		) {
			return fail(400, {
				message: 'You cannot remove your own admin role here; ask another admin.'
			});
		}
		let user;
		try {
			user = await setUserRole(parsed.data.email, parsed.data.role);
		} catch (error) {
			if (error instanceof LastAdminError) return fail(409, { message: error.message });
			throw error;
		}
		if (!user) return fail(404, { message: 'No account with that email.' });
		return { message: `${user.displayName} is now ${user.role}.` };
	},
	/**
	 * A one-time password-reset link, shown only in this answer: the admin hands it over, as the
	 * app sends no mail.
	 */
	resetLink: async (event) => {
		const admin = requireRole(event, ['admin'], 'This area is for admins.');
		const parsed = resetFor.safeParse({
			userId: (await event.request.formData()).get('userId')
		});
		if (!parsed.success) return fail(400, { message: 'Choose a user.' });
		const user = await findUserById(parsed.data.userId);
		if (!user) return fail(404, { message: 'No such account.' });
		const { token } = await createPasswordReset(user.id, admin.id);
		return {
			reset: {
				url: new URL(resetPath(token), event.url.origin).href,
				email: user.email,
				displayName: user.displayName,
				hours: RESET_LIFETIME_HOURS
			}
		};
	}
};
