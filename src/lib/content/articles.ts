import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sources } from './sources.ts';

/** Article file name → its text, with whitespace normalised (see `normaliseQuote`). */
export type ArticleTexts = Map<string, string>;

/** Where the course's articles are looked for when ARTICLES_DIR is not set. */
export const DEFAULT_ARTICLES_DIR = '../shared/articles';

export const isKnownArticle = (file: string) => sources.some((source) => source.file === file);

// Line breaks and runs of spaces in the articles are layout, not wording (as in the quote test).
export const normaliseQuote = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The five articles from a folder that exists, or the paths of those it lacks. */
export function readArticles(dir: string): { texts: ArticleTexts } | { missing: string[] } {
	const missing = sources.map(({ file }) => join(dir, file)).filter((path) => !existsSync(path));
	if (missing.length) return { missing };
	return {
		texts: new Map(
			sources.map(({ file }) => [file, normaliseQuote(readFileSync(join(dir, file), 'utf8'))])
		)
	};
}
