// Moodle XML (what Moodle's question bank exports by default) read with Moodle's meaning and
// graded as Moodle grades: our own bank in Moodle's layout, then malformed files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/quiz-schema.ts';
import { importParsed } from '../../src/lib/gift/import.ts';
import { parseMoodleXml } from '../../src/lib/gift/moodle-xml.ts';
import { grade } from '../../src/lib/quiz/grading.ts';

const importXml = (source: string) => importParsed(parseMoodleXml(source));
const bank = importXml(readFileSync(join(import.meta.dirname, 'fixtures/moodle/bank.xml'), 'utf8'));
const get = (id: string): Question => {
	if (!bank.ok) throw new Error(JSON.stringify(bank.errors));
	return bank.quiz.questions.find((q) => q.id === id)!;
};
const score = (id: string, response: Parameters<typeof grade>[1]) => grade(get(id), response).score;

describe('a Moodle XML bank', () => {
	it('imports every question, the essay included, and notes the category', () => {
		if (!bank.ok) throw new Error(JSON.stringify(bank.errors));
		expect(bank.quiz.questions.map((q) => [q.id, q.type])).toEqual([
			['home-town', 'single'],
			['quoted-sources', 'multiple'],
			['sunday', 'truefalse'],
			['best-source', 'short'],
			['founding-year', 'numeric'],
			['provinces', 'matching'],
			['essay', 'essay']
		]);
		expect(bank.unsupported).toEqual([]);
		expect(bank.warnings[0]).toEqual({
			line: 5,
			message: 'category "$course$/top/Sources" ignored: our quizzes have no question categories'
		});
	});

	it('reads an essay’s grader information as guidance and its response template as the template', () => {
		expect(get('essay')).toMatchObject({
			type: 'essay',
			prompt: 'Describe the source.',
			explanation: 'A good answer names the author and the date.',
			guidance: 'Full marks for author and date; half for one of them.',
			template: 'Author:\nDate:',
			minWords: 20,
			maxWords: 300
		});
	});

	it('keeps a single choice’s part credits, HTML turned into text and the general feedback', () => {
		expect(get('home-town')).toMatchObject({
			prompt: 'The leader came from which place?',
			explanation: 'The article names Kalat.',
			options: [
				{ text: 'Karachi', feedback: 'An important city, but the wrong answer.' },
				{ text: 'Quetta', credit: 0.25 },
				{ text: 'Balochistan', credit: 0.5 },
				{ text: 'Kalat', feedback: 'Yes & well read.' }
			],
			answer: 'd'
		});
		const picks = ['d', 'c', 'b', 'a'].map((optionId) =>
			score('home-town', { type: 'single', optionId })
		);
		expect(picks).toEqual([1, 0.5, 0.25, 0]);
	});

	it('scores a multiple choice by the sum of its weights, not below 0', () => {
		const tick = (...optionIds: string[]) =>
			score('quoted-sources', { type: 'multiple', optionIds });
		expect(tick('b', 'c')).toBe(1);
		expect(tick('a', 'b', 'c')).toBe(1);
		expect(tick('b', 'c', 'd')).toBe(0);
	});

	it('reads true/false feedback per answer, a case-sensitive wildcard short answer and numeric *', () => {
		expect(get('sunday')).toMatchObject({
			answer: false,
			feedback: { true: 'It came out on a Friday.', false: 'Right: a Friday.' }
		});
		const typed = (text: string) => score('best-source', { type: 'short', text });
		expect([typed('Diary'), typed('diary'), typed('a letter home')]).toEqual([1, 0, 0.5]);
		const year = (value: number) =>
			grade(get('founding-year'), { type: 'numeric', text: String(value), value });
		expect(year(1997)).toEqual({ score: 0.5, feedback: ['Close.'] });
		expect(year(2010)).toEqual({ score: 0, feedback: ['Not that decade.'] });
	});

	it('merges identical matches and keeps an empty subquestion as a distractor', () => {
		expect(get('provinces')).toMatchObject({
			pairs: [{ match: 'Balochistan' }, { match: 'Balochistan' }, { match: 'Punjab' }],
			distractors: ['Sindh']
		});
		const matches = { p1: 'p1', p2: 'p1', p3: 'p3' };
		expect(score('provinces', { type: 'matching', matches })).toBe(1);
	});
});

describe('malformed Moodle XML', () => {
	it('reports XML that is not well-formed at its line', () => {
		const result = importXml('<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>');
		expect(result).toMatchObject({ ok: false, errors: [{ line: 4 }] });
		if (result.ok) return;
		expect(result.errors[0]!.message).toMatch(/^not well-formed XML/);
	});

	it('refuses a fraction Moodle does not accept, naming the nearest', () => {
		const result = importXml(
			[
				'<quiz>',
				'<question type="multichoice"><name><text>Q</text></name>',
				'<questiontext><text>Q?</text></questiontext>',
				'<answer fraction="100"><text>a</text></answer>',
				'<answer fraction="37"><text>b</text></answer>',
				'</question>',
				'</quiz>'
			].join('\n')
		);
		expect(result).toMatchObject({
			ok: false,
			errors: [
				{ line: 2, message: 'bad fraction "37": not one of Moodle\'s credits; the nearest is 40 %' }
			]
		});
	});

	it('refuses a file that is not Moodle XML', () => {
		expect(importXml('<html><body/></html>')).toMatchObject({
			ok: false,
			errors: [{ line: 1, message: 'not Moodle XML: there is no <quiz> element' }]
		});
	});
});
