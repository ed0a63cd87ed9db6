import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { quizFile } from '../../src/lib/content/quiz-schema';
import { referenceQuotes } from '../../src/lib/content/reference-data';
import { actorsFile, positionsFile, timelineFile } from '../../src/lib/content/reference-schema';
import { sources } from '../../src/lib/content/sources';
import { projectRoot } from '../helpers/server';

const articlesDir = resolve(projectRoot, process.env.ARTICLES_DIR || '../shared/articles');
const lessonsDir = join(projectRoot, 'lessons');

interface Citation {
	file: string;
	source: string;
	quote?: string;
}

function lessonFiles(dir = lessonsDir, ending = '.md'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return lessonFiles(path, ending);
		return entry.name.endsWith(ending) ? [path] : [];
	});
}

function citations(): Citation[] {
	return [...lessonCitations(), ...quizCitations(), ...referenceCitations()];
}

/** Quotes in lessons/timeline.yaml, actors.yaml and positions.yaml. */
function referenceCitations(): Citation[] {
	const read = (name: string) => {
		const path = join(lessonsDir, name);
		return existsSync(path) ? parse(readFileSync(path, 'utf8')) : null;
	};
	const timeline = timelineFile.parse(read('timeline.yaml') ?? { events: [] });
	const actors = actorsFile.parse(read('actors.yaml') ?? { actors: [] });
	const positions = positionsFile.parse(read('positions.yaml') ?? { positions: [] });
	return referenceQuotes({ timeline, actors, positions }).map(({ where, source, quote }) => ({
		file: where,
		source,
		quote
	}));
}

/** Quiz citations, and evidence excerpts, which are quotations too. */
function quizCitations(): Citation[] {
	return lessonFiles(lessonsDir, 'quiz.yaml').flatMap((path) => {
		const file = path.slice(projectRoot.length + 1);
		const quiz = quizFile.parse(parse(readFileSync(path, 'utf8')));
		return quiz.questions.flatMap((question) => [
			...question.citations.map(({ source, quote }) => ({
				file: `${file} ${question.id}`,
				source,
				quote
			})),
			...(question.type === 'evidence'
				? question.sentences.map(({ text }) => ({
						file: `${file} ${question.id}`,
						source: question.source,
						quote: text
					}))
				: [])
		]);
	});
}

function lessonCitations(): Citation[] {
	return lessonFiles().flatMap((path) => {
		const file = path.slice(projectRoot.length + 1);
		return [...readFileSync(path, 'utf8').matchAll(/<Cite\b([^>]*?)\/>/g)].map((tag) => {
			const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag[1]!)?.[1];
			return { file, source: attribute('source') ?? '', quote: attribute('quote') };
		});
	});
}

// Line breaks and runs of spaces in the articles are layout, not wording.
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('citations in lessons, quizzes and reference data', () => {
	const all = citations();

	it('exist, and every one names a known article', () => {
		expect(all.length).toBeGreaterThan(0);
		const known = new Set(sources.map((source) => source.file));
		const unknown = all.filter((citation) => !known.has(citation.source));
		expect(unknown).toEqual([]);
	});

	it('show the quoted words, everywhere, so every cited fact is checked below', () => {
		const bare = all.filter((citation) => !citation.quote?.trim());
		expect(bare.map((citation) => `${citation.file}: ${citation.source}`)).toEqual([]);
	});

	it('quote only short passages (a sentence or less, at most 40 words)', () => {
		const long = all.filter((citation) => (citation.quote?.split(/\s+/).length ?? 0) > 40);
		expect(long).toEqual([]);
	});

	it('quote their article word for word', (context) => {
		if (!existsSync(articlesDir)) {
			context.skip(`articles directory not found at ${articlesDir} (set ARTICLES_DIR)`);
		}
		const texts = new Map(
			sources.map((source) => [
				source.file,
				normalise(readFileSync(join(articlesDir, source.file), 'utf8'))
			])
		);
		const quoted = all.filter((citation) => citation.quote);
		expect(quoted.length).toBeGreaterThan(0);
		const misquoted = quoted.filter(
			(citation) => !texts.get(citation.source)?.includes(normalise(citation.quote!))
		);
		expect(misquoted).toEqual([]);
	});
});
