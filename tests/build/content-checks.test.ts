import { spawnSync } from 'node:child_process';
import {
	cpSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/server';

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

function build() {
	return spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd: copy,
		encoding: 'utf8'
	});
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
});
