// Under overload a worker answers at once with 503 and Retry-After instead of letting requests
// queue behind each other for seconds: a phone is told to try again in a moment (the quiz page
// does so by itself, with the same answer id), and the requests already in hand finish quickly.
// Overload is a worker whose event loop runs late (it has more work than it can do now), or one
// with MAX_IN_FLIGHT requests in hand. Requests in hand alone would be a poor signal: a phone on
// a slow network holds one for seconds while costing nothing. Built files are exempt: they cost
// next to nothing, and a page missing its scripts would break.

const RETRY_AFTER_SECONDS = 1;
const MESSAGE = 'The course is busy right now. Please try again in a moment.';
/** Refusals are logged at most this often, as one line with their count. */
const LOG_EVERY_MS = 5000;
/**
 * When a late event loop counts as overload. Each can be set by an environment variable of the
 * same name prefixed `BACK_PRESSURE_` (the tests do, to make a worker late on purpose).
 */
const LATE_LOOP = {
	/** How often the event loop's delay is sampled, and how late it may run before requests are refused. */
	SAMPLE_MS: 20,
	MAX_LAG_MS: 100,
	/**
	 * Late samples in a row that count as overload: one late turn is a module loaded on first use
	 * or a garbage collection, not more work than the worker can do.
	 */
	LATE_SAMPLES: 3,
	/**
	 * A late loop refuses requests only with at least this many in hand: with fewer, it is the
	 * machine that is slow (other programs taking the CPU), and refusing them would not help.
	 */
	REFUSES_FROM: 8
};

/** LATE_LOOP, with what the environment sets (whole numbers from 1) in place of the defaults. */
export function lateLoopSettings(/** @type {NodeJS.ProcessEnv} */ env) {
	/** @type {Record<string, number>} */
	const settings = { ...LATE_LOOP };
	for (const name of Object.keys(LATE_LOOP)) {
		const value = Number(env[`BACK_PRESSURE_${name}`]);
		if (Number.isInteger(value) && value >= 1) settings[name] = value;
	}
	return /** @type {typeof LATE_LOOP} */ (settings);
}

/** Whether the event loop has run late at its last few samples (kept up to date by a timer). */
function runningLate(/** @type {typeof LATE_LOOP} */ { SAMPLE_MS, MAX_LAG_MS, LATE_SAMPLES }) {
	let lateInARow = 0;
	let expected = performance.now() + SAMPLE_MS;
	setInterval(() => {
		const now = performance.now();
		lateInARow = now - expected > MAX_LAG_MS ? lateInARow + 1 : 0;
		expected = now + SAMPLE_MS;
	}, SAMPLE_MS).unref();
	return () => lateInARow >= LATE_SAMPLES;
}

/**
 * @param {{
 *   limit: number,
 *   lateLoop?: typeof LATE_LOOP,
 *   isExempt: (req: import('node:http').IncomingMessage) => boolean,
 *   log: (event: string, fields: Record<string, unknown>) => void
 * }} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean}
 *   whether the request may go ahead; if not, it has been answered
 */
export function boundInFlight({ limit, lateLoop = LATE_LOOP, isExempt, log }) {
	let inFlight = 0;
	let refused = 0;
	let loggedAt = 0;
	const overloaded = runningLate(lateLoop);

	return function admit(req, res) {
		if (isExempt(req)) return true;
		const late = inFlight >= lateLoop.REFUSES_FROM && overloaded();
		if (inFlight < limit && !late) {
			inFlight += 1;
			res.once('close', () => (inFlight -= 1));
			return true;
		}
		refused += 1;
		const now = Date.now();
		if (now - loggedAt >= LOG_EVERY_MS) {
			log('overloaded', { refused, inFlight, limit, late });
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

const DEFAULT_IN_FLIGHT = 256;

/** MAX_IN_FLIGHT: requests one worker holds at once before it answers 503, however idle. */
export function inFlightLimit(/** @type {NodeJS.ProcessEnv} */ env) {
	const limit = Number(env.MAX_IN_FLIGHT || DEFAULT_IN_FLIGHT);
	return Number.isInteger(limit) && limit >= 1 ? limit : DEFAULT_IN_FLIGHT;
}
