import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citedPassages } from './passages.ts';
import { sources } from './sources.ts';

const [editorial, dawn] = sources.map((source) => source.file) as [string, string];

let root: string;
const write = (path: string, text: string) => {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), text);
};
const cite = (source: string, quote: string) => `<Cite source="${source}" quote="${quote}" />`;
const passagesOf = (source: string, articles = 'articles') =>
	citedPassages(join(root, 'lessons'), root, join(root, articles)).find((a) => a.source === source)!
		.passages;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'passages-spec-'));
	for (const { file } of sources) write(`articles/${file}`, `Nothing cited in ${file}.`);
	write(
		`articles/${editorial}`,
		'First sentence about a blast. The second sentence says the motive is unclear,\nand it goes on. “A quoted third.” Last one.'
	);
	write(`lessons/01-first/index.md`, `---\ntitle: M\n---\n\n${cite(editorial, 'Last one.')}\n`);
	write(
		`lessons/01-first/01-intro/index.md`,
		`---\ntitle: A\n---\n\n${cite(editorial, 'the motive is unclear')} ${cite(editorial, 'The second sentence says')}\n\n${cite(editorial, 'First sentence')}\n`
	);
	write(
		`lessons/01-first/02-more/quiz.yaml`,
		[
			'questions:',
			'  - id: motive',
			'    type: truefalse',
			'    prompt: Is the motive known?',
			'    answer: false',
			'    explanation: Because.',
			'    claimType: fact',
			`    citations: [{ source: ${editorial}, quote: 'motive is unclear, and it goes on' }]`,
			'  - id: third',
			'    type: truefalse',
			'    prompt: Is there a third?',
			'    answer: true',
			'    explanation: Because.',
			'    claimType: fact',
			`    citations: [{ source: ${editorial}, quote: 'A quoted third.' }, { source: ${dawn}, quote: 'Elsewhere' }]`
		].join('\n')
	);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('citedPassages', () => {
	it('groups quotes by the article sentence they fall in, in article order, with what cites them', () => {
		expect(passagesOf(editorial)).toEqual([
			{ sentence: 1, quote: 'First sentence', pages: ['first/intro'], questions: [] },
			{
				sentence: 2,
				// the longest quote stands for the passage; line breaks are layout
				quote: 'motive is unclear, and it goes on',
				pages: ['first/intro'],
				questions: [{ quiz: 'first/more', question: 'motive' }]
			},
			{
				sentence: 3,
				quote: 'A quoted third.',
				pages: [],
				questions: [{ quiz: 'first/more', question: 'third' }]
			},
			// a module's introduction is a page too, keyed by the module alone
			{ sentence: 4, quote: 'Last one.', pages: ['first'], questions: [] }
		]);
	});

	it('keeps each article to its own passages, and a quote it cannot find by itself', () => {
		expect(passagesOf(dawn)).toEqual([
			{
				sentence: null,
				quote: 'Elsewhere',
				pages: [],
				questions: [{ quiz: 'first/more', question: 'third' }]
			}
		]);
	});

	it('without the articles, groups by the quote itself', () => {
		const passages = passagesOf(editorial, 'no-such-folder');
		expect(passages.every((passage) => passage.sentence === null)).toBe(true);
		expect(passages.map((passage) => passage.quote).sort()).toEqual([
			'A quoted third.',
			'First sentence',
			'Last one.',
			'The second sentence says',
			'motive is unclear, and it goes on',
			'the motive is unclear'
		]);
	});
});
