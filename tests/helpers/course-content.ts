import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { quizFile, type Question } from '../../src/lib/content/quiz-schema';
import { projectRoot } from './server';

// The course's quiz questions and the articles they cite, for tests that check content against
// the article text. The articles live outside the repository (see ARTICLES_DIR in the README).

export const articlesDir = resolve(projectRoot, process.env.ARTICLES_DIR || '../shared/articles');
const lessonsDir = join(projectRoot, 'lessons');

export interface CourseQuestion {
	/** `module/lesson/question-id`: question ids are unique only within their quiz. */
	key: string;
	question: Question;
}

export function courseQuestions(): CourseQuestion[] {
	const folders = (dir: string) =>
		readdirSync(dir, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name)
			.sort();
	return folders(lessonsDir).flatMap((module) =>
		folders(join(lessonsDir, module)).flatMap((lesson) => {
			const path = join(lessonsDir, module, lesson, 'quiz.yaml');
			if (!existsSync(path)) return [];
			const quiz = quizFile.parse(parse(readFileSync(path, 'utf8')));
			return quiz.questions.map((question) => ({
				key: `${module}/${lesson}/${question.id}`,
				question
			}));
		})
	);
}

/** An article's text with line breaks and runs of spaces made single spaces (they are layout). */
export function articleText(file: string): string {
	return normaliseSpacing(readFileSync(join(articlesDir, file), 'utf8'));
}

export const normaliseSpacing = (text: string) => text.replace(/\s+/g, ' ').trim();
