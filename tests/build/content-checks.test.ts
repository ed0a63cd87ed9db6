import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/server';

const articlesDir = resolve(projectRoot, process.env.ARTICLES_DIR || '../shared/articles');

// A copy of the project's build inputs, so the real `vite build` can be run on broken content.
let copy: string;
beforeEach(() => {
	copy = mkdtempSync(join(tmpdir(), 'course-build-'));
	for (const entry of [
		'src',
		'lessons',
		'static',
		'svelte.config.js',
		'vite.config.ts',
		'tsconfig.json',
		'package.json'
	]) {
		cpSync(join(projectRoot, entry), join(copy, entry), { recursive: true });
	}
	symlinkSync(join(projectRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

function firstLessonFile(): string {
	const module = readdirSync(join(copy, 'lessons')).sort()[0]!;
	const lesson = readdirSync(join(copy, 'lessons', module), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()[0]!;
	return `lessons/${module}/${lesson}/index.md`;
}

function build(env: Record<string, string> = {}) {
	return spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd: copy,
		encoding: 'utf8',
		env: { ...process.env, ...env }
	});
}

/** Replaces the first match in a copied file, returning the 1-based line it was on. */
function breakFile(file: string, pattern: RegExp, replacement: string): number {
	const path = join(copy, file);
	const text = readFileSync(path, 'utf8');
	const match = pattern.exec(text)!;
	writeFileSync(path, text.replace(pattern, replacement));
	return text.slice(0, match.index).split('\n').length;
}

describe('vite build', () => {
	it('fails on a lesson whose front matter lacks its title, naming file and field', () => {
		const file = firstLessonFile();
		const path = join(copy, file);
		writeFileSync(path, readFileSync(path, 'utf8').replace(/^title:.*\n/m, ''));

		const result = build();
		expect(result.status).not.toBe(0);
		expect(result.stdout + result.stderr).toContain(`${file}: field "title" is missing`);
	});

	it('fails on a quiz whose answer key names an unknown option, naming file and question', () => {
		const file = firstLessonFile().replace(/index\.md$/, 'quiz.yaml');
		const path = join(copy, file);
		const yaml = readFileSync(path, 'utf8');
		const match = /- id: ([a-z0-9-]+)\n\s+type: single[\s\S]*?\n\s+answer: ([a-z0-9-]+)/.exec(
			yaml
		)!;
		const [, questionId, answer] = match;
		const number = yaml.slice(0, match.index + 1).split('- id: ').length;
		writeFileSync(path, yaml.replace(`answer: ${answer}`, 'answer: no-such-option'));

		const result = build();
		expect(result.status).not.toBe(0);
		expect(result.stdout + result.stderr).toContain(
			`${file}: question "${questionId}" (#${number}), field "answer": answer "no-such-option" is not one of the ids`
		);
	});

	it('fails on a citation to a file that is not one of the articles, naming file and line, and says what it could not check without the articles', () => {
		const file = firstLessonFile();
		const line = breakFile(file, /<Cite source="[^"]+"/, '<Cite source="notes.txt"');

		const result = build({ ARTICLES_DIR: join(copy, 'no-articles-here') });
		const output = result.stdout + result.stderr;
		expect(result.status).not.toBe(0);
		expect(output).toContain(
			`${file}:${line}: <Cite>: source "notes.txt" is not one of the five articles`
		);
		expect(output).toContain(
			`No articles at ${join(copy, 'no-articles-here')}, so these checks did not run`
		);
	});

	it('fails on a lesson quote and a quiz prompt that misquote their article, naming each', (context) => {
		if (!existsSync(articlesDir)) {
			context.skip(`articles directory not found at ${articlesDir} (set ARTICLES_DIR)`);
		}
		const lesson = firstLessonFile();
		const line = breakFile(lesson, /quote="([^"]+)"/, 'quote="$1 and some words of ours"');
		const quiz = lesson.replace(/index\.md$/, 'quiz.yaml');
		breakFile(quiz, /^(\s+)prompt: (.*)$/m, `$1prompt: "Does it say 'something it never says'?"`);

		const result = build({ ARTICLES_DIR: articlesDir });
		const output = result.stdout + result.stderr;
		expect(result.status).not.toBe(0);
		expect(output).toMatch(
			new RegExp(
				`${lesson}:${line}: <Cite>: quote ".+ and some words of ours" is not word for word`
			)
		);
		expect(output).toMatch(
			new RegExp(
				`${quiz}: question "[a-z0-9-]+" \\(#1\\), field "prompt": "something it never says" is in quotation marks but not word for word`
			)
		);
	});
});
