// On SIGTERM or SIGINT: stop accepting connections, let requests in flight finish (an answer
// being saved is acknowledged, not cut off), then tell the app to close the database.

/**
 * @param {import('node:http').Server} server
 * @param {{ timeoutSeconds: number, log: (event: string, fields: Record<string, unknown>) => void, onStopped?: () => void }} options
 */
export function shutDownGracefully(server, { timeoutSeconds, log, onStopped }) {
	let inFlight = 0;
	let stopping = false;

	server.on('request', (req, res) => {
		inFlight += 1;
		// A keep-alive connection would otherwise hold the server open after its last answer.
		if (stopping) res.setHeader('connection', 'close');
		res.once('close', () => {
			inFlight -= 1;
			if (stopping) server.closeIdleConnections();
		});
	});

	/** @param {NodeJS.Signals} signal */
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		log('shutting_down', { signal, inFlight });
		const force = setTimeout(() => {
			log('shutdown_timeout', { inFlight });
			server.closeAllConnections();
		}, timeoutSeconds * 1000);
		force.unref();
		server.close(() => {
			clearTimeout(force);
			// The app's hooks close the database on this event (adapter-node's own name for it).
			process.emit(/** @type {any} */ ('sveltekit:shutdown'), signal);
			log('stopped', {});
			onStopped?.();
		});
		server.closeIdleConnections();
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
}
