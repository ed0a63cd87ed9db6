// GIFT's backslash escapes, both ways. Reading, each source character becomes a `Char` that
// remembers whether it was escaped, so `\{` is text while `{` opens an answer block.

/** Characters with a meaning in GIFT that a backslash turns into plain text. */
const ESCAPABLE = new Set(['~', '=', '#', '{', '}', ':', '\\']);

export interface Char {
	c: string;
	escaped: boolean;
	/** 1-based line in the GIFT file. */
	line: number;
}

export interface SourceLine {
	line: number;
	text: string;
}

/**
 * Turns the lines of one question into characters, resolving escapes. Each line is trimmed
 * (indentation means nothing in GIFT) and lines are joined with a newline. `\n` is a newline
 * inside a line, as in Moodle; a backslash before anything else stays a backslash.
 */
export function scan(lines: SourceLine[]): Char[] {
	const chars: Char[] = [];
	lines.forEach(({ line, text }, index) => {
		if (index > 0) chars.push({ c: '\n', escaped: false, line });
		const trimmed = text.trim();
		for (let i = 0; i < trimmed.length; i++) {
			const c = trimmed[i]!;
			const next = trimmed[i + 1];
			if (c === '\\' && next !== undefined && (ESCAPABLE.has(next) || next === 'n')) {
				chars.push({ c: next === 'n' ? '\n' : next, escaped: true, line });
				i++;
			} else {
				chars.push({ c, escaped: false, line });
			}
		}
	});
	return chars;
}

/** Position of `token` written with unescaped characters, at or after `from`; -1 if none. */
export function indexOf(chars: Char[], token: string, from = 0): number {
	outer: for (let i = from; i <= chars.length - token.length; i++) {
		for (let k = 0; k < token.length; k++) {
			const ch = chars[i + k]!;
			if (ch.escaped || ch.c !== token[k]) continue outer;
		}
		return i;
	}
	return -1;
}

/** Splits at the first unescaped `token`: [before, after], or [all] when it does not occur. */
export function splitOnce(chars: Char[], token: string): [Char[]] | [Char[], Char[]] {
	const at = indexOf(chars, token);
	return at < 0 ? [chars] : [chars.slice(0, at), chars.slice(at + token.length)];
}

/** Splits at every unescaped `token`. */
export function splitAll(chars: Char[], token: string): Char[][] {
	const parts: Char[][] = [];
	let start = 0;
	for (let at = indexOf(chars, token); at >= 0; at = indexOf(chars, token, start)) {
		parts.push(chars.slice(start, at));
		start = at + token.length;
	}
	parts.push(chars.slice(start));
	return parts;
}

export function textOf(chars: Char[]): string {
	return chars.map((ch) => ch.c).join('');
}

/** Index of the first character that is not whitespace, or -1. */
export function firstNonSpace(chars: Char[], from = 0): number {
	for (let i = from; i < chars.length; i++) if (!/\s/.test(chars[i]!.c)) return i;
	return -1;
}

/** Writes text so a GIFT reader gets it back unchanged: specials escaped, newlines as `\n`. */
export function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}
