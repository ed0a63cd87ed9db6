// The part of a GIFT question between `{` and `}`: decides the question type and reads its
// answers, feedback and `####` general feedback.

import { firstNonSpace, indexOf, splitAll, splitOnce, textOf, type Char } from './escape.ts';
import { readText, type GiftFormat } from './text.ts';
import type {
	GiftAnswer,
	GiftBody,
	GiftIssue,
	GiftNumeric,
	GiftPair,
	NumericRange
} from './types.ts';

export type AnswerBlock =
	| { kind: 'ok'; body: GiftBody; generalFeedback?: string; notes: string[] }
	| { kind: 'unsupported'; message: string }
	| { kind: 'errors'; errors: GiftIssue[] };

const TRUE_FALSE: Record<string, boolean> = { T: true, TRUE: true, F: false, FALSE: false };
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** `chars` is the inside of the braces; `line` is where the `{` is. */
export function parseAnswerBlock(chars: Char[], format: GiftFormat, line: number): AnswerBlock {
	const [body, general] = splitOnce(chars, '####');
	const generalFeedback = general ? optionalText(general, format) : undefined;
	const start = firstNonSpace(body);
	if (start < 0) {
		return {
			kind: 'unsupported',
			message: 'essay question ({}): our quizzes have no free-text answers'
		};
	}
	if (/^\d+:[A-Z_]+:/.test(textOf(body.slice(start)))) {
		return { kind: 'unsupported', message: 'embedded answers (cloze) are not supported' };
	}
	const errors: GiftIssue[] = [];
	const notes: string[] = [];
	const first = body[start]!;
	let result: GiftBody | undefined;
	if (first.c === '#' && !first.escaped) {
		result = numeric(body.slice(start + 1), format, line, errors, notes);
	} else {
		result = trueFalse(body, format, errors);
		if (!result && errors.length === 0) result = answerList(body, format, errors);
	}
	if (errors.length > 0 || !result) return { kind: 'errors', errors };
	return {
		kind: 'ok',
		body: result,
		...(generalFeedback ? { generalFeedback } : {}),
		notes
	};
}

function optionalText(chars: Char[], format: GiftFormat): string | undefined {
	const text = readText(textOf(chars), format).text.trim();
	return text === '' ? undefined : text;
}

