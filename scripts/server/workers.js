// The primary of `npm start`: forks one worker per core (each a full copy of the app, all on one
// SQLite file in WAL mode), replaces a worker that dies, and on SIGTERM or Ctrl-C lets every
// worker finish its requests before it exits itself.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

/** @param {NodeJS.ProcessEnv} env */
export function workerCount(env) {
	const asked = env.WORKERS?.trim();
	if (!asked) return availableParallelism();
	const count = Number(asked);
	if (!Number.isInteger(count) || count < 1)
		throw new Error(`WORKERS must be a whole number of at least 1, not "${asked}".`);
	return count;
}

/**
 * @param {{
 *   count: number,
 *   workerFile: string,
 *   timeoutSeconds: number,
 *   log: (event: string, fields?: Record<string, unknown>) => void,
 *   onReady: () => void
 * }} options
 */
export function runWorkers({ count, workerFile, timeoutSeconds, log, onReady }) {
	// Workers accept connections on the shared socket themselves, rather than the primary
	// accepting each and handing it over (Node's default on Linux): a worker busy with a burst
	// takes no new connection while an idle one does, and no connection waits on the primary. With
	// round robin, connections opened during a burst waited over a second for their first byte.
	if (!process.env.NODE_CLUSTER_SCHED_POLICY) cluster.schedulingPolicy = cluster.SCHED_NONE;
	cluster.setupPrimary({ exec: workerFile });
	/** @type {Set<import('node:cluster').Worker>} */
	const alive = new Set();
	/** @type {Set<import('node:cluster').Worker>} */
	const listening = new Set();
	let ready = false;
	let stopping = false;

	const fork = () => {
		const worker = cluster.fork();
		alive.add(worker);
		worker.once('online', () => log('worker_online', { pid: worker.process.pid }));
	};

	cluster.on('listening', (worker) => {
		listening.add(worker);
		if (!ready && listening.size === count) {
			ready = true;
			onReady();
		}
	});

	cluster.on('exit', (worker, code, signal) => {
		alive.delete(worker);
		const served = listening.delete(worker);
		if (stopping) {
			if (alive.size === 0) {
				log('stopped', { workers: count });
				process.exit(0);
			}
			return;
		}
		if (!served) {
			// It could not start (the port is taken, the build or the database is broken): another
			// would fail the same way, so the server stops, with the worker's message above.
			log('worker_failed_to_start', { pid: worker.process.pid, code, signal });
			for (const other of alive) other.process.kill('SIGKILL');
			process.exit(1);
		}
		log('worker_replaced', { pid: worker.process.pid, code, signal });
		fork();
	});

	/** @param {NodeJS.Signals} signal */
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		log('stopping_workers', { signal, workers: alive.size });
		// Each worker stops as one server would (scripts/server/shutdown.js); a Ctrl-C has already
		// reached them all, and a second signal changes nothing.
		for (const worker of alive) worker.process.kill('SIGTERM');
		const force = setTimeout(
			() => {
				log('shutdown_timeout', { workers: alive.size });
				for (const worker of alive) worker.process.kill('SIGKILL');
			},
			(timeoutSeconds + 5) * 1000
		);
		force.unref();
		if (alive.size === 0) process.exit(0);
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);

	for (let i = 0; i < count; i++) fork();
}
