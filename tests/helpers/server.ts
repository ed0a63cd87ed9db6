import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface TestServer {
	url: string;
	port: number;
	databasePath: string;
	/** The process `npm start` runs (the primary, when it forks workers). */
	pid: number;
	/** Everything the server printed so far, stdout and stderr. */
	output(): string;
	/** Sends a signal and waits for the process to end; its exit code (null if killed). */
	signal(name: NodeJS.Signals): Promise<number | null>;
	stop(): Promise<void>;
}

// Whatever the test runner's own environment holds must not configure the server under test.
function withoutServerSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const rest = { ...env };
	for (const name of [
		'ORIGIN',
		'PROTOCOL_HEADER',
		'HOST_HEADER',
		'ADDRESS_HEADER',
		'HOST',
		'NODE_ENV'
	])
		delete rest[name];
	return rest;
}

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))
			);
		});
	});
}

/**
 * Starts the built app the way `npm start` does, on a fresh database file in a temporary folder
 * (or on another server's database, to restart it with different settings). No ORIGIN, as in
 * the README's start. The client address is read from X-Forwarded-For, so tests can act as
 * different visitors, unless `asReadme` leaves out everything but the port and the database.
 */
export async function startServer(
	options: {
		env?: Record<string, string>;
		databasePath?: string;
		asReadme?: boolean;
		/** Another copy of the project to run (its build, scripts and migrations). */
		root?: string;
		/** A port of one's own: a restart on the address a browser already knows. */
		port?: number;
		/** Flags for node itself, e.g. `--cpu-prof`. */
		nodeArgs?: string[];
	} = {}
): Promise<TestServer> {
	const dir = mkdtempSync(join(tmpdir(), 'course-test-'));
	const databasePath = options.databasePath ?? join(dir, 'course.db');
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const args = [...(options.nodeArgs ?? []), 'scripts/start.js'];
	const child: ChildProcess = spawn(process.execPath, args, {
		cwd: options.root ?? projectRoot,
		env: {
			...withoutServerSettings(process.env),
			PORT: String(port),
			...(options.asReadme
				? {}
				: { NODE_ENV: 'production', HOST: '127.0.0.1', ADDRESS_HEADER: 'x-forwarded-for' }),
			DATABASE_PATH: databasePath,
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));

	await new Promise<void>((ready, fail) => {
		const timer = setTimeout(() => fail(new Error(`Server did not start:\n${output}`)), 20_000);
		const check = () => {
			if (output.includes('Course is ready')) {
				clearTimeout(timer);
				ready();
			}
		};
		child.stdout!.on('data', check);
		child.once('exit', (code) => {
			clearTimeout(timer);
			fail(new Error(`Server exited with ${code}:\n${output}`));
		});
	});

	const exited = new Promise<number | null>((done) => child.once('exit', done));
	const signal = async (name: NodeJS.Signals) => {
		if (child.exitCode === null && child.signalCode === null) child.kill(name);
		return exited;
	};
	return {
		url,
		port,
		databasePath,
		pid: child.pid!,
		output: () => output,
		signal,
		stop: async () => {
			await signal('SIGTERM');
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
