import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { describeQuizIssues, quizFile } from './quiz-schema.ts';
import { readReferenceFile } from './reference-data.ts';
import { referenceFiles } from './reference-schema.ts';
import { describeIssues, lessonFrontMatter, moduleFrontMatter } from './schema.ts';
import { FOLDER_RULE, parseFolderName } from './slugs.ts';

// The same fence mdsvex recognises, so what we check is what it compiles.
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Checks every module and lesson under `lessonsDir` and returns one message per problem,
 * each starting with the file or folder it is about (relative to `rootDir`).
 * Runs in Node at build time; the app re-parses the same front matter with the same schemas.
 */
export function validateLessons(lessonsDir: string, rootDir: string): string[] {
	const problems: string[] = [];
	const where = (path: string) => relative(rootDir, path).split('\\').join('/');

	const checkFile = (file: string, schema: z.ZodType) => {
		if (!existsSync(file)) return problems.push(`${where(file)}: file is missing`);
		const match = FRONT_MATTER.exec(readFileSync(file, 'utf8'));
		if (!match) return problems.push(`${where(file)}: no front matter (a block between --- lines)`);
		let data: unknown;
		try {
			data = parseYaml(match[1]!) ?? {};
		} catch (error) {
			return problems.push(
				`${where(file)}: front matter is not valid YAML: ${(error as Error).message}`
			);
		}
		const result = schema.safeParse(data);
		if (!result.success) {
			for (const issue of describeIssues(result.error, data))
				problems.push(`${where(file)}: ${issue}`);
		}
	};

	const checkQuiz = (file: string) => {
		let data: unknown;
		try {
			data = parseYaml(readFileSync(file, 'utf8'));
		} catch (error) {
			return problems.push(`${where(file)}: not valid YAML: ${(error as Error).message}`);
		}
		const result = quizFile.safeParse(data);
		if (!result.success) {
			for (const issue of describeQuizIssues(result.error, data))
				problems.push(`${where(file)}: ${issue}`);
		}
	};

	const checkFolders = (parent: string, kind: 'module' | 'lesson') => {
		const folders = readdirSync(parent, { withFileTypes: true }).filter((entry) =>
			entry.isDirectory()
		);
		const seenOrder = new Map<number, string>();
		const seenSlug = new Map<string, string>();
		for (const folder of folders) {
			const path = join(parent, folder.name);
			const parsed = parseFolderName(folder.name);
			if (!parsed) {
				problems.push(`${where(path)}: ${FOLDER_RULE}`);
				continue;
			}
			const sameNumber = seenOrder.get(parsed.order);
			if (sameNumber) problems.push(`${where(path)}: same number as ${sameNumber}`);
			const sameSlug = seenSlug.get(parsed.slug);
			if (sameSlug) problems.push(`${where(path)}: same slug as ${sameSlug}`);
			seenOrder.set(parsed.order, folder.name);
			seenSlug.set(parsed.slug, folder.name);
			if (kind === 'module') {
				checkFile(join(path, 'index.md'), moduleFrontMatter);
				const lessons = checkFolders(path, 'lesson');
				if (lessons === 0) problems.push(`${where(path)}: module has no lessons`);
			} else {
				checkFile(join(path, 'index.md'), lessonFrontMatter);
				const quiz = join(path, 'quiz.yaml');
				if (existsSync(quiz)) checkQuiz(quiz);
			}
		}
		return folders.length;
	};

	if (!existsSync(lessonsDir)) return [`${where(lessonsDir)}: lessons folder is missing`];
	if (checkFolders(lessonsDir, 'module') === 0) problems.push(`${where(lessonsDir)}: no modules`);
	// Reference files are optional here; a page that imports a missing one fails on its own.
	for (const name of Object.keys(referenceFiles) as (keyof typeof referenceFiles)[]) {
		if (existsSync(join(lessonsDir, name)))
			problems.push(...readReferenceFile(lessonsDir, name).problems);
	}
	return problems;
}
