// GIFT file → quiz.yaml text, with everything the author should hear about. Nothing is
// produced when the file is malformed or the result breaks our schema (citations aside).

import type { QuizFile } from '../content/quiz-schema.ts';
import { quizData, readData, type QuizData } from './app-data.ts';
import { checkImportedQuiz, type QuizProblem } from './check.ts';
import { parseGift } from './parse.ts';
import { renderQuizYaml } from './render-yaml.ts';
import { toQuestions, type Imported } from './to-quiz.ts';
import type { GiftIssue, ParsedGift, Unsupported } from './types.ts';

export interface ImportReport {
	/** File-level and per-question warnings, by line. */
	warnings: GiftIssue[];
	/** Questions left out because our quizzes cannot hold them. */
	unsupported: Unsupported[];
}

export type ImportResult =
	| (ImportReport & { ok: true; quiz: QuizFile; yaml: string })
	| (ImportReport & { ok: false; errors: GiftIssue[] });

const byLine = (a: GiftIssue, b: GiftIssue) => a.line - b.line;

export interface ImportOptions {
	sourceName?: string;
	/**
	 * Import the good questions and skip the bad ones with their errors, like Moodle's "Stop on
	 * error: No"; by default one error means nothing is written, as Moodle's default does.
	 */
	skipErrors?: boolean;
}

export function importGift(source: string, options: ImportOptions = {}): ImportResult {
	return importParsed(parseGift(source), options);
}

/** The same, for questions read from another format (Moodle XML) into GIFT's shapes. */
export function importParsed(parsed: ParsedGift, options: ImportOptions = {}): ImportResult {
	const mapped = toQuestions(parsed.questions);
	const errors = [...parsed.errors, ...mapped.errors];
	let settings: QuizData = {};
	if (parsed.quiz) {
		const read = readData(parsed.quiz.json, quizData);
		if ('error' in read) errors.push({ line: parsed.quiz.line, message: read.error });
		else settings = read.data;
	}
	const skipped: Unsupported[] = [];
	const skip = (issues: GiftIssue[]) =>
		skipped.push(...issues.map(({ line, message }) => ({ line, message: `error: ${message}` })));
	let imported = mapped.imported;
	if (options.skipErrors) skip(errors.splice(0));
	const warningsOf = (items: Imported[]) =>
		[
			...parsed.warnings,
			...items.flatMap((item) =>
				item.notes.map((message) => ({
					line: item.line,
					message: `question "${item.question.id}": ${message}`
				}))
			)
		].sort(byLine);
	if (errors.length > 0) {
		const report = { warnings: warningsOf(imported), unsupported: parsed.unsupported };
		return { ...report, ok: false, errors: errors.sort(byLine) };
	}

	let check = checkImportedQuiz({ ...settings, questions: imported.map((item) => item.question) });
	const fileLine = parsed.questions[0]?.line ?? 1;
	const problemsOf = (problems: QuizProblem[], items: Imported[]) =>
		problems.map((problem) => ({
			line: problem.question === undefined ? fileLine : (items[problem.question]?.line ?? fileLine),
			message: problem.message,
			question: problem.question
		}));
	if (!check.ok && options.skipErrors) {
		// Leave out the questions our schema refuses, and check the rest again.
		const problems = problemsOf(check.problems, imported);
		const bad = new Set(problems.flatMap((p) => (p.question === undefined ? [] : [p.question])));
		skip(problems.filter((p) => p.question !== undefined));
		imported = imported.filter((_, index) => !bad.has(index));
		check = checkImportedQuiz({ ...settings, questions: imported.map((item) => item.question) });
	}
	const report = {
		warnings: warningsOf(imported),
		unsupported: [...parsed.unsupported, ...skipped].sort(byLine)
	};
	if (!check.ok) {
		const problems = problemsOf(check.problems, imported);
		return {
			...report,
			ok: false,
			errors: problems.map(({ line, message }) => ({ line, message })).sort(byLine)
		};
	}
	const yaml = renderQuizYaml({
		settings,
		imported,
		warnings: parsed.warnings,
		unsupported: report.unsupported,
		...(options.sourceName ? { source: options.sourceName } : {})
	});
	return { ...report, ok: true, quiz: check.quiz, yaml };
}
