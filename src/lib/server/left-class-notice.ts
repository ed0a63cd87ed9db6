import type { RequestEvent } from '@sveltejs/kit';

// Once the student has left, a class id in the address could no longer be checked against their
// memberships (and would name any class to whoever typed it), so the name of the class they just
// left travels to the account page in a short-lived cookie of their own, read once.
const COOKIE = 'left_class';

const options = (event: RequestEvent) => ({
	path: '/account',
	httpOnly: true,
	sameSite: 'lax' as const,
	// As the session cookie: a phone on plain http would drop a Secure one.
	secure: event.url.protocol === 'https:'
});

export function noteLeftClass(event: RequestEvent, className: string): void {
	event.cookies.set(COOKIE, className, { ...options(event), maxAge: 60 });
}

/** The class the student has just left, if any; the note is gone once read. */
export function takeLeftClass(event: RequestEvent): string | null {
	const className = event.cookies.get(COOKIE);
	if (className === undefined) return null;
	event.cookies.delete(COOKIE, options(event));
	return className;
}
