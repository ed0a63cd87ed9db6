import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './server';

/** Runs `npm run user -- ...` (scripts/user.ts) against a given database file. */
export function userCommand(
	databasePath: string,
	args: string[],
	stdin = '',
	env: Record<string, string> = {}
) {
	return scriptCommand('scripts/user.ts', databasePath, args, stdin, env);
}

/** Runs `npm run analytics -- ...` (scripts/analytics.ts) against a given database file. */
export function analyticsCommand(databasePath: string, args: string[]) {
	return scriptCommand('scripts/analytics.ts', databasePath, args);
}

function scriptCommand(
	script: string,
	databasePath: string,
	args: string[],
	stdin = '',
	env: Record<string, string> = {}
) {
	const result = spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [script, ...args], {
		cwd: projectRoot,
		env: { ...process.env, DATABASE_PATH: databasePath, ...env },
		input: stdin,
		encoding: 'utf8'
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `npm run backup -- ...` (scripts/backup.ts) against a given database file, without
 * blocking: the test can keep a server busy meanwhile.
 */
export function backupCommand(
	databasePath: string,
	args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
	const child = spawn(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/backup.ts', ...args], {
		cwd: projectRoot,
		env: { ...process.env, DATABASE_PATH: databasePath }
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	return new Promise((done, fail) => {
		child.once('error', fail);
		child.once('close', (status) => done({ status, stdout, stderr }));
	});
}
