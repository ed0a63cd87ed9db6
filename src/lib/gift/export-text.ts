// Texts as GIFT writes them, so that Moodle and our import read back what was written.

import { escapeGift } from './escape.ts';

/**
 * A text in a place that reads a format marker: a leading `[…]` or `%…%` would be taken for a
 * marker or a weight, so such a text gets an explicit [plain] first.
 */
export const giftText = (text: string) =>
	`${/^[[%]/.test(text) ? '[plain]' : ''}${escapeGift(text)}`;

export const feedback = (text: string | undefined) => (text ? `#${giftText(text)}` : '');

/**
 * A text where "->" would be read as syntax (a matching's left side, a short answer's
 * feedback): written in HTML, "->" as "-&gt;", which reads back as "->".
 */
export function arrowSafe(text: string): string {
	if (!text.includes('->')) return giftText(text);
	const html = text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		// HTML folds runs of spaces and spaces at a line break; encoded, they are kept.
		.replace(/ (?= |\n)|(?<=\n| ) /g, '&#32;')
		.replace(/\n/g, '<br>');
	return `[html]${escapeGift(html)}`;
}
