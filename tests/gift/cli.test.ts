// `npm run gift -- …` end to end: scripts/gift.ts run by tsx in a temporary folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { quizFile } from '../../src/lib/content/quiz-schema.ts';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');
let dir: string;

function gift(args: string[], cwd = dir) {
	const result = spawnSync(
		join(root, 'node_modules/.bin/tsx'),
		[join(root, 'scripts/gift.ts'), ...args],
		{
			cwd,
			encoding: 'utf8'
		}
	);
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'gift-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('gift import', () => {
	it('writes quiz.yaml, reports skipped questions by line and says what to add', () => {
		const run = gift(['import', join(fixtures, 'every-construct.gift'), '--out', 'lesson']);
		expect(run.status).toBe(0);
		expect(run.stdout.trim()).toBe(
			'Wrote lesson/quiz.yaml: 25 questions imported, 2 skipped; add citations, claim types and' +
				' the explanations marked TODO before building (see the comment at the top of the file).'
		);
		const file = join(fixtures, 'every-construct.gift');
		expect(run.stderr).toContain(`${file}:4: warning: category "$course$/History/Week 1" ignored`);
		expect(run.stderr).toContain(`${file}:81: skipped: description`);
		expect(run.stderr).toContain(`${file}:83: skipped "Cloze": 2 answer blocks`);

		const yaml = readFileSync(join(dir, 'lesson/quiz.yaml'), 'utf8');
		expect(yaml.startsWith('# Imported from every-construct.gift')).toBe(true);
		// The build check rejects it for the gaps the author fills (citations, the to-do
		// explanations), and for nothing else.
		const check = quizFile.safeParse(parseYaml(yaml));
		expect(check.success).toBe(false);
		const messages = new Set(check.error!.issues.map((issue) => issue.message));
		expect([...messages].sort()).toEqual([
			'"TODO" is a placeholder: write what the learner will read',
			'cite at least one source'
		]);
	});

	it('writes to the current folder by default and will not overwrite without --force', () => {
		const source = join(fixtures, 'unsupported.gift');
		expect(gift(['import', source]).status).toBe(0);
		expect(existsSync(join(dir, 'quiz.yaml'))).toBe(true);

		writeFileSync(join(dir, 'quiz.yaml'), 'mine\n');
		const again = gift(['import', source]);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('quiz.yaml already exists; pass --force to replace it.');
		expect(readFileSync(join(dir, 'quiz.yaml'), 'utf8')).toBe('mine\n');

		expect(gift(['import', source, '--force']).status).toBe(0);
		expect(readFileSync(join(dir, 'quiz.yaml'), 'utf8')).toContain('id: before');
	});

	it('writes nothing for a malformed file and lists the errors by line', () => {
		const file = join(fixtures, 'malformed.gift');
		const run = gift(['import', file, '--out', 'lesson']);
		expect(run.status).toBe(1);
		const errors = run.stderr
			.split('\n')
			.filter((line) => line.includes(': error: '))
			.map((line) => Number(line.slice(file.length + 1).split(':')[0]));
		expect(errors).toEqual([5, 9, 11, 13, 17, 20, 22, 24, 26, 28, 30, 33]);
		expect(run.stderr).toContain(`${file}:11: error: bad numeric answer "twelve"`);
		expect(run.stderr).toContain('12 error(s) in');
		expect(run.stderr).toContain('nothing was written.');
		expect(run.stdout).toBe('');
		expect(existsSync(join(dir, 'lesson'))).toBe(false);
	});

	it('reads a UTF-16 file and refuses a Latin-1 one at the line that is not UTF-8', () => {
		const source = '::Café::Où est l’été ? {=Ici ~Là}\n';
		const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]);
		writeFileSync(join(dir, 'utf16.gift'), utf16);
		expect(gift(['import', 'utf16.gift', '--out', 'ok']).status).toBe(0);
		expect(readFileSync(join(dir, 'ok/quiz.yaml'), 'utf8')).toContain('prompt: Où est l’été ?');

		writeFileSync(join(dir, 'latin1.gift'), Buffer.from('Q {T}\n\nCaf\u00e9 ? {T}\n', 'latin1'));
		const run = gift(['import', 'latin1.gift', '--out', 'bad']);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('latin1.gift:3: error: line 3 is not UTF-8');
		expect(existsSync(join(dir, 'bad'))).toBe(false);
	});

	it('imports a Moodle XML bank', () => {
		const run = gift(['import', join(fixtures, 'moodle/bank.xml'), '--out', 'xml']);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('Wrote xml/quiz.yaml: 7 questions imported;');
		const quiz = parseYaml(readFileSync(join(dir, 'xml/quiz.yaml'), 'utf8'));
		expect(quiz.questions[0]).toMatchObject({ id: 'home-town', type: 'single', answer: 'd' });
	});

	it('with --skip-errors, writes the good questions of a malformed file and lists the bad', () => {
		const run = gift([
			'import',
			join(fixtures, 'malformed.gift'),
			'--out',
			'some',
			'--skip-errors'
		]);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('Wrote some/quiz.yaml: 1 question imported, 12 skipped');
		expect(run.stderr).toContain('malformed.gift:30: skipped: error: bad weight "%37%"');
	});

	it('explains a missing file and an --out that is not a folder', () => {
		const run = gift(['import', 'nope.gift']);
		expect(run.status).toBe(1);
		expect(run.stderr.trim()).toBe('No GIFT file at nope.gift.');

		const toFile = gift(['import', join(fixtures, 'unsupported.gift'), '--out', 'x/quiz.yaml']);
		expect(toFile.status).toBe(1);
		expect(toFile.stderr.trim()).toBe(
			'--out takes a folder; quiz.yaml is written inside it (got x/quiz.yaml).'
		);
		expect(existsSync(join(dir, 'x'))).toBe(false);
	});
});

