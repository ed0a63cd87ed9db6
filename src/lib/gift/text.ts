// GIFT text formats: an optional `[html]`, `[markdown]`, `[plain]` or `[moodle]` marker before
// a text. Our prompts are plain text with light markdown, so markers are removed and HTML is
// turned into text. A question's marker is the default for its answers and feedback.

export type GiftFormat = 'moodle' | 'html' | 'markdown' | 'plain';

const MARKER = /^\s*\[(html|moodle|plain|markdown)\]/i;

export interface ReadText {
	/** Untrimmed, so the caller can keep the spacing around a missing-word blank. */
	text: string;
	format: GiftFormat;
}

export function readText(raw: string, inherited: GiftFormat = 'moodle'): ReadText {
	const marker = MARKER.exec(raw);
	const format = marker ? (marker[1]!.toLowerCase() as GiftFormat) : inherited;
	const body = marker ? raw.slice(marker[0].length) : raw;
	return { text: format === 'html' ? htmlToText(body) : body, format };
}

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

function decodeEntity(whole: string, name: string): string {
	if (name[0] === '#') {
		const code =
			name[1] === 'x' || name[1] === 'X'
				? Number.parseInt(name.slice(2), 16)
				: Number.parseInt(name.slice(1), 10);
		return Number.isFinite(code) && code > 0 && code <= 0x10ffff
			? String.fromCodePoint(code)
			: whole;
	}
	return NAMED[name.toLowerCase()] ?? whole;
}

/** Text of an HTML fragment: tags dropped, line and paragraph breaks kept, entities decoded. */
export function htmlToText(html: string): string {
	const text = html
		.replace(/\s+/g, ' ')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|div|h[1-6]|li|tr|blockquote)\s*>/gi, '\n\n')
		.replace(/<[a-z/!][^>]*>/gi, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity);
	const lines = text.split('\n').map((line) => line.replace(/[ \t]+/g, ' ').trim());
	// Keep the spaces at either end: they separate the text from a missing-word blank.
	const lead = /^ /.test(text) ? ' ' : '';
	const tail = / $/.test(text) ? ' ' : '';
	return (
		lead +
		lines
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim() +
		tail
	);
}
