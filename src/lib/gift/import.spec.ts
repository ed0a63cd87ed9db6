import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkImportedQuiz } from './check.ts';
import { importGift } from './import.ts';

describe('importGift', () => {
	it('writes YAML that reads back as the same quiz, with the to-do list at the top', () => {
		const result = importGift('::One::Is it? {T}\n\n::Two::Pick {=a ~b####Because.}', {
			sourceName: 'x.gift'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const lines = result.yaml.split('\n');
		expect(lines[0]).toBe('# Imported from x.gift by `npm run gift -- import`.');
		expect(result.yaml).toContain('add citations');
		expect(result.yaml).toContain('check claimType');
		expect(result.yaml).toMatch(/is still "TODO: explain, citing the article.":\n#\s+one\n/);
		expect(result.yaml).toContain('# Questions: one, two\n');
		expect(result.yaml).toContain(
			'  # GIFT line 3\n  - id: two\n    type: single\n    prompt: Pick'
		);
		const reread = checkImportedQuiz(parseYaml(result.yaml));
		expect(reread).toEqual({ ok: true, quiz: result.quiz });
	});

	it('wraps long id lists in the header', () => {
		const source = Array.from({ length: 40 }, (_, i) => `::Question ${i + 1}::Q {T}`).join('\n\n');
		const result = importGift(source);
		if (!result.ok) throw new Error('import failed');
		const header = result.yaml.split('\n').filter((line) => line.startsWith('#'));
		expect(Math.max(...header.map((line) => line.length))).toBeLessThanOrEqual(100);
		expect(header.join('\n')).toContain('question-40');
	});

	it('lists skipped questions, ignored categories and per-question warnings in the YAML', () => {
		const result = importGift('$CATEGORY: c\n\nDescription.\n\nQ {true}');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.yaml).toContain('#   line 1: category "c" ignored');
		expect(result.yaml).toContain('#   line 3: skipped: description');
		expect(result.yaml).toMatch(/# GIFT line 5\n\s+# warning: "\{true\}" is a short answer/);
		expect(result.warnings.map((w) => w.line)).toEqual([1, 5]);
		expect(result.warnings[1]!.message).toMatch(/^question "q1": "\{true\}" is a short answer/);
	});

	it('fails on what our schema rejects, giving the line of the question', () => {
		const result = importGift('A {T}\n\n::M::Match {=a -> 1}');
		expect(result).toMatchObject({
			ok: false,
			errors: [{ line: 3, message: 'question "m" (#2), field "pairs": give at least two pairs' }]
		});
	});

	it('fails on a file with nothing to import', () => {
		expect(importGift('// only a comment\n')).toMatchObject({
			ok: false,
			errors: [{ line: 1, message: 'field "questions": a quiz needs at least one question' }]
		});
		expect(importGift('A description.')).toMatchObject({ ok: false, unsupported: [{ line: 1 }] });
	});

	it('reports app data it cannot read at its line, and never takes fields it does not know', () => {
		expect(importGift('// @question {oops\n::A::Q {T}')).toMatchObject({
			ok: false,
			errors: [{ line: 1, message: 'the app data in this comment is not valid JSON' }]
		});
		const result = importGift('// @question {"set":{"type":"ordering"}}\n::A::Q {T}');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[0]!.message).toMatch(/^the app data in this comment is not understood/);
		expect(importGift('// @quiz {"feedback":"later"}\n\n::A::Q {T}')).toMatchObject({
			ok: false,
			errors: [{ line: 1 }]
		});
	});

	it('with skipErrors, imports the good questions and lists the bad ones by line', () => {
		const source = 'A {T}\n\nB {~a ~b}\n\nC {#x}\n\n::M::Match {=a -> 1}\n\nD {F}';
		expect(importGift(source).ok).toBe(false);
		const result = importGift(source, { skipErrors: true });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.quiz.questions.map((q) => q.prompt)).toEqual(['A', 'D']);
		expect(result.unsupported.map((u) => [u.line, u.message.slice(0, 30)])).toEqual([
			[3, 'error: no answer is marked rig'],
			[5, 'error: bad numeric answer "x":'],
			[7, 'error: question "m" (#2), fiel']
		]);
		expect(result.yaml).toContain('#   line 5: skipped: error: bad numeric answer');
	});

	it('reports parse and mapping errors together, by line', () => {
		const result = importGift('A {~a ~b}\n\nB {#x}');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map((e) => e.line)).toEqual([1, 3]);
	});
});