describe('gift export', () => {
	beforeEach(() => {
		expect(gift(['import', join(fixtures, 'unsupported.gift'), '--out', 'lesson']).status).toBe(0);
	});

	it('prints GIFT for a lesson folder or a quiz.yaml', () => {
		const run = gift(['export', 'lesson']);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('::before::[plain]Imported.{TRUE####TODO\\: explain');
		expect(run.stdout).toContain('::between::[plain]Also imported.{\n=yes\n~no\n');
		expect(gift(['export', 'lesson/quiz.yaml']).stdout).toBe(run.stdout);
	});

	it('writes to --out, and the result imports back to the same questions', () => {
		const run = gift(['export', 'lesson', '--out', 'back.gift']);
		expect(run.status).toBe(0);
		expect(run.stderr).toContain('Wrote back.gift: 4 question(s) in GIFT.');
		expect(gift(['import', 'back.gift', '--out', 'again']).status).toBe(0);
		const questions = (file: string) => parseYaml(readFileSync(join(dir, file), 'utf8')).questions;
		expect(questions('again/quiz.yaml')).toEqual(questions('lesson/quiz.yaml'));
	});

	it('warns about questions Moodle will read differently', () => {
		mkdirSync(join(dir, 'ordering'));
		writeFileSync(
			join(dir, 'ordering/quiz.yaml'),
			[
				'questions:',
				'  - { id: steps, type: ordering, prompt: Order, explanation: E, claimType: fact,',
				'      citations: [], items: [{ id: a, text: A }, { id: b, text: B }] }',
				'  - { id: yes, type: truefalse, prompt: P, answer: true, explanation: E,',
				'      claimType: fact, citations: [] }'
			].join('\n')
		);
		const run = gift(['export', 'ordering']);
		expect(run.status).toBe(0);
		expect(run.stderr).toContain('warning: question "steps": written as matching by position');
		expect(run.stdout).toContain('::steps::[plain]Order{\n=1 -> A\n=2 -> B\n');
		expect(run.stdout).toContain('::yes::');
	});

	it('refuses an invalid quiz and explains missing files and bad commands', () => {
		writeFileSync(join(dir, 'bad.yaml'), 'questions: []\n');
		const bad = gift(['export', 'bad.yaml']);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('a quiz needs at least one question');

		const missing = gift(['export', 'nowhere']);
		expect(missing.status).toBe(1);
		expect(missing.stderr.trim()).toBe('No quiz file at nowhere.');

		const unknown = gift(['convert', 'x']);
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toContain('Unknown command "convert".');
		expect(unknown.stderr).toContain('Usage:');

		expect(gift([]).stderr).toContain('No command given.');
		expect(gift(['import', 'a.gift', '--nope']).status).toBe(2);
	});
});
