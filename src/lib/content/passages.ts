import { normaliseQuote, readArticles } from './articles.ts';
import { contentQuotes } from './content-quotes.ts';
import { sources } from './sources.ts';

/** One passage of an article as the course cites it, and what cites it. */
export interface CitedPassage {
	/** The article sentence it falls in, from 1; null when the articles could not be read. */
	sentence: number | null;
	/** The longest of the course's quotes from it (a short passage the lessons already show). */
	quote: string;
	/** Keys of the pages whose text cites it: "module/lesson", or "module" for an introduction. */
	pages: string[];
	/** Questions whose citations include it, by quiz (lesson key) and question id. */
	questions: { quiz: string; question: string }[];
}

export interface ArticlePassages {
	source: string;
	passages: CitedPassage[];
}

// A sentence ends at . ! or ? (perhaps before a closing quotation mark or bracket) followed by
// a space and what starts a sentence; good enough to group quotes, never shown as a count.
const SENTENCE_END = /[.!?][’'"”)]*\s+(?=[A-Z0-9“‘"'])/g;

function sentenceStarts(text: string): number[] {
	return [0, ...[...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length)];
}

/**
 * The passages of each article that lessons and quiz questions cite, in article order. Quotes
 * group by the article sentence they start in; without the articles, by their own words.
 */
export function citedPassages(
	lessonsDir: string,
	rootDir: string,
	articlesDir: string
): ArticlePassages[] {
	const read = readArticles(articlesDir);
	const texts = 'texts' in read ? read.texts : null;
	const starts = new Map([...(texts ?? [])].map(([file, text]) => [file, sentenceStarts(text)]));
	const groups = new Map<string, CitedPassage & { source: string }>();
	for (const ref of contentQuotes(lessonsDir, rootDir).quotes) {
		if (!ref.citedBy || !ref.quote.trim()) continue;
		const quote = normaliseQuote(ref.quote);
		const at = texts?.get(ref.source)?.indexOf(quote) ?? -1;
		const sentence = at < 0 ? null : starts.get(ref.source)!.filter((start) => start <= at).length;
		const key = `${ref.source}\n${sentence ?? quote}`;
		let group = groups.get(key);
		if (!group)
			groups.set(key, (group = { source: ref.source, sentence, quote, pages: [], questions: [] }));
		if (quote.length > group.quote.length) group.quote = quote;
		const by = ref.citedBy;
		if ('question' in by) {
			if (!group.questions.some((q) => q.quiz === by.lesson && q.question === by.question))
				group.questions.push({ quiz: by.lesson, question: by.question });
		} else if (!group.pages.includes(by.lesson)) group.pages.push(by.lesson);
	}
	return sources.map(({ file }) => ({
		source: file,
		passages: [...groups.values()]
			.filter((group) => group.source === file)
			.sort(
				(a, b) =>
					(a.sentence ?? Infinity) - (b.sentence ?? Infinity) || a.quote.localeCompare(b.quote)
			)
			.map(({ sentence, quote, pages, questions }) => ({ sentence, quote, pages, questions }))
	}));
}
