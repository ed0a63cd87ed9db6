import { z } from 'zod';

// The rule for names people give (display names, class names). Svelte escapes HTML, but an
// invisible character still does harm: a bidi override (U+202E) reorders the text shown after it,
// zero-width and filler characters make two names look alike or a name look empty, and control
// characters break CSV rows and log lines. So names refuse them when set, and names stored before
// the rule are cleaned when shown or exported.

// Refused: controls (Cc), format characters (Cf: bidi marks, overrides and isolates, zero-width
// space, BOM, soft hyphen...), line and paragraph separators, and every other character Unicode
// says to draw as nothing (Default_Ignorable_Code_Point: Hangul fillers, the grapheme joiner...).
const hidden = String.raw`[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]`;

// Kept, because real writing needs them, but only where they join something visible:
const permitted = [
	// zero-width (non-)joiners inside a word (Persian, Urdu, Indic scripts) or an emoji sequence
	// (woman, ZWJ, laptop makes one emoji); never at an edge, beside a space or doubled
	String.raw`(?<=[\p{L}\p{M}\p{N}\p{S}])[\u200C\u200D](?=[\p{L}\p{M}\p{N}\p{S}])`,
	// variation selectors after a character (U+FE0F makes a heart an emoji; CJK, Mongolian forms)
	String.raw`(?<=[\p{L}\p{M}\p{N}\p{P}\p{S}])[\uFE00-\uFE0F\u180B-\u180D\u180F\u{E0100}-\u{E01EF}]+`,
	// the tag characters of a subdivision flag (🏴 then tags, closed by U+E007F)
	String.raw`(?<=\u{1F3F4})[\u{E0020}-\u{E007E}]+\u{E007F}`
].join('|');

const scan = new RegExp(`(${permitted})|${hidden}`, 'gu');
const lineBreaking = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/** The first character the name rule refuses, if any. */
export function refusedCharacter(name: string): string | undefined {
	for (const [match, kept] of name.matchAll(scan)) if (kept === undefined) return match;
	return undefined;
}

/** How to name a refused character in a message: its code point, since it cannot be seen. */
export function codePoint(character: string): string {
	return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A stored name made safe to show or export: refused characters dropped (controls and line
 * breaks become spaces, so words stay apart), then trimmed; a name with nothing left shows as
 * "(no name)".
 */
export function displaySafe(name: string): string {
	let shown = name;
	let previous: string;
	// Dropping a character can strand a joiner that sat beside it, so clean until nothing changes.
	do {
		previous = shown;
		shown = shown
			.replace(scan, (match, kept?: string) => kept ?? (lineBreaking.test(match) ? ' ' : ''))
			.trim();
	} while (shown !== previous);
	return shown || '(no name)';
}

/** A name as a form field: trimmed, 1 to 80 characters, none that the rule refuses. */
export function nameField(missing: string) {
	return z
		.string({ error: missing })
		.trim()
		.min(1, missing)
		.max(80, 'Keep the name under 80 characters.')
		.refine((name) => refusedCharacter(name) === undefined, {
			error: (issue) => {
				const character = codePoint(refusedCharacter(String(issue.input))!);
				return `The name contains an invisible character (${character}) that could disguise it. Please type it again without it.`;
			}
		});
}
