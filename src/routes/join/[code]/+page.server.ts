import { error, redirect } from '@sveltejs/kit';
import { ClassError, classByCode, isMember, joinClass } from '$lib/server/classes';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** A refused code (unknown, rotated, archived) becomes the error page with its reason. */
async function orRefusal<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (caught) {
		if (caught instanceof ClassError) error(caught.status, caught.message);
		throw caught;
	}
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const klass = await orRefusal(classByCode(event.params.code));
	return { name: klass.name, member: await isMember(klass.id, user.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		await orRefusal(joinClass(user.id, event.params.code));
		redirect(303, '/dashboard?joined=1');
	}
};
