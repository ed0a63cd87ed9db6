import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listLines, mappingLines } from './yaml-out.ts';

const tricky = [
	'plain words, with commas',
	'true',
	'No',
	'12',
	'-5',
	'.5',
	'0x1F',
	'- a list?',
	'key: value',
	'# not a comment',
	'text # not a comment',
	'null',
	'~',
	'two\nlines',
	'blank\n\nline',
	'  leading spaces',
	'trailing space ',
	'tab\there',
	'carriage\r\nreturn',
	"it's",
	'"quoted"',
	'[plain] {a} *b* &c !d %e @f `g` |h >i',
	'😀 é ß',
	''
];

describe('the YAML writer', () => {
	it('writes every string so YAML reads it back unchanged, as a value and as a key', () => {
		for (const text of tricky) {
			expect(parse(mappingLines({ value: text }, 0).join('\n'))).toEqual({ value: text });
			expect(parse(mappingLines({ [text]: 1 }, 0).join('\n'))).toEqual({ [text]: 1 });
			expect(parse(listLines([text], 0).join('\n'))).toEqual([text]);
		}
	});

	it('writes the block style an author edits, plain where it can', () => {
		const lines = mappingLines(
			{
				id: 'q1',
				prompt: 'Two\nlines',
				options: [{ id: 'a', text: 'Paris', credit: 0.5 }],
				answers: ['a'],
				citations: [],
				feedback: {},
				grading: undefined
			},
			0
		);
		expect(lines).toEqual([
			'id: q1',
			'prompt: |-',
			'  Two',
			'  lines',
			'options:',
			'  - id: a',
			'    text: Paris',
			'    credit: 0.5',
			'answers:',
			'  - a',
			'citations: []',
			'feedback: {}'
		]);
	});
});
