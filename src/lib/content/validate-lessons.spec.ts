import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateLessons } from './validate-lessons.ts';

let root: string;
const write = (path: string, text: string) => {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), text);
};
const validModule =
	'---\ntitle: A module\nsummary: What it covers.\ncontentNote: Mentions violence.\nobjectives: [One thing, Another thing]\n---\n';
const objectives = 'objectives: [Do one thing, Do another thing]';
const validLesson = `---\ntitle: A lesson\nsummary: What it teaches.\n${objectives}\n---\n\nBody.\n`;
const check = () => validateLessons(join(root, 'lessons'), root);

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'lessons-spec-'));
	write('lessons/01-first/index.md', validModule);
	write('lessons/01-first/01-intro/index.md', validLesson);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('validateLessons', () => {
	it('accepts a well-formed course', () => {
		expect(check()).toEqual([]);
	});

	it('names the file and the missing field', () => {
		write(
			'lessons/01-first/01-intro/index.md',
			`---\nsummary: No title here.\n${objectives}\n---\n`
		);
		expect(check()).toEqual(['lessons/01-first/01-intro/index.md: field "title" is missing']);
	});

	it('names a field of the wrong type or left empty', () => {
		write(
			'lessons/01-first/index.md',
			'---\ntitle: [a, list]\nsummary: "  "\ncontentNote: Note.\nobjectives: [One, Two]\n---\n'
		);
		const problems = check();
		expect(problems).toContain('lessons/01-first/index.md: field "title" must be a string');
		expect(problems).toContain('lessons/01-first/index.md: field "summary": must not be empty');
	});

	it('rejects unknown fields, so a misspelt one is not silently ignored', () => {
		write(
			'lessons/01-first/01-intro/index.md',
			`---\ntitle: A\nsummary: B\n${objectives}\ntitel: C\n---\n`
		);
		expect(check()).toEqual(['lessons/01-first/01-intro/index.md: unknown field "titel"']);
	});

	describe('lesson objectives', () => {
		const lesson = (list: string) =>
			write('lessons/01-first/01-intro/index.md', `---\ntitle: A\nsummary: B\n${list}---\n`);
		const file = 'lessons/01-first/01-intro/index.md';

		it('fails a lesson that states none', () => {
			lesson('');
			expect(check()).toEqual([`${file}: field "objectives" is missing`]);
		});

		it('asks for two to four, each a non-empty sentence', () => {
			lesson('objectives: [Only one]\n');
			expect(check()).toEqual([`${file}: field "objectives": list at least two objectives`]);
			lesson('objectives: [One, Two, Three, Four, Five]\n');
			expect(check()).toEqual([`${file}: field "objectives": list at most four objectives`]);
			lesson('objectives: [One, "  "]\n');
			expect(check()).toEqual([`${file}: field "objectives.1": must not be empty`]);
			lesson('objectives: [One, 2]\n');
			expect(check()).toEqual([`${file}: field "objectives.1" must be a string`]);
		});
	});

	it('reports a file with no front matter or broken YAML', () => {
		write('lessons/01-first/01-intro/index.md', 'Just text.\n');
		write('lessons/01-first/02-next/index.md', '---\ntitle: [unclosed\n---\n');
		const problems = check();
		expect(problems[0]).toBe(
			'lessons/01-first/01-intro/index.md: no front matter (a block between --- lines)'
		);
		expect(problems[1]).toMatch(
			/^lessons\/01-first\/02-next\/index\.md: front matter is not valid YAML/
		);
	});

	it('checks folder names, duplicate numbers and slugs, and empty modules', () => {
		write('lessons/01-first/1-bad/index.md', validLesson);
		write('lessons/01-first/02-intro/index.md', validLesson);
		write('lessons/02-empty/index.md', validModule);
		expect(check()).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^lessons\/01-first\/1-bad: folder names are two digits/),
				expect.stringMatching(/^lessons\/01-first\/(01|02)-intro: same slug as (01|02)-intro$/),
				'lessons/02-empty: module has no lessons'
			])
		);
	});

	it('reports a module without its index.md', () => {
		rmSync(join(root, 'lessons/01-first/index.md'));
		expect(check()).toEqual(['lessons/01-first/index.md: file is missing']);
	});

	describe('quiz files', () => {
		const quiz = (questions: string) =>
			write('lessons/01-first/01-intro/quiz.yaml', `feedback: immediate\nquestions:\n${questions}`);
		const single = (id: string, extra = '') => `
  - id: ${id}
    type: single
    prompt: Which?
    explanation: Because.
    claimType: fact
    citations: [{ source: 002_c3fa7a9a3fdd1b15.txt, quote: some words }]
    options: [{ id: a, text: A }, { id: b, text: B }]
    answer: a${extra}
`;
		const file = 'lessons/01-first/01-intro/quiz.yaml';

		it('accepts a well-formed quiz', () => {
			quiz(single('q1'));
			expect(check()).toEqual([]);
		});

		it('names the question whose key points at an unknown option', () => {
			quiz(single('q1').replace('answer: a', 'answer: z'));
			expect(check()).toEqual([
				`${file}: question "q1" (#1), field "answer": answer "z" is not one of the ids`
			]);
		});

		it('names a duplicate question id', () => {
			quiz(single('q1') + single('q1'));
			expect(check()).toEqual([
				`${file}: question "q1" (#2), field "id": duplicate question id "q1"`
			]);
		});

		it('names a citation without a quote', () => {
			quiz(single('q1').replace(', quote: some words', ''));
			expect(check()).toEqual([
				`${file}: question "q1" (#1), field "citations.0.quote": a citation needs a quote`
			]);
		});

		it('names a question with no correct answer', () => {
			quiz(`
  - id: q2
    type: short
    prompt: Which town?
    explanation: Because.
    claimType: fact
    citations: [{ source: 002_c3fa7a9a3fdd1b15.txt, quote: some words }]
    answers: [{ text: Quetta, credit: 0.5 }]
`);
			expect(check()).toEqual([
				`${file}: question "q2" (#1), field "answers": no answer gets full credit, so no answer is correct`
			]);
		});

		it.each([
			['explanation', 'explanation: TODO', 'explanation', 'TODO'],
			['an empty-looking explanation', 'explanation: "…"', 'explanation', '…'],
			[
				'option feedback',
				'options: [{ id: a, text: A, feedback: TBD }, { id: b, text: B }]',
				'options.0.feedback',
				'TBD'
			],
			['placeholder prose', 'explanation: Lorem ipsum dolor.', 'explanation', 'Lorem'],
			['a note left in', 'explanation: Because (FIXME check the date).', 'explanation', 'FIXME'],
			['xxx', 'explanation: The toll was XXX.', 'explanation', 'XXX']
		])('names a placeholder in %s', (_, line, field, stub) => {
			const key = line.split(':')[0]!;
			quiz(single('q4').replace(new RegExp(`^    ${key}:.*$`, 'm'), `    ${line}`));
			expect(check()).toEqual([
				`${file}: question "q4" (#1), field "${field}": "${stub}" is a placeholder: write what the learner will read`
			]);
		});

		it('names placeholder feedback in true/false and short-answer questions', () => {
			quiz(`
  - id: q5
    type: truefalse
    prompt: True?
    explanation: Because.
    claimType: fact
    citations: [{ source: 002_c3fa7a9a3fdd1b15.txt, quote: some words }]
    answer: true
    feedback: { true: Right., false: todo }
  - id: q6
    type: short
    prompt: Which town?
    explanation: Because.
    claimType: fact
    citations: [{ source: 002_c3fa7a9a3fdd1b15.txt, quote: some words }]
    answers: [{ text: Quetta, feedback: tbd }]
`);
			expect(check()).toEqual([
				`${file}: question "q5" (#1), field "feedback.false": "todo" is a placeholder: write what the learner will read`,
				`${file}: question "q6" (#2), field "answers.0.feedback": "tbd" is a placeholder: write what the learner will read`
			]);
		});

		it('accepts words that merely contain a placeholder', () => {
			quiz(
				single('q7').replace(
					'explanation: Because.',
					'explanation: Mastodons and todos aside, the text says so.'
				)
			);
			expect(check()).toEqual([]);
		});

		it('names a multiple-choice key with no correct option', () => {
			quiz(
				single('q3').replace('type: single', 'type: multiple').replace('answer: a', 'answers: []')
			);
			expect(check()).toEqual([
				`${file}: question "q3" (#1), field "answers": mark at least one option correct`
			]);
		});
	});
});
