import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { ClassError, isMember, joinClass } from '$lib/server/classes';
import { requireUser } from '$lib/server/guards';
import { classByTypedCode, TooManyGuessesError } from '$lib/server/join-codes';
import { instructorNameOf } from '$lib/server/student-classes';
import type { Actions, PageServerLoad } from './$types';

/**
 * A refused code (unknown, rotated, archived, or one guess too many) becomes this route's error
 * page, which says what probably happened and offers the code back in the typed-code form.
 */
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
	return {
		name: klass.name,
		instructor: await instructorNameOf(klass),
		member: await isMember(klass.id, user.id)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		await classOfLink(event, user.id);
		const klass = await orRefusal(joinClass(user.id, event.params.code));
		// The account page confirms it, naming the class, once it finds the student in it.
		redirect(303, `/account?joined=${klass.id}`);
	}
};
