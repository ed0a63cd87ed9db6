// How the server learns its public address, so that SvelteKit's cross-site form check and the
// Secure flag of the session cookie agree with what the browser's address bar shows.
//
// adapter-node assumes https:// when ORIGIN is unset, so a plain `npm start` refused every form
// posted from http://localhost. Unless ORIGIN (or a proxy's PROTOCOL_HEADER) is configured, this
// server is the public face and speaks plain http: it says so in a header of its own, overwriting
// anything a client sent in it, and the address comes from the Host header the browser sent.

export const PROTOCOL_HEADER = 'x-course-protocol';

/**
 * Settings for adapter-node's handler, which reads them from the environment when it is imported.
 * @param {NodeJS.ProcessEnv} env
 */
export function originSettings(env) {
	const origin = env.ORIGIN?.trim() || undefined;
	const proxyProtocolHeader = env.PROTOCOL_HEADER?.trim().toLowerCase() || undefined;
	const ownHeader = !origin && !proxyProtocolHeader;
	return {
		origin,
		/** Set before the handler is imported. */
		protocolHeader: ownHeader ? PROTOCOL_HEADER : proxyProtocolHeader,
		/** Whether this server must stamp each request with its own protocol. */
		stampsProtocol: ownHeader
	};
}

/**
 * The scheme the browser used, as far as this server can know it.
 * @param {import('node:http').IncomingMessage} req
 * @param {ReturnType<typeof originSettings>} settings
 */
export function publicProtocol(req, settings) {
	if (settings.origin) return new URL(settings.origin).protocol.slice(0, -1);
	const value = req.headers[settings.protocolHeader ?? ''];
	return (Array.isArray(value) ? value[0] : value) || 'http';
}

/**
 * The origin SvelteKit will compare a form's Origin header with.
 * @param {import('node:http').IncomingMessage} req
 * @param {ReturnType<typeof originSettings>} settings
 */
export function expectedOrigin(req, settings) {
	if (settings.origin) return new URL(settings.origin).origin;
	return `${publicProtocol(req, settings)}://${req.headers.host ?? ''}`;
}

const FORM_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain'
]);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Mirrors SvelteKit's cross-site form check, only to explain a refusal in words a person can act
 * on; SvelteKit still makes its own check on every request that gets through.
 * @param {import('node:http').IncomingMessage} req
 * @param {ReturnType<typeof originSettings>} settings
 * @returns {string | null} the explanation, or null when the form may go ahead
 */
export function refusedFormOrigin(req, settings) {
	if (!WRITES.has(req.method ?? '')) return null;
	const type = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
	if (!FORM_TYPES.has(type)) return null;
	const expected = expectedOrigin(req, settings);
	const sentFrom = req.headers.origin;
	if (sentFrom === expected) return null;
	const from = sentFrom ? `was sent from ${sentFrom}` : 'came without an Origin header';
	const fix = settings.origin
		? `This server's public address is set to ${expected} (ORIGIN): open the course there, or, if you run this server, set ORIGIN to the address you use.`
		: `If you run this server and reach it at ${sentFrom ?? 'another address'}, set ORIGIN to that address (see "Configuration" in the README).`;
	return `This form ${from}, not from ${expected}, so it was refused to protect your account. ${fix}`;
}
