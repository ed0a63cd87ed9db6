// `npm start`: serve the built app (adapter-node), with the database migrated on start.
import './load-env.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../build/index.js', import.meta.url));
if (!existsSync(entry)) {
	console.error(
		'No build found. Run `npm run build` first (or `npm run setup` to install, build and start).'
	);
	process.exit(1);
}

process.env.PORT ||= '3000';
process.env.HOST ||= '127.0.0.1';

const { server } = await import(entry);
// Announce only once the socket accepts connections (tests and people both wait for this line).
if (!server.server.listening) await new Promise((done) => server.server.once('listening', done));

const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(process.env.HOST)
	? 'localhost'
	: process.env.HOST;
console.log(`Course is ready: open http://${shownHost}:${process.env.PORT}/`);
