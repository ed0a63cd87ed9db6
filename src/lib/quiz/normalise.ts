const ignorable = /[\p{P}\p{S}\p{Cf}\s]/gu;

/**
 * Short answers are compared after folding away what a learner should not lose marks for:
 * Unicode compatibility forms (full-width letters, ligatures), accents, case, punctuation,
 * invisible format characters and spacing, a leading "the" ("the Afghan Taliban"), and "&" for
 * "and". Look-alike letters from other scripts (Cyrillic "а" for Latin "a") are different letters
 * and stay different.
 */
export function normaliseShortAnswer(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/^[\p{P}\p{S}\p{Cf}\s]*the(?![\p{L}\p{N}])/u, '')
		.replace(ignorable, '');
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
