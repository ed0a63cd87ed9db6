import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from './db/schema';
import type { SessionUser } from './users';

/** Signed-out visitors go to sign in, and come back here afterwards. */
export function requireUser(event: RequestEvent): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/sign-in?redirectTo=${encodeURIComponent(back)}`);
	}
	return user;
}

/** As requireUser; signed-in users without one of the roles get 403. */
export function requireRole(
	event: RequestEvent,
	roles: readonly Role[],
	refusal = 'This area is for instructors.'
): SessionUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) error(403, refusal);
	return user;
}
