import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { ClassError, isMember, joinClass } from '$lib/server/classes';
import { requireUser } from '$lib/server/guards';
import { classByTypedCode, TooManyGuessesError } from '$lib/server/join-codes';
import type { Actions, PageServerLoad } from './$types';

/** A refused code (unknown, rotated, archived, or one guess too many) becomes the error page. */
async function orRefusal<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (caught) {
		if (caught instanceof TooManyGuessesError) error(429, caught.message);
		if (caught instanceof ClassError) error(caught.status, caught.message);
		throw caught;
	}
}

/** The class of the code in the address, with wrong codes counted against this visitor. */
function classOfLink(event: RequestEvent<{ code: string }>, userId: number) {
	return orRefusal(
		classByTypedCode(event.params.code, { address: event.getClientAddress(), userId })
	);
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const klass = await classOfLink(event, user.id);
	return { name: klass.name, member: await isMember(klass.id, user.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		await classOfLink(event, user.id);
		await orRefusal(joinClass(user.id, event.params.code));
		redirect(303, '/dashboard?joined=1');
	}
};
