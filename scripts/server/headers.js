// Headers for every response, static files included (those never pass through SvelteKit's hooks).
// Pages add their Content-Security-Policy, with frame-ancestors 'none', in svelte.config.js;
// X-Frame-Options says the same to browsers that predate frame-ancestors.

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * @param {import('node:http').ServerResponse} res
 * @param {string} protocol the scheme the browser used
 */
export function setSecurityHeaders(res, protocol) {
	res.setHeader('x-content-type-options', 'nosniff');
	res.setHeader('x-frame-options', 'DENY');
	res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
	res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	// Only over https: on plain http it would be ignored, and on localhost it would pin every
	// other local project to https for a year.
	if (protocol === 'https') res.setHeader('strict-transport-security', HSTS);
}
