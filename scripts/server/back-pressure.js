// Under overload a worker answers at once with 503 and Retry-After instead of letting requests
// queue behind each other for seconds: a phone is told to try again in a moment (the quiz page
// does so by itself, with the same answer id), and the requests already in hand finish quickly.
// Built files are exempt: they cost next to nothing, and a page missing its scripts would break.

const RETRY_AFTER_SECONDS = 1;
const MESSAGE = 'The course is busy right now. Please try again in a moment.';
/** Refusals are logged at most this often, as one line with their count. */
const LOG_EVERY_MS = 5000;

/**
 * @param {{
 *   limit: number,
 *   isExempt: (req: import('node:http').IncomingMessage) => boolean,
 *   log: (event: string, fields: Record<string, unknown>) => void
 * }} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean}
 *   whether the request may go ahead; if not, it has been answered
 */
export function boundInFlight({ limit, isExempt, log }) {
	let inFlight = 0;
	let refused = 0;
	let loggedAt = 0;

	return function admit(req, res) {
		if (isExempt(req)) return true;
		if (inFlight < limit) {
			inFlight += 1;
			res.once('close', () => (inFlight -= 1));
			return true;
		}
		refused += 1;
		const now = Date.now();
		if (now - loggedAt >= LOG_EVERY_MS) {
			log('overloaded', { refused, inFlight, limit });
			loggedAt = now;
			refused = 0;
		}
		// The body is not read: it is dropped as it arrives, and the connection stays usable.
		req.resume();
		const enhanced = req.headers['x-sveltekit-action'] === 'true';
		const asJson = enhanced || req.headers.accept === 'application/json';
		res.writeHead(503, {
			'retry-after': String(RETRY_AFTER_SECONDS),
			'cache-control': 'no-store',
			'content-type': asJson ? 'application/json' : 'text/plain; charset=utf-8'
		});
		res.end(
			asJson
				? // What use:enhance reads as an error result.
					JSON.stringify({
						type: 'error',
						status: 503,
						error: { message: MESSAGE, retryAfter: RETRY_AFTER_SECONDS }
					})
				: MESSAGE
		);
		return false;
	};
}

/** MAX_IN_FLIGHT: requests one worker handles at once before it answers 503. */
export function inFlightLimit(/** @type {NodeJS.ProcessEnv} */ env) {
	const limit = Number(env.MAX_IN_FLIGHT || 32);
	return Number.isInteger(limit) && limit >= 1 ? limit : 32;
}
