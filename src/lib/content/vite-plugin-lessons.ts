import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readReferenceFile, type ReferenceFile } from './reference-data.ts';
import { validateLessons } from './validate-lessons.ts';

const VIRTUAL = 'virtual:course/';

/**
 * Fails `vite build` (and warns in `vite dev`) when a lesson, quiz or reference file is
 * malformed, naming the file and the field, before anything is compiled. Also serves the
 * reference files as modules (`virtual:course/timeline.yaml`), parsed and checked at build
 * time so no YAML parser ships to the browser.
 */
export function lessonsPlugin(options: { lessonsDir?: string } = {}): Plugin {
	let root = process.cwd();
	let isBuild = false;
	const lessonsDir = () => resolve(root, options.lessonsDir ?? 'lessons');
	const check = () => {
		const problems = validateLessons(lessonsDir(), root);
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
		resolveId(id) {
			return id.startsWith(VIRTUAL) ? `\0${id}` : undefined;
		},
		load(id) {
			if (!id.startsWith(`\0${VIRTUAL}`)) return undefined;
			const name = id.slice(VIRTUAL.length + 1) as ReferenceFile;
			this.addWatchFile(resolve(lessonsDir(), name));
			const { data, problems } = readReferenceFile(lessonsDir(), name);
			if (problems.length) this.error(problems.join('\n'));
			return `export default ${JSON.stringify(data)};`;
		},
		handleHotUpdate({ file, server }) {
			if (!/\.(md|yaml)$/.test(file)) return;
			const message = check();
			if (message) server.config.logger.error(message);
		}
	};
}
