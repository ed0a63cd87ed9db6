// A numeric answer block, after its `#`, read as Moodle reads it.

import { splitOnce, textOf, type Char } from './escape.ts';
import { items, NUMBER, optionalText, weight, type Reading } from './answer-items.ts';
import type { GiftBody, GiftIssue, GiftNumeric, NumericRange } from './types.ts';

/**
 * After the `#`: `x`, `x:tolerance`, `min..max`, or a list of `=%w%x:t#feedback` answers; then
 * optionally `~#feedback` for any other number.
 */
export function numeric(body: Char[], line: number, reading: Reading): GiftBody | undefined {
	const [main, wrong] = splitOnce(body, '~');
	const answers: GiftNumeric[] = [];
	for (const item of items(main, '=')) {
		const { fraction, rest } = weight(item, reading.errors);
		const [text, feedbackChars] = splitOnce(rest, '#');
		const raw = textOf(text).trim();
		const range = numericRange(raw, item.line, reading.errors);
		if (!range) continue;
		const feedback = feedbackChars && optionalText(feedbackChars, reading.format);
		answers.push({
			...range,
			fraction: fraction ?? 1,
			...(feedback ? { feedback } : {}),
			line: item.line
		});
	}
	if (reading.errors.length === 0 && answers.length === 0) {
		reading.errors.push({ line, message: 'a numeric question needs at least one answer' });
	}
	const [, wrongFeedbackChars] = wrong ? splitOnce(wrong, '#') : [];
	const wrongFeedback = wrongFeedbackChars && optionalText(wrongFeedbackChars, reading.format);
	if (reading.errors.length > 0) return undefined;
	return { kind: 'numeric', answers, ...(wrongFeedback ? { wrongFeedback } : {}) };
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