/** `{T}`, `{FALSE#wrong}`, `{TRUE#wrong#right}`, any case; undefined if it is not true/false. */
function trueFalse(body: Char[], format: GiftFormat, errors: GiftIssue[]): GiftBody | undefined {
	const [head, ...feedback] = splitAll(body, '#');
	const answer = TRUE_FALSE[textOf(head!).trim().toUpperCase()];
	if (answer === undefined) return undefined;
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

interface Item {
	prefix: '=' | '~';
	weight?: number;
	text: Char[];
	feedback?: Char[];
	line: number;
}

/** Splits `=a#fb ~%50%b …` into items; reports text before the first `=`/`~` and bad weights. */
function items(body: Char[], errors: GiftIssue[]): Item[] {
	const starts: number[] = [];
	body.forEach((ch, i) => {
		if (!ch.escaped && (ch.c === '=' || ch.c === '~')) starts.push(i);
	});
	const leading = textOf(body.slice(0, starts[0] ?? body.length)).trim();
	if (leading !== '') {
		const at = body[firstNonSpace(body)]!.line;
		errors.push({
			line: at,
			message: `unknown answer "${leading}": answers start with = (right) or ~ (wrong), or the block is T/F, #number or empty`
		});
		return [];
	}
	return starts.map((start, index) => {
		const prefix = body[start]!.c as '=' | '~';
		let rest = body.slice(start + 1, starts[index + 1] ?? body.length);
		const item: Item = { prefix, text: [], line: body[start]!.line };
		const open = firstNonSpace(rest);
		if (open >= 0 && rest[open]!.c === '%') {
			const close = indexOf(rest, '%', open + 1);
			const raw = close < 0 ? '' : textOf(rest.slice(open + 1, close)).trim();
			const weight = Number(raw);
			if (close < 0) {
				errors.push({ line: item.line, message: 'the weight after "%" is not closed with "%"' });
			} else if (!NUMBER.test(raw) || weight < -100 || weight > 100) {
				errors.push({
					line: item.line,
					message: `bad weight "%${raw}%": use a percentage from -100 to 100`
				});
			} else {
				item.weight = weight;
			}
			rest = close < 0 ? [] : rest.slice(close + 1);
		}
		const [text, feedback] = splitOnce(rest, '#');
		item.text = text;
		if (feedback) item.feedback = feedback;
		return item;
	});
}

/** Multiple choice, short answer or matching, told apart by `~` and `->`. */
function answerList(body: Char[], format: GiftFormat, errors: GiftIssue[]): GiftBody | undefined {
	const list = items(body, errors);
	if (errors.length > 0) return undefined;
	if (list.some((item) => indexOf(item.text, '->') >= 0)) return matching(list, format, errors);
	const answers: GiftAnswer[] = [];
	for (const item of list) {
		const text = readText(textOf(item.text), format).text.trim();
		if (text === '') {
			errors.push({ line: item.line, message: `the answer after "${item.prefix}" is empty` });
			continue;
		}
		const feedback = item.feedback && optionalText(item.feedback, format);
		answers.push({
			prefix: item.prefix,
			...(item.weight !== undefined ? { weight: item.weight } : {}),
			text,
			...(feedback ? { feedback } : {}),
			line: item.line
		});
	}
	if (errors.length > 0) return undefined;
	return list.some((item) => item.prefix === '~')
		? { kind: 'choice', answers }
		: { kind: 'short', answers };
}

function matching(list: Item[], format: GiftFormat, errors: GiftIssue[]): GiftBody | undefined {
	const pairs: GiftPair[] = [];
	for (const item of list) {
		const [left, right] = splitOnce(item.text, '->');
		if (item.prefix !== '=' || !right) {
			errors.push({
				line: item.line,
				message: 'in a matching question every answer is "=left -> right"'
			});
		} else if (item.weight !== undefined || item.feedback) {
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

/** After the `#`: `x`, `x:tolerance`, `min..max`, or a list of `=%w%x:t#feedback` answers. */
function numeric(
	body: Char[],
	format: GiftFormat,
	line: number,
	errors: GiftIssue[],
	notes: string[]
): GiftBody | undefined {
	const start = firstNonSpace(body);
	const head = start < 0 ? undefined : body[start];
	const list: Item[] =
		head && !head.escaped && (head.c === '=' || head.c === '~')
			? items(body, errors)
			: [singleNumeric(body, line)];
	const answers: GiftNumeric[] = [];
	for (const item of list) {
		const raw = textOf(item.text).trim();
		const feedback = item.feedback && optionalText(item.feedback, format);
		if (raw === '' && item.prefix === '~') {
			notes.push('a catch-all wrong-answer feedback (~#…) in a numeric question was dropped');
			continue;
		}
		const range = numericRange(raw, item.line, errors);
		if (!range) continue;
		answers.push({
			...range,
			prefix: item.prefix,
			...(item.weight !== undefined ? { weight: item.weight } : {}),
			...(feedback ? { feedback } : {}),
			line: item.line
		});
	}
	return errors.length > 0 ? undefined : { kind: 'numeric', answers };
}

function singleNumeric(body: Char[], line: number): Item {
	const [text, feedback] = splitOnce(body, '#');
	const at = firstNonSpace(body);
	return { prefix: '=', text, ...(feedback ? { feedback } : {}), line: body[at]?.line ?? line };
}

function numericRange(raw: string, line: number, errors: GiftIssue[]): NumericRange | undefined {
	const bad = (what: string) => {
		errors.push({
			line,
			message: `bad numeric answer "${raw}": ${what} (write x, x:tolerance or min..max)`
		});
		return undefined;
	};
	const number = (text: string) => (NUMBER.test(text.trim()) ? Number(text) : undefined);
	if (raw === '') return bad('it is empty');
	if (raw.includes('..')) {
		const [low, high, ...extra] = raw.split('..');
		const min = number(low!);
		const max = number(high!);
		if (extra.length > 0 || min === undefined || max === undefined) return bad('not a range');
		if (min > max) return bad('the lower end is above the upper end');
		return { min, max };
	}
	const [given, margin, ...extra] = raw.split(':');
	const value = number(given!);
	const tolerance = margin === undefined ? 0 : number(margin);
	if (extra.length > 0 || value === undefined) return bad('not a number');
	if (tolerance === undefined || tolerance < 0) return bad('the tolerance is not a number ≥ 0');
	return { value, tolerance };
}
