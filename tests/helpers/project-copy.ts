import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './server';

/**
 * A copy of the built project (its build, scripts, migrations and package.json, with the
 * node_modules linked), so a test can change or remove its files without disturbing other tests'
 * servers. Run it with `startServer({ root })`.
 */
export function copyOfProject(): string {
	const root = mkdtempSync(join(tmpdir(), 'course-copy-'));
	for (const part of ['build', 'scripts', 'drizzle', 'package.json'])
		cpSync(join(projectRoot, part), join(root, part), { recursive: true });
	symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
	return root;
}
