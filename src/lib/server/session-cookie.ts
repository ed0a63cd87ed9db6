import type { RequestEvent } from '@sveltejs/kit';

export const SESSION_COOKIE = 'session';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

// Secure everywhere except plain http on this machine, where browsers would drop a Secure cookie.
function secure(url: URL): boolean {
	return !(url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

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
