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
	/** Told the answer to exactly this request. */
	onResponse?: (status: number, body: string) => void;
}

export interface RunResult {
	route: string;
	connections: number;
	requests: number;
	perSecond: number;
	p50: number;
	p99: number;
	max: number;
	statuses: Record<string, number>;
	errors: number;
	timeouts: number;
	/** The longest a new connection waited for the first byte of its answer, in ms. */
	firstByteMax: number;
	/** Probes that got no answer at all within PROBE_TIMEOUT_MS. */
	probesUnanswered: number;
	usage: Usage;
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
							const next = options.next();
							(context as { next?: NextRequest }).next = next;
							return {
								...defaults,
								method: next.method,
								path: next.path,
								headers: { ...next.headers },
								body: next.body
							};
						},
						onResponse: (status, body, context) => {
							statuses[status] = (statuses[status] ?? 0) + 1;
							(context as { next?: NextRequest }).next?.onResponse?.(status, body);
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
	const usage = usageOf();
	const waits = await Promise.all(probes);
	const answered = waits.filter((wait): wait is number => wait !== null);
	return {
		route: options.route,
		connections: options.connections,
		requests: result.requests.total,
		perSecond: result.requests.total / result.duration,
		p50: result.latency.p50,
		p99: result.latency.p99,
		max: result.latency.max,
		statuses,
		errors: result.errors,
		timeouts: result.timeouts,
		firstByteMax: Math.max(0, ...answered),
		probesUnanswered: waits.length - answered.length,
		usage
	};
}
