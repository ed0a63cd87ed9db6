import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root is found from this file's location (source, built server or CLI alike),
 * so relative paths never depend on the directory a command happens to run in.
 */
function findProjectRoot(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	while (!existsSync(join(dir, 'package.json'))) {
		const parent = dirname(dir);
		if (parent === dir) return process.cwd();
		dir = parent;
	}
	return dir;
}

export const projectRoot = findProjectRoot();

const fromRoot = (path: string) => (isAbsolute(path) ? path : resolve(projectRoot, path));

export const config = {
	databasePath: fromRoot(process.env.DATABASE_PATH || 'data/course.db'),
	migrationsFolder: fromRoot(process.env.MIGRATIONS_DIR || 'drizzle')
};
