// One worker of `npm start` (scripts/start.js forks one per core): serves the built app
// (adapter-node's handler behind our own HTTP server, so that a plain start works in a browser,
// static files cannot crash it, pages go out compressed, and shutdown is graceful). Workers share
// the port: the primary hands each new connection to one of them.
import '../load-env.js';
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { boundInFlight, inFlightLimit, lateLoopSettings } from './back-pressure.js';
import { compressDynamic } from './compression.js';
import { setSecurityHeaders } from './headers.js';
import { log } from './log.js';
import { originSettings, PROTOCOL_HEADER, publicProtocol, refusedFormOrigin } from './origin.js';
import { requestTiming } from './request-timing.js';
import { shutDownGracefully } from './shutdown.js';
import { builtFiles, staticFileGuard, staticPath } from './static-guard.js';

const buildDir = fileURLToPath(new URL('../../build/', import.meta.url));

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '127.0.0.1';
const settings = originSettings(process.env);
// adapter-node reads these when its handler is imported.
if (settings.protocolHeader) process.env.PROTOCOL_HEADER = settings.protocolHeader;

const { handler } = await import(`${buildDir}handler.js`);
const built = builtFiles(`${buildDir}client`);
const guardStatic = staticFileGuard(built, log);
const isBuiltFile = (/** @type {import('node:http').IncomingMessage} */ req) =>
	built.has(staticPath(req) ?? '');
const compress = compressDynamic(isBuiltFile);
const admit = boundInFlight({
	limit: inFlightLimit(process.env),
	lateLoop: lateLoopSettings(process.env),
	isExempt: isBuiltFile,
	log
});

const timeRequest = requestTiming(log);

const server = createServer((req, res) => {
	timeRequest?.(res);
	if (settings.stampsProtocol) req.headers[PROTOCOL_HEADER] = 'http';
	setSecurityHeaders(res, publicProtocol(req, settings));
	if (guardStatic(req, res)) return;
	if (!admit(req, res)) return;
	const refusal = refusedFormOrigin(req, settings);
	if (refusal) {
		log('form_origin_refused', {
			origin: req.headers.origin ?? null,
			path: req.url?.split('?')[0]
		});
		const asJson = req.headers.accept === 'application/json';
		res.writeHead(403, {
			'content-type': asJson ? 'application/json' : 'text/plain; charset=utf-8'
		});
		res.end(asJson ? JSON.stringify({ type: 'error', error: { message: refusal } }) : refusal);
		return;
	}
	compress(req, res, () => handler(req, res));
});
// Longer than the idle timeout of clients and proxies (undici's 4 s, load balancers' 60 s), so the
// server never closes a kept-alive connection just as a client sends on it ("other side closed").
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
shutDownGracefully(server, {
	timeoutSeconds: Number(process.env.SHUTDOWN_TIMEOUT || 30),
	log,
	// Leaves the primary: with its channel closed, the worker exits once its work is done.
	onStopped: () => cluster.worker?.disconnect()
});

server.on('error', (error) => {
	console.error(`Could not listen on ${host}:${port}: ${error.message}`);
	process.exit(1);
});
// The primary announces the address once every worker listens.
server.listen(port, host);
