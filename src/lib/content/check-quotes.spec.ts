import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkQuotes } from './check-quotes.ts';
import { sources } from './sources.ts';

const [editorial, dawn, column] = sources.map((source) => source.file) as [string, string, string];
const lessonFile = 'lessons/01-first/01-intro/index.md';
const quizPath = 'lessons/01-first/01-intro/quiz.yaml';

let root: string;
const write = (path: string, text: string) => {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), text);
};
const check = (articles = 'articles') =>
	checkQuotes(join(root, 'lessons'), root, join(root, articles));

const lesson = (body: string) => write(lessonFile, `---\ntitle: A\n---\n\n${body}\n`);
const cite = (source: string, quote: string) => `<Cite source="${source}" quote="${quote}" />`;
const quiz = (question: string) =>
	write(
		quizPath,
		`questions:\n  - id: q1\n    explanation: Because.\n    claimType: fact\n${question}`
	);
const single = (prompt: string, source = editorial, quote = 'have paid dearly') => `
    type: single
    prompt: ${JSON.stringify(prompt)}
    options: [{ id: a, text: A }, { id: b, text: B }]
    answer: a
    citations: [{ source: ${source}, quote: ${quote} }]
`;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'quotes-spec-'));
	// Stand-ins for the five articles, under their real names.
	for (const { file } of sources) write(`articles/${file}`, `Nothing to quote in ${file}.`);
	write(
		`articles/${editorial}`,
		'The war is finally come home, and the 25 who died yesterday have paid dearly\nfor a lack of proper operations. While the narrative will soon turn towards blaming the “foreign hand”, the group’s motive is unclear.'
	);
	write(
		`articles/${dawn}`,
		'Pakistan must immediately review its national security policy to correct the lapses.'
	);
	write(`articles/${column}`, 'There is strong evidence of a nexus between them.');
	lesson(cite(editorial, 'have paid dearly'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('checkQuotes', () => {
	it('accepts quotes found word for word, whatever the line breaks in the article', () => {
		lesson(cite(editorial, 'have paid dearly for a lack of proper operations'));
		expect(check()).toEqual({ problems: [], notRun: null });
	});

	describe('citations', () => {
		it('names the line of a lesson <Cite> to a file that is not one of the articles', () => {
			lesson(`Line one.\n\nThe editorial. ${cite('005_0000000000000000.txt', 'anything')}`);
			expect(check().problems).toEqual([
				`${lessonFile}:7: <Cite>: source "005_0000000000000000.txt" is not one of the five articles`
			]);
		});

		it('names the question whose citation names a file that is not one of the articles', () => {
			quiz(single('Which?', '005_0000000000000000.txt', 'have paid dearly'));
			expect(check().problems).toEqual([
				`${quizPath}: question "q1" (#1), field "citations.0": source "005_0000000000000000.txt" is not one of the five articles`
			]);
		});

		it('names a lesson quote that is not word for word in its article', () => {
			lesson(cite(editorial, 'paid dearly for a lack of counterinsurgency'));
			expect(check().problems).toEqual([
				`${lessonFile}:5: <Cite>: quote "paid dearly for a lack of counterinsurgency" is not word for word in ${editorial}`
			]);
		});

		it('names a quiz citation quoted from the wrong article', () => {
			quiz(single('Which?', dawn, 'have paid dearly'));
			expect(check().problems).toEqual([
				`${quizPath}: question "q1" (#1), field "citations.0": quote "have paid dearly" is not word for word in ${dawn}`
			]);
		});

		it('holds a citation to its quotation marks and apostrophes, as the quote test does', () => {
			lesson(cite(editorial, "the group's motive"));
			expect(check().problems).toHaveLength(1);
		});

		it('names an evidence sentence that is not in its article', () => {
			quiz(`
    type: evidence
    prompt: Which sentence supports the claim?
    claim: The dead paid for a lack of operations.
    source: ${editorial}
    sentences: [{ id: a, text: The 25 who died have paid dearly. }, { id: b, text: "The war is finally come home," }]
    answer: a
    citations: [{ source: ${editorial}, quote: have paid dearly }]
`);
			expect(check().problems).toEqual([
				`${quizPath}: question "q1" (#1), field "sentences.0": quote "The 25 who died have paid dearly." is not word for word in ${editorial}`
			]);
		});

		it('names the entry of a reference file that misquotes or names no article', () => {
			write(
				'lessons/positions.yaml',
				`positions:\n  - id: counterinsurgency\n    source: ${editorial}\n    quote: paid dearly\n    counter: { source: ${dawn}, quote: must review its policy }\n  - id: other\n    source: 009_0000000000000000.txt\n    quote: x\n`
			);
			expect(check().problems).toEqual([
				`lessons/positions.yaml: entry "other", field "quote": source "009_0000000000000000.txt" is not one of the five articles`,
				`lessons/positions.yaml: entry "counterinsurgency", field "counter.quote": quote "must review its policy" is not word for word in ${dawn}`
			]);
		});
	});

	describe('quoted words in prompts and options', () => {
		const problem = (field: string, phrase: string, rest = editorial) =>
			`${quizPath}: question "q1" (#1), field "${field}": "${phrase}" is in quotation marks but not word for word in ${rest}`;

		it('names a prompt that puts inexact words in quotation marks', () => {
			quiz(single("What did the dead 'pay dearly' for?"));
			expect(check().problems).toEqual([problem('prompt', 'pay dearly')]);
		});

		it('names a quotation closed where the article’s sentence goes on', () => {
			quiz(
				single(
					"'Pakistan must immediately review its national security policy.' What is it?",
					dawn,
					'Pakistan must immediately review its national security policy'
				)
			);
			expect(check().problems).toEqual([
				problem('prompt', 'Pakistan must immediately review its national security policy.', dawn)
			]);
		});

		it('checks options, matching pairs and ordering items too', () => {
			quiz(`
    type: matching
    prompt: Match them.
    pairs:
      - { id: a, prompt: "'a nexus of evidence'", match: The column }
      - { id: b, prompt: "'have paid dearly'", match: "“the editorial’s verdict”" }
    citations: [{ source: ${editorial}, quote: have paid dearly }]
`);
			expect(check().problems).toEqual([
				problem('pairs.0.prompt', 'a nexus of evidence'),
				problem('pairs.1.match', 'the editorial’s verdict')
			]);
			quiz(
				single('Which?').replace('{ id: b, text: B }', `{ id: b, text: "The 'war has come home'" }`)
			);
			expect(check().problems).toEqual([problem('options.1.text', 'war has come home')]);
		});

		it('accepts a quotation from an article the question names by number, and says where one is', () => {
			quiz(single("Does the 2016 column say there is 'strong evidence of a nexus'?"));
			expect(check().problems).toEqual([
				`${problem('prompt', 'strong evidence of a nexus')}; it is in ${column}, which the question neither cites nor names (as (002))`
			]);
			quiz(single("Does the 2016 column (002) say there is 'strong evidence of a nexus'?"));
			expect(check().problems).toEqual([]);
		});

		it('allows straight or curly marks, a capital on the first word, and apostrophes in words', () => {
			quiz(
				single(
					`The editorial's "Have paid dearly", 'the war is finally come home', 'the “foreign hand”' and the group's 'the group's motive'?`
				)
			);
			expect(check().problems).toEqual([]);
		});
	});

	describe('without the articles', () => {
		it('says which checks it could not run and how to point it at the articles', () => {
			lesson(cite(editorial, 'words not in any article'));
			const { problems, notRun } = check('no-such-folder');
			expect(problems).toEqual([]);
			expect(notRun).toContain(`No articles at ${join(root, 'no-such-folder')}`);
			expect(notRun).toMatch(/quotes in <Cite> tags.*quoted words in prompts and options/);
			expect(notRun).toContain('set ARTICLES_DIR');
		});

		it('still names a citation to a file that is not one of the articles', () => {
			lesson(cite('notes.txt', 'anything'));
			expect(check('no-such-folder').problems).toEqual([
				`${lessonFile}:5: <Cite>: source "notes.txt" is not one of the five articles`
			]);
		});

		it('fails when the folder is there but an article is missing', () => {
			rmSync(join(root, 'articles', dawn));
			expect(check()).toEqual({
				problems: [
					`${join(root, 'articles', dawn)}: article missing (ARTICLES_DIR must hold all five articles)`
				],
				notRun: null
			});
		});
	});
});
