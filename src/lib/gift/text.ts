// GIFT text formats: an optional `[html]`, `[markdown]`, `[plain]` or `[moodle]` marker before
// a text. Our prompts are plain text, so markers are removed and HTML and Markdown are turned
// into the text a reader would see. A question's marker is the default for its answers and
// feedback.

export type GiftFormat = 'moodle' | 'html' | 'markdown' | 'plain';

const MARKER = /^\s*\[(html|moodle|plain|markdown)\]/i;

export interface ReadText {
	/** Untrimmed, so the caller can keep the spacing around a missing-word blank. */
	text: string;
	format: GiftFormat;
	/** A warning when the HTML embeds media, which plain text can only name by address. */
	media?: string;
}

const MEDIA = /<(img|audio|video|source|embed|iframe|object)\b/i;

export function readText(raw: string, inherited: GiftFormat = 'moodle'): ReadText {
	const marker = MARKER.exec(raw);
	const format = marker ? (marker[1]!.toLowerCase() as GiftFormat) : inherited;
	const body = marker ? raw.slice(marker[0].length) : raw;
	if (format === 'markdown') return { text: markdownToText(body), format };
	if (format !== 'html') return { text: body, format };
	const media = MEDIA.exec(body)?.[1]?.toLowerCase();
	return {
		text: htmlToText(body),
		format,
		...(media
			? { media: `the HTML embeds media (<${media}>): only its address is kept in the text` }
			: {})
	};
}

/**
 * What a reader sees of Markdown: emphasis and code marks, heading and quote marks dropped,
 * links as "text (address)". Lists and line breaks stay as they are.
 */
export function markdownToText(markdown: string): string {
	return markdown
		.replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (_, alt: string, url: string) =>
			alt ? `${alt} (${url})` : url
		)
		.replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_, text: string, url: string) =>
			text === url ? url : `${text} (${url})`
		)
		.replace(/(\*\*|__)(?=[^\s*_])([\s\S]*?[^\s*_])\1/g, '$2')
		.replace(/(^|[^\w*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\w*])/g, '$1$2')
		.replace(/(^|[^\w_])_(?=[^\s_])([^_]*?[^\s_])_(?![\w_])/g, '$1$2')
		.replace(/`([^`]+)`/g, '$1')
		.replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
		.replace(/^[ \t]*>[ \t]?/gm, '');
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

const attribute = (tag: string, name: string) =>
	new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
		.exec(tag)
		?.slice(1)
		.find((value) => value !== undefined);

/**
 * Text of an HTML fragment: tags dropped, line and paragraph breaks kept, entities decoded. A
 * link keeps its address, "text (address)", and media become their address, so a listening or
 * picture question still says what to open.
 */
export function htmlToText(html: string): string {
	const text = html
		.replace(/\s+/g, ' ')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|div|h[1-6]|li|tr|blockquote)\s*>/gi, '\n\n')
		.replace(/<a\b[^>]*>([\s\S]*?)<\/a\s*>/gi, (whole, inner: string) => {
			const href = attribute(whole, 'href');
			const label = inner.replace(/<[a-z/!][^>]*>/gi, '').trim();
			return href && href !== label ? `${label} (${href})` : label;
		})
		.replace(/<(img|audio|video|source|embed|iframe)\b[^>]*>/gi, (tag) => {
			const src = attribute(tag, 'src') ?? attribute(tag, 'data');
			const alt = attribute(tag, 'alt');
			return src ? ` ${alt ? `${alt} ` : ''}(${src}) ` : '';
		})
		.replace(/<[a-z/!][^>]*>/gi, '');
	// Entities are decoded last, so an encoded space or break is kept as written.
	const lines = text
		.split('\n')
		.map((line) => line.replace(/[ \t]+/g, ' ').trim())
		.map((line) => line.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity));
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
