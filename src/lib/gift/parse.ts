// Reads a GIFT file into questions, keeping the line each starts on. Questions are separated
// by blank lines; `//` lines are comments; `$CATEGORY:` lines are noted and skipped. Within a
// question: an optional `::title::`, an optional [format] marker, the text, one `{…}` answer
// block, and optionally more text after it (Moodle's missing-word form: the blank becomes ___).

import { QUESTION_TAG, QUIZ_TAG } from './app-data.ts';
import { parseAnswerBlock } from './answers.ts';
import { indexOf, scan, textOf, type Char, type SourceLine } from './escape.ts';
import { readText } from './text.ts';
import type { AppComment, GiftIssue, GiftQuestion, ParsedGift, Unsupported } from './types.ts';

export const BLANK = '___';

export function parseGift(source: string): ParsedGift {
	const result: ParsedGift = { questions: [], unsupported: [], warnings: [], errors: [] };
	for (const block of splitBlocks(source, result)) {
		const outcome = parseQuestion(block.lines);
		if ('errors' in outcome) result.errors.push(...outcome.errors);
		else if ('unsupported' in outcome) result.unsupported.push(outcome.unsupported);
		else result.questions.push({ ...outcome.question, ...(block.app ? { app: block.app } : {}) });
	}
	return result;
}

interface Block {
	lines: SourceLine[];
	/** Our export's `// @question` comment just before or inside the question. */
	app?: AppComment;
}

/**
 * Groups lines into questions: blank lines separate them; comment lines are dropped, but for
 * the app data our export writes in them.
 */
function splitBlocks(source: string, result: ParsedGift): Block[] {
	const warnings = result.warnings;
	const blocks: Block[] = [];
	let current: SourceLine[] = [];
	let app: AppComment | undefined;
	const end = () => {
		if (current.length === 0) return;
		blocks.push({ lines: current, ...(app ? { app } : {}) });
		current = [];
		app = undefined;
	};
	source
		.replace(/^\uFEFF/, '')
		.split(/\r\n|\r|\n/)
		.forEach((text, index) => {
			const line = index + 1;
			const trimmed = text.trim();
			if (trimmed === '') {
				end();
			} else if (trimmed.startsWith(QUESTION_TAG)) {
				app = { line, json: trimmed.slice(QUESTION_TAG.length) };
			} else if (trimmed.startsWith(QUIZ_TAG)) {
				result.quiz = { line, json: trimmed.slice(QUIZ_TAG.length) };
			} else if (trimmed.startsWith('//')) {
				// A comment: skipped, and it does not end the question.
			} else if (current.length === 0 && /^\$CATEGORY:/i.test(trimmed)) {
				const name = trimmed.slice('$CATEGORY:'.length).trim();
				warnings.push({
					line,
					message: `category "${name}" ignored: our quizzes have no question categories`
				});
			} else {
				current.push({ line, text });
			}
		});
	end();
	return blocks;
}

type Outcome = { question: GiftQuestion } | { unsupported: Unsupported } | { errors: GiftIssue[] };

function parseQuestion(block: SourceLine[]): Outcome {
	const chars = scan(block);
	const line = block[0]!.line;
	let start = 0;
	let title: string | undefined;
	if (indexOf(chars, '::') === 0) {
		const close = indexOf(chars, '::', 2);
		if (close < 0) {
			return fail(line, 'the title opened with "::" is not closed with "::"');
		}
		title = textOf(chars.slice(2, close)).trim() || undefined;
		start = close + 2;
	}
	const braces = findBraces(chars, start);
	if ('errors' in braces) return braces;
	const skip = (message: string): Outcome => ({
		unsupported: { line, ...(title ? { title } : {}), message }
	});
	if (braces.length === 0) {
		return skip('description (text with no answer block {…}): not supported');
	}
	if (braces.length > 1) {
		// A new line between two blocks means two questions ran together; on one line, the
		// author meant several blanks (embedded answers), which GIFT does not have.
		const [, firstClose] = braces[0]!;
		const [nextOpen] = braces[1]!;
		if (chars.slice(firstClose, nextOpen).some((ch) => ch.c === '\n' && !ch.escaped)) {
			return fail(
				chars[nextOpen]!.line,
				`a second answer block in the question that starts on line ${line}: is a blank line missing between two questions?`
			);
		}
		return skip(
			`${braces.length} answer blocks in one question: embedded answers (cloze) are not supported`
		);
	}
	const [open, close] = braces[0]!;
	const nextTitle = indexOf(chars, '\n::', close + 1);
	if (nextTitle >= 0) {
		return fail(
			chars[nextTitle + 1]!.line,
			`a new question title after the question that starts on line ${line}: is a blank line missing between two questions?`
		);
	}
	const before = readText(textOf(chars.slice(start, open)));
	const after = readText(textOf(chars.slice(close + 1)), before.format);
	const answers = parseAnswerBlock(chars.slice(open + 1, close), before.format, chars[open]!.line);
	if (answers.kind === 'errors') return { errors: answers.errors };
	if (answers.kind === 'unsupported') return skip(answers.message);

	const notes = [...answers.notes];
	if (before.format === 'html') notes.push('HTML formatting was turned into plain text');
	if (before.format === 'markdown') notes.push('Markdown formatting was turned into plain text');
	if (before.media) notes.push(before.media);
	let prompt = before.text.trim();
	if (after.text.trim() !== '') {
		const gapBefore = /\s$/.test(before.text) ? ' ' : '';
		const gapAfter = /^\s/.test(after.text) ? ' ' : '';
		prompt = `${prompt}${gapBefore}${BLANK}${gapAfter}${after.text.trim()}`;
		notes.push(`missing-word question: the blank is shown as ${BLANK} in the prompt`);
	}
	return {
		question: {
			...answers.body,
			line,
			...(title ? { title } : {}),
			prompt,
			...(answers.generalFeedback ? { generalFeedback: answers.generalFeedback } : {}),
			notes
		}
	};
}

function fail(line: number, message: string): Outcome {
	return { errors: [{ line, message }] };
}

/** Pairs of unescaped `{` `}` positions; braces do not nest. */
function findBraces(chars: Char[], from: number): [number, number][] | { errors: GiftIssue[] } {
	const pairs: [number, number][] = [];
	let open = -1;
	for (let i = from; i < chars.length; i++) {
		const ch = chars[i]!;
		if (ch.escaped) continue;
		if (ch.c === '{') {
			if (open >= 0) {
				return {
					errors: [
						{
							line: chars[open]!.line,
							message: `the "{" here is not closed before another "{" on line ${ch.line} (write \\{ for a literal brace)`
						}
					]
				};
			}
			open = i;
		} else if (ch.c === '}') {
			if (open < 0) {
				return {
					errors: [
						{
							line: ch.line,
							message: '"}" without a "{" before it (write \\} for a literal brace)'
						}
					]
				};
			}
			pairs.push([open, i]);
			open = -1;
		}
	}
	if (open >= 0) {
		return {
			errors: [
				{
					line: chars[open]!.line,
					message:
						'the answer block opened with "{" is not closed with "}" before the blank line or end of file'
				}
			]
		};
	}
	return pairs;
}
