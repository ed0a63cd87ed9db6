import { parse as parseYaml } from 'yaml';
import { quizFile, type QuizFile } from '$lib/content/quiz-schema';
import { parseFolderName } from '$lib/content/slugs';

// Bundled into the server build only ($lib/server), so answer keys never reach a browser.
const files = import.meta.glob<string>('/lessons/*/*/quiz.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
});

export interface CatalogQuiz {
	id: string;
	moduleSlug: string;
	lessonSlug: string;
	quiz: QuizFile;
}

function load(): Map<string, CatalogQuiz> {
	const quizzes = new Map<string, CatalogQuiz>();
	for (const [file, source] of Object.entries(files)) {
		const [, , moduleFolder, lessonFolder] = file.split('/');
		const moduleSlug = parseFolderName(moduleFolder!)?.slug;
		const lessonSlug = parseFolderName(lessonFolder!)?.slug;
		// The build check has already named any problem; this only guards `vite dev`.
		if (!moduleSlug || !lessonSlug) throw new Error(`${file}: badly named folder`);
		const id = `${moduleSlug}/${lessonSlug}`;
		quizzes.set(id, { id, moduleSlug, lessonSlug, quiz: quizFile.parse(parseYaml(source)) });
	}
	return quizzes;
}

export const catalog = load();

export function quizIdFor(moduleSlug: string, lessonSlug: string): string {
	return `${moduleSlug}/${lessonSlug}`;
}
