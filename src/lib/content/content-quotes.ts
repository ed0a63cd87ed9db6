import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { quizFile, type Question } from './quiz-schema.ts';
import { quotedPhrases } from './quoted-phrases.ts';
import { parseFolderName } from './slugs.ts';
import { referenceFiles } from './reference-schema.ts';
import { sources } from './sources.ts';

/** A passage the course presents as an article's own words. */
export interface QuoteRef {
	/** The file (and line, entry or question) it is in, for the problem message. */
	where: string;
	source: string;
	quote: string;
	/** What the passage is cited for, when a lesson's Cite tag or a question's citation cites it. */
	citedBy?: { lesson: string } | { lesson: string; question: string };
}

/** Words a question puts in quotation marks, and the articles it cites or names. */
export interface PhraseRef {
	where: string;
	phrase: string;
	articles: string[];
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.sort((a, b) => a.name.localeCompare(b.name))
		.flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return filesUnder(path, keep);
			return keep(entry.name) ? [path] : [];
		});
}

/** `<Cite source="…" quote="…" />` tags in a lesson's Markdown. */
function lessonQuotes(markdown: string, file: string, lesson: string): QuoteRef[] {
	return [...markdown.matchAll(/<Cite\b([^>]*?)\/?>/g)].map((tag) => {
		const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag[1]!)?.[1];
		const line = markdown.slice(0, tag.index).split('\n').length;
		return {
			where: `${file}:${line}: <Cite>`,
			source: attribute('source') ?? '',
			quote: attribute('quote') ?? '',
			citedBy: { lesson }
		};
	});
}

/** What a learner reads as the question: its prompt and the choices it offers. */
function questionTexts(question: Question): { field: string; text: string }[] {
	const texts = [{ field: 'prompt', text: question.prompt }];
	switch (question.type) {
		case 'single':
		case 'multiple':
			question.options.forEach((option, index) =>
				texts.push({ field: `options.${index}.text`, text: option.text })
			);
			break;
		case 'evidence':
			texts.push({ field: 'claim', text: question.claim });
			break;
		case 'matching':
			question.pairs.forEach((pair, index) => {
				texts.push({ field: `pairs.${index}.prompt`, text: pair.prompt });
				texts.push({ field: `pairs.${index}.match`, text: pair.match });
			});
			question.distractors.forEach((text, index) =>
				texts.push({ field: `distractors.${index}`, text })
			);
			break;
		case 'ordering':
			question.items.forEach((item, index) =>
				texts.push({ field: `items.${index}.text`, text: item.text })
			);
			break;
	}
	return texts;
}

// A question names an article by its number in brackets, as in "the 2017 editorial (000)".
function namedArticles(texts: string[]): string[] {
	const numbers = texts.flatMap((text) => [...text.matchAll(/\((\d{3})\)/g)].map((m) => m[1]!));
	return sources.map(({ file }) => file).filter((file) => numbers.includes(file.slice(0, 3)));
}

function quizQuotes(
	yaml: string,
	file: string,
	lesson: string
): { quotes: QuoteRef[]; phrases: PhraseRef[] } {
	const quotes: QuoteRef[] = [];
	const phrases: PhraseRef[] = [];
	let parsed;
	try {
		parsed = quizFile.safeParse(parseYaml(yaml));
	} catch {
		return { quotes, phrases }; // the schema check reports broken YAML
	}
	if (!parsed.success) return { quotes, phrases };
	parsed.data.questions.forEach((question, index) => {
		const name = `${file}: question "${question.id}" (#${index + 1})`;
		question.citations.forEach(({ source, quote }, i) =>
			quotes.push({
				where: `${name}, field "citations.${i}"`,
				source,
				quote,
				citedBy: { lesson, question: question.id }
			})
		);
		if (question.type === 'evidence') {
			quotes.push({ where: `${name}, field "source"`, source: question.source, quote: '' });
			question.sentences.forEach(({ text }, i) =>
				quotes.push({
					where: `${name}, field "sentences.${i}"`,
					source: question.source,
					quote: text
				})
			);
		}
		const texts = questionTexts(question);
		const articles = [
			...new Set([
				...question.citations.map((citation) => citation.source),
				...(question.type === 'evidence' ? [question.source] : []),
				...namedArticles(texts.map(({ text }) => text))
			])
		];
		for (const { field, text } of texts) {
			for (const phrase of quotedPhrases(text))
				phrases.push({ where: `${name}, field "${field}"`, phrase, articles });
		}
	});
	return { quotes, phrases };
}

/** Every `{ source, quote }` in a reference file, named by the nearest entry id. */
function referenceQuotes(yaml: string, file: string): QuoteRef[] {
	const found: QuoteRef[] = [];
	const walk = (value: unknown, entry: string, path: (string | number)[]) => {
		if (Array.isArray(value)) return value.forEach((item, i) => walk(item, entry, [...path, i]));
		if (typeof value !== 'object' || value === null) return;
		const record = value as Record<string, unknown>;
		if (typeof record.id === 'string') [entry, path] = [`entry "${record.id}"`, []];
		if (typeof record.source === 'string') {
			const quote = typeof record.quote === 'string' ? record.quote : '';
			const field = [...path, 'quote'].join('.');
			found.push({ where: `${file}: ${entry}, field "${field}"`, source: record.source, quote });
		}
		for (const [key, child] of Object.entries(record)) walk(child, entry, [...path, key]);
	};
	let data: unknown;
	try {
		data = parseYaml(yaml);
	} catch {
		return found; // the reference schema check reports broken YAML
	}
	walk(data, 'entry without an id', []);
	return found;
}

/**
 * The page a file belongs to, keyed as URLs and progress key it: "module-slug/lesson-slug" for a
 * lesson's files, "module-slug" for a module's introduction.
 */
function pageKey(lessonsDir: string, path: string): string {
	return relative(lessonsDir, path)
		.split(/[\\/]/)
		.slice(0, -1)
		.map((folder) => parseFolderName(folder)?.slug ?? folder)
		.join('/');
}

/** Every quotation in the course: lessons, quizzes and the reference files beside them. */
export function contentQuotes(
	lessonsDir: string,
	rootDir: string
): { quotes: QuoteRef[]; phrases: PhraseRef[] } {
	const where = (path: string) => relative(rootDir, path).split('\\').join('/');
	const quotes: QuoteRef[] = [];
	const phrases: PhraseRef[] = [];
	for (const path of filesUnder(lessonsDir, (name) => name.endsWith('.md')))
		quotes.push(
			...lessonQuotes(readFileSync(path, 'utf8'), where(path), pageKey(lessonsDir, path))
		);
	for (const path of filesUnder(lessonsDir, (name) => name === 'quiz.yaml')) {
		const quiz = quizQuotes(readFileSync(path, 'utf8'), where(path), pageKey(lessonsDir, path));
		quotes.push(...quiz.quotes);
		phrases.push(...quiz.phrases);
	}
	for (const name of Object.keys(referenceFiles)) {
		const path = join(lessonsDir, name);
		// A missing reference file is reported where a page imports it.
		if (existsSync(path)) quotes.push(...referenceQuotes(readFileSync(path, 'utf8'), where(path)));
	}
	return { quotes, phrases };
}
