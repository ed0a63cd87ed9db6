import type { RequestEvent } from '@sveltejs/kit';

export const SESSION_COOKIE = 'session';

// Secure exactly when the browser's address is https: a phone on the LAN at http://192.168.…
// would drop a Secure cookie and land signed out. The server learns the scheme from ORIGIN, a
// proxy's PROTOCOL_HEADER, or else knows it serves plain http (scripts/server/origin.js).
const secure = (url: URL) => url.protocol === 'https:';

export function setSessionCookie(event: RequestEvent, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secure(event.url),
		expires: expiresAt
	});
}

export function deleteSessionCookie(event: RequestEvent): void {
	event.cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secure(event.url)
	});
}
