// One bounded run of the load generator (autocannon) against one route, with a probe that opens a
// fresh connection every PROBE_EVERY_MS and times its first byte: connections opened while the
// server is saturated are the ones that used to wait for seconds.
import autocannon from 'autocannon';
import { request } from 'node:http';
import { measureUsage, type Usage } from './process-stats';

const PROBE_EVERY_MS = 250;
const PROBE_TIMEOUT_MS = 30_000;

export interface NextRequest {
	method: 'GET' | 'POST';
	path: string;
	headers?: Record<string, string>;
	body?: string;
	/**
	 * Told the answer to exactly this request; gives back the request a browser makes next because
	 * of it, if any (the page data `use:enhance` loads after a redirect), sent on the same
	 * connection before the next of the route's own.
	 */
	onResponse?: (
		status: number,
		body: string,
		headers: Record<string, string | string[] | undefined>
	) => NextRequest | void;
}

export interface RunResult {
	route: string;
	connections: number;
	/** The route's own requests (follow-ups not counted), their rate and latency. */
	requests: number;
	perSecond: number;
	p50: number;
	p99: number;
	max: number;
	/** Requests made because of an answer (see NextRequest.onResponse). */
	followUps: number;
	/** From sending a request to the answer of its follow-up (or its own answer without one). */
	roundP50: number;
	roundP99: number;
	statuses: Record<string, number>;
	errors: number;
	timeouts: number;
	/** The longest a new connection waited for the first byte of its answer, in ms. */
	firstByteMax: number;
	/** Probes that got no answer at all within PROBE_TIMEOUT_MS. */
	probesUnanswered: number;
	usage: Usage;
}

function asked(next: NextRequest) {
	return { method: next.method, path: next.path, headers: { ...next.headers }, body: next.body };
}

/** Time to the first byte of GET `path` on a connection of its own. */
function probeFirstByte(url: string, path: string): Promise<number | null> {
	const started = performance.now();
	return new Promise((done) => {
		const req = request(new URL(path, url), { agent: false, timeout: PROBE_TIMEOUT_MS }, (res) => {
			done(performance.now() - started);
			res.resume();
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => done(null));
		req.end();
	});
}

/** The value below which `share` of the sorted `values` lie. */
function percentile(sorted: number[], share: number): number {
	return sorted.length
		? sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!
		: 0;
}

interface Step {
	next?: NextRequest;
	followUp?: NextRequest;
	sentAt: number;
	/** When the route's own request of this round was sent. */
	roundStartedAt: number;
}

export async function runLoad(options: {
	url: string;
	serverPid: number;
	route: string;
	connections: number;
	seconds: number;
	/** Bounds the count: the run ends after this many requests or `seconds`, whichever first. */
	amount: number;
	next: () => NextRequest;
}): Promise<RunResult> {
	const statuses: Record<string, number> = {};
	const probes: Promise<number | null>[] = [];
	const probing = setInterval(
		() => probes.push(probeFirstByte(options.url, '/healthz')),
		PROBE_EVERY_MS
	);
	const usageOf = measureUsage(options.serverPid);
	// Latencies measured here rather than by autocannon, which keeps only 2xx answers (a form's
	// 303 is the answer to a plain post) and mixes a route's requests with their follow-ups.
	const own: number[] = [];
	const rounds: number[] = [];
	let followUps = 0;
	const started = performance.now();
	let stopping: NodeJS.Timeout | undefined;
	const result = await new Promise<autocannon.Result>((done, fail) => {
		const instance = autocannon(
			{
				url: options.url,
				connections: options.connections,
				amount: options.amount,
				timeout: PROBE_TIMEOUT_MS / 1000,
				requests: [
					{
						setupRequest: (defaults, context) => {
							const step = context as Step;
							const next = options.next();
							step.next = next;
							step.followUp = undefined;
							step.sentAt = step.roundStartedAt = performance.now();
							return { ...defaults, ...asked(next) };
						},
						onResponse: (status, body, context, headers) => {
							const step = context as Step;
							const took = performance.now() - step.sentAt;
							own.push(took);
							statuses[status] = (statuses[status] ?? 0) + 1;
							step.followUp = step.next?.onResponse?.(status, body, headers ?? {}) ?? undefined;
							if (!step.followUp) rounds.push(took);
						}
					},
					{
						// Returning nothing skips this step: the next round begins.
						setupRequest: (defaults, context) => {
							const step = context as Step;
							if (!step.followUp) return undefined as unknown as typeof defaults;
							followUps += 1;
							step.sentAt = performance.now();
							return { ...defaults, ...asked(step.followUp) };
						},
						onResponse: (status, _body, context) => {
							const step = context as Step;
							statuses[`${status} (follow-up)`] = (statuses[`${status} (follow-up)`] ?? 0) + 1;
							rounds.push(performance.now() - step.roundStartedAt);
						}
					}
				]
			},
			(error, finished) => (error ? fail(error) : done(finished))
		);
		stopping = setTimeout(() => instance.stop(), options.seconds * 1000);
	});
	clearTimeout(stopping);
	clearInterval(probing);
	const seconds = (performance.now() - started) / 1000;
	own.sort((a, b) => a - b);
	rounds.sort((a, b) => a - b);
	const usage = usageOf();
	const waits = await Promise.all(probes);
	const answered = waits.filter((wait): wait is number => wait !== null);
	return {
		route: options.route,
		connections: options.connections,
		requests: own.length,
		perSecond: own.length / seconds,
		p50: percentile(own, 0.5),
		p99: percentile(own, 0.99),
		max: own.at(-1) ?? 0,
		followUps,
		roundP50: percentile(rounds, 0.5),
		roundP99: percentile(rounds, 0.99),
		statuses,
		errors: result.errors,
		timeouts: result.timeouts,
		firstByteMax: Math.max(0, ...answered),
		probesUnanswered: waits.length - answered.length,
		usage
	};
}
