import { existsSync } from 'node:fs';
import { isKnownArticle, normaliseQuote, readArticles } from './articles.ts';
import { contentQuotes } from './content-quotes.ts';
import { sources } from './sources.ts';

export interface QuoteCheck {
	problems: string[];
	/** Set when the articles could not be read: which checks did not run, and how to run them. */
	notRun: string | null;
}

// In our own sentences a quotation's marks and apostrophes may be straight or curly, and its
// first word may take a capital it has not in the article; every other character must match.
const foldQuotes = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
const firstLetterEitherCase = (text: string) => [
	text,
	text.charAt(0).toLowerCase() + text.slice(1),
	text.charAt(0).toUpperCase() + text.slice(1)
];

/**
 * Holds every citation in lessons, quizzes and reference files to the five articles: each must
 * name one of them, and (when `articlesDir` holds them) quote it word for word, as must every
 * phrase a question's prompt or options put in quotation marks, in an article the question cites
 * or names ("(000)").
 */
export function checkQuotes(lessonsDir: string, rootDir: string, articlesDir: string): QuoteCheck {
	const problems: string[] = [];
	if (!existsSync(lessonsDir)) return { problems, notRun: null };
	const { quotes, phrases } = contentQuotes(lessonsDir, rootDir);
	for (const { where, source } of quotes) {
		if (!isKnownArticle(source))
			problems.push(`${where}: source "${source}" is not one of the five articles`);
	}

	if (!existsSync(articlesDir)) return { problems, notRun: notRunMessage(articlesDir) };
	const articles = readArticles(articlesDir);
	if (!('texts' in articles)) {
		for (const path of articles.missing)
			problems.push(`${path}: article missing (ARTICLES_DIR must hold all five articles)`);
		return { problems, notRun: null };
	}
	const texts = articles.texts;

	for (const { where, source, quote } of quotes) {
		const text = texts.get(source);
		if (text && quote.trim() && !text.includes(normaliseQuote(quote)))
			problems.push(`${where}: quote "${quote.trim()}" is not word for word in ${source}`);
	}

	const folded = new Map([...texts].map(([file, text]) => [file, foldQuotes(text)]));
	const contains = (file: string, phrase: string) =>
		firstLetterEitherCase(foldQuotes(normaliseQuote(phrase))).some((variant) =>
			folded.get(file)?.includes(variant)
		);
	for (const { where, phrase, articles: allowed } of phrases) {
		if (allowed.some((file) => contains(file, phrase))) continue;
		const elsewhere = sources.map(({ file }) => file).filter((file) => contains(file, phrase));
		const hint = elsewhere.length
			? `; it is in ${elsewhere.join(', ')}, which the question neither cites nor names ` +
				`(as ${elsewhere.map((file) => `(${file.slice(0, 3)})`).join(' or ')})`
			: '';
		problems.push(
			`${where}: "${phrase}" is in quotation marks but not word for word in ${allowed.join(', ')}${hint}`
		);
	}
	return { problems, notRun: null };
}

function notRunMessage(articlesDir: string): string {
	return (
		`No articles at ${articlesDir}, so these checks did not run: quotes in <Cite> tags, ` +
		`quiz citations and evidence sentences, quotes in timeline.yaml, actors.yaml and ` +
		`positions.yaml, and quoted words in prompts and options. To run them, set ARTICLES_DIR ` +
		`to the folder that holds ${sources[0]!.file} and the other articles.`
	);
}
