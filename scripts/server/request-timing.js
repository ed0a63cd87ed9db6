// How long this worker itself takes over each request, from its headers being read to the last
// byte of the answer handed to the socket: `npm run bench:http` compares it with what the load
// generator sees, to tell the server's time from waiting for a CPU the generator shares. On only
// with REQUEST_TIMING set; each SIGUSR2 logs the figures since the last one and starts afresh.
import { createHistogram } from 'node:perf_hooks';

/**
 * @param {(event: string, fields: Record<string, unknown>) => void} log
 * @returns {((res: import('node:http').ServerResponse) => void) | null} starts timing one request
 */
export function requestTiming(log) {
	if (!process.env.REQUEST_TIMING) return null;
	let histogram = createHistogram();
	const ms = (/** @type {number} */ ns) => Math.round(ns / 1e4) / 100;
	process.on('SIGUSR2', () => {
		log('request_timing', {
			pid: process.pid,
			requests: histogram.count,
			p50: ms(histogram.percentile(50)),
			p99: ms(histogram.percentile(99)),
			max: ms(histogram.max)
		});
		histogram = createHistogram();
	});
	return (res) => {
		const started = process.hrtime.bigint();
		res.once('finish', () => histogram.record(process.hrtime.bigint() - started || 1n));
	};
}
