// `npm start`: applies the database's migrations, then serves the built app from one worker per
// core (WORKERS, default: the cores Node may use); see scripts/server/worker.js for one worker.
import './load-env.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { log } from './server/log.js';
import { migrateDatabase } from './server/migrate.js';
import { runWorkers, workerCount } from './server/workers.js';

const buildDir = fileURLToPath(new URL('../build/', import.meta.url));
if (!existsSync(`${buildDir}handler.js`)) {
	console.error(
		'No build found. Run `npm run build` first (or `npm run setup` to install, build and start).'
	);
	process.exit(1);
}

let count;
try {
	count = workerCount(process.env);
} catch (error) {
	console.error(/** @type {Error} */ (error).message);
	process.exit(1);
}
migrateDatabase(process.env);
// The workers find the schema ready and leave the migrations alone.
process.env.COURSE_MIGRATED = '1';

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '127.0.0.1';
runWorkers({
	count,
	workerFile: fileURLToPath(new URL('./server/worker.js', import.meta.url)),
	timeoutSeconds: Number(process.env.SHUTDOWN_TIMEOUT || 30),
	log,
	// Announced only once every worker accepts connections (tests and people both wait for this).
	onReady: () => {
		const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(host) ? 'localhost' : host;
		log('workers_ready', { workers: count });
		console.log(`Course is ready: open http://${shownHost}:${port}/`);
		if (host === '0.0.0.0' || host === '::') {
			console.log(
				'Listening on every network address: from another device, open http://<this machine’s address>:' +
					`${port}/ (plain http works; set ORIGIN only behind an https proxy).`
			);
		}
	}
});
