/**
 * Where to send someone after signing in: a path on this site, never anywhere else. The value is
 * parsed the way a browser will read the Location header (WHATWG URL, against our origin), so
 * tricks that a prefix check misses (a tab or newline the parser drops, a backslash it reads as a
 * slash, `/./` collapsing to `//`) are judged by what the browser would actually open. The path
 * is sent back as the parser serialises it: control characters and non-ASCII come out
 * percent-encoded, so the header is always valid.
 */
export function safeRedirectTarget(
	value: string | null | undefined,
	origin: string,
	fallback = '/'
): string {
	if (!value) return fallback;
	let target: URL;
	try {
		target = new URL(value, origin);
	} catch {
		return fallback;
	}
	if (target.origin !== new URL(origin).origin) return fallback;
	// A path, and not `//host` or `/\host`, which would read as another site when sent on its own
	// (`blob:` URLs share our origin but are no path).
	if (!/^\/(?![/\\])/.test(target.pathname)) return fallback;
	return target.pathname + target.search + target.hash;
}
