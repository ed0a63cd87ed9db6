import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readLessonText } from '../../src/lib/content/lesson-text';
import { quizFile, type QuizFile } from '../../src/lib/content/quiz-schema';
import { projectRoot } from '../helpers/server';

// The course as issue 4 asks for it: four modules, 3–5 lessons each (the orientation 1–2),
// 500–1,200 words a lesson, a quiz of 6+ questions per lesson, 25+ per module, all eight types.

const lessonsDir = join(projectRoot, 'lessons');
const folders = (dir: string) =>
	readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();

const modules = folders(lessonsDir).map((module) => ({
	module,
	lessons: folders(join(lessonsDir, module)).map((lesson) => {
		const dir = join(lessonsDir, module, lesson);
		const markdown = readFileSync(join(dir, 'index.md'), 'utf8');
		const quizPath = join(dir, 'quiz.yaml');
		const quiz: QuizFile | null = existsSync(quizPath)
			? quizFile.parse(parse(readFileSync(quizPath, 'utf8')))
			: null;
		return { lesson: `${module}/${lesson}`, markdown, text: readLessonText(markdown), quiz };
	})
}));

describe('the course', () => {
	it('has the orientation and the three modules', () => {
		expect(modules.map((m) => m.module)).toEqual([
			'00-reading-the-sources',
			'01-franchise-model',
			'02-mastung-networks',
			'03-policy-debates'
		]);
	});

	it.each(modules)('$module has the right number of lessons', ({ module, lessons }) => {
		const [min, max] = module.startsWith('00-') ? [1, 2] : [3, 5];
		expect(lessons.length).toBeGreaterThanOrEqual(min);
		expect(lessons.length).toBeLessThanOrEqual(max);
	});

	it('keeps every lesson between 500 and 1,200 words', () => {
		const outside = modules
			.flatMap((m) => m.lessons)
			.filter(({ text }) => text.words < 500 || text.words > 1200)
			.map(({ lesson, text }) => `${lesson}: ${text.words} words`);
		expect(outside).toEqual([]);
	});

	it('gives every lesson a quoted citation and a quiz of at least six questions', () => {
		const lacking = modules
			.flatMap((m) => m.lessons)
			.filter(
				({ markdown, quiz }) =>
					!/<Cite[^>]*quote="/.test(markdown) || (quiz?.questions.length ?? 0) < 6
			)
			.map(({ lesson }) => lesson);
		expect(lacking).toEqual([]);
	});

	it.each(modules)('$module asks at least 25 questions in all', ({ lessons }) => {
		const questions = lessons.reduce((sum, { quiz }) => sum + (quiz?.questions.length ?? 0), 0);
		expect(questions).toBeGreaterThanOrEqual(25);
	});

	it('uses all eight question types', () => {
		const types = new Set(
			modules.flatMap((m) =>
				m.lessons.flatMap(({ quiz }) => quiz?.questions.map((q) => q.type) ?? [])
			)
		);
		expect([...types].sort()).toEqual([
			'evidence',
			'matching',
			'multiple',
			'numeric',
			'ordering',
			'short',
			'single',
			'truefalse'
		]);
	});

	it('shows the positions table in the policy module, and a timeline and glossary in every module', () => {
		for (const { module, lessons } of modules) {
			const all = lessons.map((l) => l.markdown).join('\n');
			expect(all, module).toMatch(/<Timeline module=\{\d\} \/>/);
			expect(all, module).toMatch(/<Actors module=\{\d\} \/>/);
			if (module.startsWith('03-')) expect(all).toContain('<Positions />');
		}
	});
});
