import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { validateLessons } from './validate-lessons.ts';

/**
 * Fails `vite build` (and warns in `vite dev`) when a lesson or module is malformed,
 * naming the file and the field, before anything is compiled.
 */
export function lessonsPlugin(options: { lessonsDir?: string } = {}): Plugin {
	let root = process.cwd();
	let isBuild = false;
	const check = () => {
		const problems = validateLessons(resolve(root, options.lessonsDir ?? 'lessons'), root);
		if (problems.length === 0) return null;
		return `Invalid course content:\n  ${problems.join('\n  ')}`;
	};
	return {
		name: 'course-lessons',
		configResolved(config) {
			root = config.root;
			isBuild = config.command === 'build';
		},
		buildStart() {
			const message = check();
			if (message && isBuild) this.error(message);
			if (message) this.warn(message);
		},
		handleHotUpdate({ file, server }) {
			if (!file.endsWith('.md')) return;
			const message = check();
			if (message) server.config.logger.error(message);
		}
	};
}
