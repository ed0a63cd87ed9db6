// GIFT file → quiz.yaml text, with everything the author should hear about. Nothing is
// produced when the file is malformed or the result breaks our schema (citations aside).

import type { QuizFile } from '../content/quiz-schema.ts';
import { quizData, readData, type QuizData } from './app-data.ts';
import { checkImportedQuiz } from './check.ts';
import { parseGift } from './parse.ts';
import { renderQuizYaml } from './render-yaml.ts';
import { toQuestions } from './to-quiz.ts';
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

export function importGift(source: string, options: { sourceName?: string } = {}): ImportResult {
	return importParsed(parseGift(source), options);
}

/** The same, for questions read from another format (Moodle XML) into GIFT's shapes. */
export function importParsed(
	parsed: ParsedGift,
	options: { sourceName?: string } = {}
): ImportResult {
	const mapped = toQuestions(parsed.questions);
	const warnings = [
		...parsed.warnings,
		...mapped.imported.flatMap((item) =>
			item.notes.map((message) => ({
				line: item.line,
				message: `question "${item.question.id}": ${message}`
			}))
		)
	].sort(byLine);
	const report = { warnings, unsupported: parsed.unsupported };
	const errors = [...parsed.errors, ...mapped.errors];
	let settings: QuizData = {};
	if (parsed.quiz) {
		const read = readData(parsed.quiz.json, quizData);
		if ('error' in read) errors.push({ line: parsed.quiz.line, message: read.error });
		else settings = read.data;
	}
	if (errors.length > 0) return { ...report, ok: false, errors: errors.sort(byLine) };

	const questions = mapped.imported.map((item) => item.question);
	const check = checkImportedQuiz({ ...settings, questions });
	if (!check.ok) {
		const fileLine = parsed.questions[0]?.line ?? 1;
		return {
			...report,
			ok: false,
			errors: check.problems
				.map((problem) => ({
					line:
						problem.question === undefined
							? fileLine
							: (mapped.imported[problem.question]?.line ?? fileLine),
					message: problem.message
				}))
				.sort(byLine)
		};
	}
	const yaml = renderQuizYaml({
		settings,
		imported: mapped.imported,
		warnings: parsed.warnings,
		unsupported: parsed.unsupported,
		...(options.sourceName ? { source: options.sourceName } : {})
	});
	return { ...report, ok: true, quiz: check.quiz, yaml };
}
