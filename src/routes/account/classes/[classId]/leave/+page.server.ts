import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { ClassError } from '$lib/server/classes';
import { requireUser } from '$lib/server/guards';
import { noteLeftClass } from '$lib/server/left-class-notice';
import { classOfStudent, leaveClass } from '$lib/server/student-classes';
import type { Actions, PageServerLoad } from './$types';

// Not a class id at all reads as 0, which no class has: the same 404 as someone else's class.
const classIdParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).catch(0);

async function orRefusal<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (caught) {
		if (caught instanceof ClassError) error(caught.status, caught.message);
		throw caught;
	}
}

/**
 * The class in the address, if the signed-in student is in it. Only their own membership is
 * ever looked at: the address names a class, never a person.
 */
async function ownClass(event: RequestEvent<{ classId: string }>) {
	const user = requireUser(event);
	const classId = classIdParam.parse(event.params.classId);
	return { user, klass: await orRefusal(classOfStudent(user.id, classId)) };
}

export const load: PageServerLoad = async (event) => {
	const { klass } = await ownClass(event);
	return { klass };
};

export const actions: Actions = {
	/** This page is the confirmation step: its form is the only one that posts here. */
	default: async (event) => {
		const { user, klass } = await ownClass(event);
		await orRefusal(leaveClass(user.id, klass.id));
		noteLeftClass(event, klass.name);
		redirect(303, '/account');
	}
};
