import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface TestServer {
	url: string;
	databasePath: string;
	/** Everything the server printed so far, stdout and stderr. */
	output(): string;
	/** Sends the server a signal (SIGKILL crashes it) and waits until it has exited. */
	kill(signal: NodeJS.Signals): Promise<void>;
	stop(): Promise<void>;
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
 * (or on another server's database, to restart it with different settings).
 * The client address is read from X-Forwarded-For, so tests can act as different visitors.
 */
export async function startServer(
	options: { env?: Record<string, string>; databasePath?: string } = {}
): Promise<TestServer> {
	const dir = mkdtempSync(join(tmpdir(), 'course-test-'));
	const databasePath = options.databasePath ?? join(dir, 'course.db');
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
		cwd: projectRoot,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
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

	return {
		url,
		databasePath,
		output: () => output,
		kill: async (signal) => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((done) => child.once('exit', done));
			child.kill(signal);
			await exited;
		},
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((done) => child.once('exit', done));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
