// Finds the words a question puts between quotation marks, so the build can hold them to the
// article's wording. Single quotes double as apostrophes ("group's", "groups' leaders"), so a
// single quote opens only where a word starts and closes only where a word ends.

const LETTER = /[\p{L}\p{N}]/u;
const OPENS_AFTER = /[\s([{“"‘—–-]/u;
const ELLIPSIS = /\s*(?:\.\.\.|…)\s*/u;
// Our own insertions inside a quotation, e.g. 'it [the group] claimed', are not the article's.
const INSERTION = /\s*\[[^\]]*\]\s*/u;

interface Marks {
	opens: (char: string) => boolean;
	closes: (char: string) => boolean;
}

const double: Marks = {
	opens: (char) => char === '“' || char === '"',
	closes: (char) => char === '”' || char === '"'
};
const single: Marks = {
	opens: (char) => char === '‘' || char === "'",
	closes: (char) => char === '’' || char === "'"
};

function spans(text: string, marks: Marks): string[] {
	const found: string[] = [];
	let start = -1;
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		const before = i > 0 ? text[i - 1]! : ' ';
		const after = i + 1 < text.length ? text[i + 1]! : ' ';
		if (start >= 0 && marks.closes(char) && !/\s/u.test(before) && !LETTER.test(after)) {
			found.push(text.slice(start, i));
			start = -1;
		} else if (start < 0 && marks.opens(char) && OPENS_AFTER.test(before) && !/\s/u.test(after)) {
			start = i + 1;
		}
	}
	return found;
}

/**
 * The quoted passages in `text`, each cut at ellipses and [insertions] into the runs of words
 * that must appear in the article as they stand.
 */
export function quotedPhrases(text: string): string[] {
	return [...spans(text, double), ...spans(text, single)]
		.flatMap((quoted) => quoted.split(ELLIPSIS))
		.flatMap((part) => part.split(INSERTION))
		.map((part) => part.trim())
		.filter((part) => LETTER.test(part));
}
