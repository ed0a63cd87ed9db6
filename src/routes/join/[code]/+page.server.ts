import { error, redirect } from '@sveltejs/kit';
import { ClassError, classByCode, isMember, joinClass } from '$lib/server/classes';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

async function classOrError(code: string) {
	try {
		return await classByCode(code);
	} catch (caught) {
		if (caught instanceof ClassError) error(caught.status, caught.message);
		throw caught;
	}
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const klass = await classOrError(event.params.code);
	return { name: klass.name, member: await isMember(klass.id, user.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		try {
			await joinClass(user.id, event.params.code);
		} catch (caught) {
			if (caught instanceof ClassError) error(caught.status, caught.message);
			throw caught;
		}
		redirect(303, '/dashboard?joined=1');
	}
};
