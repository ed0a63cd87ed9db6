import { fail, redirect } from '@sveltejs/kit';
import { className } from '$lib/server/class-forms';
import { classesFor, createClass, formatJoinCode } from '$lib/server/classes';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ['instructor', 'admin']);
	const classes = await classesFor(user);
	return {
		displayName: user.displayName,
		isAdmin: user.role === 'admin',
		classes: classes.map((c) => ({
			...c,
			joinCode: formatJoinCode(c.joinCode),
			archived: !!c.archivedAt
		}))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, ['instructor', 'admin']);
		const name = (await event.request.formData()).get('name');
		const parsed = className.safeParse(name);
		if (!parsed.success)
			return fail(400, {
				name: typeof name === 'string' ? name : '',
				message: parsed.error.issues[0]!.message
			});
		const created = await createClass(user.id, parsed.data);
		redirect(303, `/teach/classes/${created.id}`);
	}
};
