// Compresses what the app renders (pages, __data.json, JSON and CSV) with brotli or gzip, as the
// browser's Accept-Encoding allows, using express's `compression` package. Built files are left
// to adapter-node's static server, which sends the .br and .gz copies the build made.
//
// BREACH (guessing a secret in a compressed HTTPS body from the body's length) needs a secret that
// stays the same across many requests, in a body that also echoes the attacker's input, and a way
// to make the victim's browser send those requests. Our bodies hold no such secret: forms are
// protected by Origin checks, not CSRF tokens; the session token travels only in its httpOnly
// cookie, never in a body; the CSP nonce is new on every response, and a reset link is shown once.
// The session cookie is SameSite=Lax, so requests fired from another site's page carry no session
// and get signed-out pages. What is left (names and emails beside an echoed search, on the admin's
// user list) would take someone watching the victim's traffic and driving thousands of top-level
// navigations of their browser.
import { constants } from 'node:zlib';
import compression from 'compression';

// At quality 5 brotli compresses a lesson page (35 KB of HTML) to 5.5 KB in half a millisecond;
// the package's default, 4, gives 5.8 KB in the same time.
const BROTLI_QUALITY = 5;

/**
 * @param {(req: import('node:http').IncomingMessage) => boolean} isBuiltFile
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void}
 */
export function compressDynamic(isBuiltFile) {
	const compress = compression({
		// Smaller bodies (a redirect, /healthz) would save a few hundred bytes at most.
		threshold: 1024,
		brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
		filter: (req, res) =>
			// Events must reach the browser as they happen, not when a compressor's buffer fills.
			!String(res.getHeader('content-type') ?? '').startsWith('text/event-stream') &&
			// A form's result for use:enhance (at most a question's feedback, a few KB) comes in
			// hundreds at once when a class answers together: a compressor for each cost about a tenth
			// of the server's time per answer, to save a couple of KB.
			req.headers['x-sveltekit-action'] !== 'true' &&
			compression.filter(req, res)
	});

	return function compressResponse(req, res, next) {
		if (isBuiltFile(req)) return next();
		compress(req, res, () => {
			// SvelteKit writes a page in one piece, or streams it in parts as its data arrives:
			// each part goes out when written, instead of waiting in the compressor for the end.
			const write = /** @type {(...args: unknown[]) => boolean} */ (res.write.bind(res));
			const { flush } = /** @type {{ flush: () => void }} */ (/** @type {unknown} */ (res));
			res.write = /** @type {typeof res.write} */ (
				(/** @type {unknown[]} */ ...args) => {
					const accepted = write(...args);
					flush();
					return accepted;
				}
			);
			next();
		});
	};
}
