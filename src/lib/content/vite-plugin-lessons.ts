import { resolve } from 'node:path';
import { loadEnv, type Plugin } from 'vite';
import { DEFAULT_ARTICLES_DIR } from './articles.ts';
import { checkQuotes, type QuoteCheck } from './check-quotes.ts';
import { citedPassages } from './passages.ts';
import { readReferenceFile, type ReferenceFile } from './reference-data.ts';
import { validateLessons } from './validate-lessons.ts';

const VIRTUAL = 'virtual:course/';

/**
 * Every check the build makes of the course: front matter, quizzes and reference files, then
 * each citation and quoted phrase against the articles in `articlesDir` (those checks report
 * themselves not run when the folder is absent). Problems name the file, and the question,
 * entry or line.
 */
export function checkCourseContent(
	lessonsDir: string,
	rootDir: string,
	articlesDir: string
): QuoteCheck {
	const quotes = checkQuotes(lessonsDir, rootDir, articlesDir);
	return {
		problems: [...validateLessons(lessonsDir, rootDir), ...quotes.problems],
		notRun: quotes.notRun
	};
}

/**
 * Fails `vite build` (and warns in `vite dev`) when a lesson, quiz or reference file is
 * malformed or misquotes an article, naming the file and the field, before anything is compiled.
 * Also serves the reference files as modules (`virtual:course/timeline.yaml`), parsed and
 * checked at build time so no YAML parser ships to the browser, and the passages the course
 * cites (`virtual:course/passages`), so the server never needs the articles themselves.
 */
export function lessonsPlugin(options: { lessonsDir?: string } = {}): Plugin {
	let root = process.cwd();
	let isBuild = false;
	let articlesDir = '';
	const lessonsDir = () => resolve(root, options.lessonsDir ?? 'lessons');
	const check = () => {
		const { problems, notRun } = checkCourseContent(lessonsDir(), root, articlesDir);
		const message = problems.length ? `Invalid course content:\n  ${problems.join('\n  ')}` : null;
		return { message, notRun };
	};
	return {
		name: 'course-lessons',
		configResolved(config) {
			root = config.root;
			isBuild = config.command === 'build';
			// Read like the other settings: from the environment or .env, relative to the project.
			const env = loadEnv(config.mode, root, 'ARTICLES_DIR');
			articlesDir = resolve(root, env.ARTICLES_DIR || DEFAULT_ARTICLES_DIR);
		},
		buildStart() {
			// SvelteKit builds the server, then the client in a second build: check once, first.
			if (isBuild && this.environment.name !== 'ssr') return;
			const { message, notRun } = check();
			if (notRun) this.warn(notRun);
			if (message && isBuild) this.error(message);
			if (message) this.warn(message);
		},
		resolveId(id) {
			return id.startsWith(VIRTUAL) ? `\0${id}` : undefined;
		},
		load(id) {
			if (!id.startsWith(`\0${VIRTUAL}`)) return undefined;
			if (id === `\0${VIRTUAL}passages`)
				return `export default ${JSON.stringify(citedPassages(lessonsDir(), root, articlesDir))};`;
			const name = id.slice(VIRTUAL.length + 1) as ReferenceFile;
			this.addWatchFile(resolve(lessonsDir(), name));
			const { data, problems } = readReferenceFile(lessonsDir(), name);
			if (problems.length) this.error(problems.join('\n'));
			return `export default ${JSON.stringify(data)};`;
		},
		handleHotUpdate({ file, server }) {
			if (!/\.(md|yaml)$/.test(file)) return;
			const { message } = check();
			if (message) server.config.logger.error(message);
		}
	};
}
