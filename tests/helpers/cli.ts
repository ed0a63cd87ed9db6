import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './server';

/** Runs `npm run user -- ...` (scripts/user.ts) against a given database file. */
export function userCommand(
	databasePath: string,
	args: string[],
	stdin = '',
	env: Record<string, string> = {}
) {
	const result = spawnSync(
		join(projectRoot, 'node_modules/.bin/tsx'),
		['scripts/user.ts', ...args],
		{
			cwd: projectRoot,
			env: { ...process.env, DATABASE_PATH: databasePath, ...env },
			input: stdin,
			encoding: 'utf8'
		}
	);
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
