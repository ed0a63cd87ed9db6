// The part of a GIFT question between `{` and `}`: decides the question type and reads its
// answers, feedback and `####` general feedback, the way Moodle's importer reads them: a `~`
// anywhere makes a multiple choice, else `=` with `->` a matching, else T/TRUE/F/FALSE (in
// capitals) a true/false, else a short answer; `#` first makes a numeric question; an empty
// block (`{}`) an essay.

import { items, optionalText, weight, type Item, type Reading } from './answer-items.ts';
import { firstNonSpace, indexOf, splitAll, splitOnce, textOf, type Char } from './escape.ts';
import { numeric } from './numeric.ts';
import { readText, type GiftFormat } from './text.ts';
import type { GiftAnswer, GiftBody, GiftIssue, GiftPair } from './types.ts';

export type AnswerBlock =
	| { kind: 'ok'; body: GiftBody; generalFeedback?: string; notes: string[] }
	| { kind: 'unsupported'; message: string }
	| { kind: 'errors'; errors: GiftIssue[] };

const TRUE_FALSE: Record<string, boolean> = { T: true, TRUE: true, F: false, FALSE: false };

/** `chars` is the inside of the braces; `line` is where the `{` is. */
export function parseAnswerBlock(chars: Char[], format: GiftFormat, line: number): AnswerBlock {
	// Moodle takes the last `####` as the start of the general feedback.
	const at = lastIndexOf(chars, '####');
	const body = at < 0 ? chars : chars.slice(0, at);
	const generalFeedback = at < 0 ? undefined : optionalText(chars.slice(at + 4), format);
	const start = firstNonSpace(body);
	if (start < 0) {
		const feedback = generalFeedback ? { generalFeedback } : {};
		return { kind: 'ok', body: { kind: 'essay' }, ...feedback, notes: [] };
	}
	if (/^\d+:[A-Z_]+:/.test(textOf(body.slice(start)))) {
		return { kind: 'unsupported', message: 'embedded answers (cloze) are not supported' };
	}
	const reading: Reading = { format, errors: [], notes: [] };
	const first = body[start]!;
	const has = (token: string) => indexOf(body, token) >= 0;
	let result: GiftBody | undefined;
	if (first.c === '#' && !first.escaped) result = numeric(body.slice(start + 1), line, reading);
	else if (has('~')) result = choice(body, reading);
	else if (has('=') && has('->')) result = matching(body, reading);
	else result = trueFalse(body, reading) ?? shortAnswer(body, reading);
	if (reading.errors.length > 0 || !result) return { kind: 'errors', errors: reading.errors };
	return {
		kind: 'ok',
		body: result,
		...(generalFeedback ? { generalFeedback } : {}),
		notes: reading.notes
	};
}

function lastIndexOf(chars: Char[], token: string): number {
	let found = -1;
	for (let at = indexOf(chars, token); at >= 0; at = indexOf(chars, token, at + 1)) found = at;
	return found;
}

/** `{T}`, `{FALSE#wrong}`, `{TRUE#wrong#right}`; undefined if it is not true/false. */
function trueFalse(body: Char[], { format, errors, notes }: Reading): GiftBody | undefined {
	const [head, ...feedback] = splitAll(body, '#');
	const word = textOf(head!).trim();
	const answer = TRUE_FALSE[word];
	if (answer === undefined) {
		if (TRUE_FALSE[word.toUpperCase()] !== undefined) {
			notes.push(
				`"{${word}}" is a short answer in Moodle (true/false is written in capitals: {${word.toUpperCase()}})`
			);
		}
		return undefined;
	}
	if (feedback.length > 2) {
		errors.push({
			line: feedback[2]![0]?.line ?? head![0]!.line,
			message: 'a true/false answer takes at most two feedbacks: {T#if wrong#if right}'
		});
		return undefined;
	}
	const wrongFeedback = feedback[0] && optionalText(feedback[0], format);
	const rightFeedback = feedback[1] && optionalText(feedback[1], format);
	return {
		kind: 'truefalse',
		answer,
		...(wrongFeedback ? { wrongFeedback } : {}),
		...(rightFeedback ? { rightFeedback } : {})
	};
}

/** Answer text and `#feedback`, or an error for an empty answer. */
function answer(
	item: Item,
	fraction: number,
	rest: Char[],
	{ format, errors }: Reading
): GiftAnswer | undefined {
	const [text, feedbackChars] = splitOnce(rest, '#');
	const value = readText(textOf(text), format).text.trim();
	if (value === '') {
		errors.push({ line: item.line, message: `the answer after "${item.prefix}" is empty` });
		return undefined;
	}
	const feedback = feedbackChars && optionalText(feedbackChars, format);
	return { fraction, text: value, ...(feedback ? { feedback } : {}), line: item.line };
}

/** Moodle's multichoice: `=` is full credit, `~` none unless a `%n%` weight follows it. */
function choice(body: Char[], reading: Reading): GiftBody | undefined {
	const list = items(body, '=~');
	const answers: GiftAnswer[] = [];
	for (const item of list) {
		if (item.prefix === '') {
			reading.notes.push(
				`"${textOf(item.text).trim()}" has no "=" or "~" before it: read as a wrong option, as Moodle does`
			);
		}
		if (item.prefix === '=') {
			const open = firstNonSpace(item.text);
			if (open >= 0 && item.text[open]!.c === '%') {
				reading.notes.push(
					'"=%…%": Moodle gives an "=" option full credit and keeps the "%…%" as its text; write "~%50%" for part credit'
				);
			}
			const read = answer(item, 1, item.text, reading);
			if (read) answers.push({ ...read, equals: true });
			continue;
		}
		const { fraction, rest } = weight(item, reading.errors);
		const read = answer(item, fraction ?? 0, rest, reading);
		if (read) answers.push(read);
	}
	if (reading.errors.length > 0) return undefined;
	if (answers.length < 2) {
		reading.errors.push({
			line: list[0]!.line,
			message: 'a multiple-choice question needs at least two options'
		});
		return undefined;
	}
	return { kind: 'choice', single: list.some((item) => item.prefix === '='), answers };
}

function shortAnswer(body: Char[], reading: Reading): GiftBody | undefined {
	const answers: GiftAnswer[] = [];
	for (const item of items(body, '=')) {
		const { fraction, rest } = weight(item, reading.errors);
		const read = answer(item, fraction ?? 1, rest, reading);
		if (read) answers.push(read);
	}
	return reading.errors.length > 0 ? undefined : { kind: 'short', answers };
}

function matching(body: Char[], { format, errors }: Reading): GiftBody | undefined {
	const pairs: GiftPair[] = [];
	for (const item of items(body, '=')) {
		const [left, right] = splitOnce(item.text, '->');
		const open = firstNonSpace(item.text);
		if (!right) {
			errors.push({
				line: item.line,
				message: 'in a matching question every answer is "=left -> right"'
			});
		} else if (indexOf(item.text, '#') >= 0 || (open >= 0 && item.text[open]!.c === '%')) {
			errors.push({
				line: item.line,
				message: 'matching pairs take no %weight% or #feedback (escape a literal # as \\#)'
			});
		} else if (textOf(right).trim() === '') {
			errors.push({ line: item.line, message: 'the pair has nothing after "->"' });
		} else {
			pairs.push({
				left: readText(textOf(left), format).text.trim(),
				right: textOf(right).trim(),
				line: item.line
			});
		}
	}
	return errors.length > 0 ? undefined : { kind: 'matching', pairs };
}
