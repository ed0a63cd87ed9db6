const ignorable = /[\p{P}\p{S}\p{Cf}\s]/gu;

/**
 * Short answers are compared after folding away what a learner should not lose marks for:
 * Unicode compatibility forms (full-width letters, ligatures), accents, case, punctuation,
 * invisible format characters and spacing, a leading "the" ("the Afghan Taliban"), and "&" for
 * "and". Look-alike letters from other scripts (Cyrillic "а" for Latin "a") are different letters
 * and stay different.
 */
export function normaliseShortAnswer(text: string, caseSensitive = false, dropThe = true): string {
	const folded = text.normalize('NFKD').replace(/\p{M}/gu, '');
	const cased = (caseSensitive ? folded : folded.toLowerCase()).replace(/&/g, ' and ');
	return (
		dropThe ? cased.replace(/^[\p{P}\p{S}\p{Cf}\s]*the(?![\p{L}\p{N}])/iu, '') : cased
	).replace(ignorable, '');
}

/** A `*` in an accepted answer stands for any text (Moodle's wildcard); `\*` is a star. */
const WILDCARD = /(?<!\\)\*/;

/**
 * Whether a typed answer matches an accepted one, both folded as above. With wildcards, the
 * parts between the stars are folded and must appear in order; a leading "the" is then kept on
 * both sides, since a pattern may well start with it.
 */
export function matchesShortAnswer(accepted: string, given: string, caseSensitive = false) {
	if (!WILDCARD.test(accepted)) {
		const typed = normaliseShortAnswer(given, caseSensitive);
		return typed !== '' && normaliseShortAnswer(accepted, caseSensitive) === typed;
	}
	const typed = normaliseShortAnswer(given, caseSensitive, false);
	const parts = accepted
		.split(WILDCARD)
		.map((part) => normaliseShortAnswer(part.replace(/\\\*/g, '*'), caseSensitive, false));
	const pattern = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
	return typed !== '' && new RegExp(`^${pattern}$`, 'su').test(typed);
}

/**
 * The two halves of an answer written "name (abbreviation)", as the articles write
 * "Lashkar-i-Jhangvi (LJ)", or "abbreviation (name)"; null for any other answer. Grading accepts
 * the pair only when both halves are accepted, so a right half cannot carry a wrong one.
 */
export function shortAnswerHalves(text: string): [string, string] | null {
	const match = /^([^()]*)\(([^()]*)\)[\p{P}\p{Cf}\s]*$/u.exec(text.trim());
	if (!match) return null;
	const [, outside, inside] = match as unknown as [string, string, string];
	if (normaliseShortAnswer(outside) === '' || normaliseShortAnswer(inside) === '') return null;
	return [outside, inside];
}

/**
 * Reads a number as people type it: spaces, a leading plus, a Unicode minus sign, thousands
 * commas ("1,100") and exponents are accepted; anything else, and non-finite values, are not.
 */
export function parseNumber(text: string): number | null {
	const compact = text
		.trim()
		.replace(/[\s_]/g, '')
		.replace(/^\u2212/, '-');
	const plain = /^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(compact)
		? compact.replace(/,/g, '')
		: compact;
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return null;
	const value = Number(plain);
	return Number.isFinite(value) ? value : null;
}
