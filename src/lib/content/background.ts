import type { BackgroundTerm } from './reference-schema.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The background terms a lesson's text uses, in the order the list gives them. */
export function backgroundFor(lessonText: string, terms: BackgroundTerm[]): BackgroundTerm[] {
	return terms.filter((entry) =>
		entry.match.some((word) =>
			new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u').test(lessonText)
		)
	);
}
