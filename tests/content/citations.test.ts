import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuotes } from '../../src/lib/content/check-quotes';
import { contentQuotes } from '../../src/lib/content/content-quotes';
import { projectRoot } from '../helpers/server';

// The course's own quotations, through the same collection and check the build runs; these
// tests hold the shipped lessons, quizzes and reference data to them.
const articlesDir = resolve(projectRoot, process.env.ARTICLES_DIR || '../shared/articles');
const lessonsDir = join(projectRoot, 'lessons');
const { quotes } = contentQuotes(lessonsDir, projectRoot);

describe('quotations in lessons, quizzes and reference data', () => {
	it('are found in every kind of file', () => {
		const where = (pattern: RegExp) => quotes.filter((quote) => pattern.test(quote.where));
		expect(where(/index\.md:\d+: <Cite>/).length).toBeGreaterThan(100);
		expect(where(/quiz\.yaml: question/).length).toBeGreaterThan(100);
		for (const file of ['timeline.yaml', 'actors.yaml', 'positions.yaml'])
			expect(where(new RegExp(`^lessons/${file}`)).length, file).toBeGreaterThan(0);
	});

	it('all show the quoted words, so every cited passage is checked', () => {
		const bare = quotes.filter((quote) => !quote.quote.trim() && !quote.where.endsWith('"source"'));
		expect(bare.map((quote) => quote.where)).toEqual([]);
	});

	it('quote only short passages (a sentence or less, at most 40 words)', () => {
		const long = quotes.filter((quote) => quote.quote.trim().split(/\s+/).length > 40);
		expect(long.map((quote) => quote.where)).toEqual([]);
	});

	it('name one of the five articles and quote it word for word', (context) => {
		if (!existsSync(articlesDir))
			context.skip(`articles directory not found at ${articlesDir} (set ARTICLES_DIR)`);
		const check = checkQuotes(lessonsDir, projectRoot, articlesDir);
		expect(check.notRun).toBeNull();
		expect(check.problems).toEqual([]);
	});
});
