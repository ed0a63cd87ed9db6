// What the answer-block readers share: splitting a block into `=`/`~` items, a leading
// `%n%` weight checked against Moodle's list, and optional texts.

import { moodleFraction, nearestMoodleFraction, percent } from './fractions.ts';
import { firstNonSpace, indexOf, textOf, type Char } from './escape.ts';
import { readText, type GiftFormat } from './text.ts';
import type { GiftIssue } from './types.ts';

export const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export interface Reading {
	format: GiftFormat;
	errors: GiftIssue[];
	notes: string[];
}

export function optionalText(chars: Char[], format: GiftFormat): string | undefined {
	const text = readText(textOf(chars), format).text.trim();
	return text === '' ? undefined : text;
}

export interface Item {
	/** '' for text before the first `=` or `~`, which Moodle reads as an answer too. */
	prefix: '=' | '~' | '';
	text: Char[];
	line: number;
}

/** Splits the block before each unescaped character of `markers`. */
export function items(body: Char[], markers: string): Item[] {
	const starts: number[] = [];
	body.forEach((ch, i) => {
		if (!ch.escaped && markers.includes(ch.c)) starts.push(i);
	});
	const list = starts.map((start, index) => ({
		prefix: body[start]!.c as '=' | '~',
		text: body.slice(start + 1, starts[index + 1] ?? body.length),
		line: body[start]!.line
	}));
	const leading = body.slice(0, starts[0] ?? body.length);
	const at = firstNonSpace(leading);
	return at < 0
		? list
		: [{ prefix: '', text: leading.slice(at), line: leading[at]!.line }, ...list];
}

/** A leading `%n%`: the fraction it gives (undefined if there is none) and the rest. */
export function weight(item: Item, errors: GiftIssue[]): { fraction?: number; rest: Char[] } {
	const open = firstNonSpace(item.text);
	if (open < 0 || item.text[open]!.c !== '%') return { rest: item.text };
	const close = indexOf(item.text, '%', open + 1);
	if (close < 0) {
		errors.push({ line: item.line, message: 'the weight after "%" is not closed with "%"' });
		return { rest: [] };
	}
	const raw = textOf(item.text.slice(open + 1, close)).trim();
	const rest = item.text.slice(close + 1);
	if (!NUMBER.test(raw)) {
		errors.push({ line: item.line, message: `bad weight "%${raw}%": not a percentage` });
		return { rest };
	}
	const fraction = moodleFraction(Number(raw) / 100);
	if (fraction === undefined) {
		const nearest = percent(nearestMoodleFraction(Number(raw) / 100));
		errors.push({
			line: item.line,
			message: `bad weight "%${raw}%": Moodle accepts only its list of credits (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 %, or minus one of them); the nearest is %${nearest}%`
		});
		return { rest };
	}
	return { fraction, rest };
}
