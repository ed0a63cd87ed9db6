import { describe, expect, it } from 'vitest';
import { parseGift } from './parse.ts';

const one = (source: string) => {
	const parsed = parseGift(source);
	expect(parsed.errors).toEqual([]);
	expect(parsed.unsupported).toEqual([]);
	expect(parsed.questions).toHaveLength(1);
	return parsed.questions[0]!;
};
const errors = (source: string) => parseGift(source).errors;

describe('splitting a file into questions', () => {
	it('separates questions at blank lines and records where each starts', () => {
		const parsed = parseGift('\n// intro\nA {T}\n\n  \nB\n{F}\n');
		expect(parsed.questions.map((q) => [q.line, q.prompt])).toEqual([
			[3, 'A'],
			[6, 'B']
		]);
	});

	it('drops comment lines without ending the question', () => {
		expect(one('First line\n// not part of it\nsecond line {T}').prompt).toBe(
			'First line\nsecond line'
		);
	});

	it('keeps // that is not at the start of a line', () => {
		expect(one('See https://example.org {T}').prompt).toBe('See https://example.org');
	});

	it('notes $CATEGORY lines and goes on', () => {
		const parsed = parseGift('$CATEGORY: $course$/Week 1\n\nQ {T}');
		expect(parsed.warnings).toEqual([
			{
				line: 1,
				message: 'category "$course$/Week 1" ignored: our quizzes have no question categories'
			}
		]);
		expect(parsed.questions).toHaveLength(1);
	});

	it('handles CRLF line ends and a byte-order mark', () => {
		const parsed = parseGift('\uFEFFA {T}\r\n\r\nB {F}\r\n');
		expect(parsed.questions.map((q) => [q.line, q.prompt])).toEqual([
			[1, 'A'],
			[3, 'B']
		]);
	});
});

describe('one question', () => {
	it('reads the title, format marker, prompt and general feedback', () => {
		expect(one('::My \\: title::[markdown] Is **this** bold? {T####Because.}')).toMatchObject({
			title: 'My : title',
			prompt: 'Is **this** bold?',
			generalFeedback: 'Because.',
			kind: 'truefalse',
			answer: true
		});
	});

	it('turns a missing-word question into a prompt with ___, keeping the spacing', () => {
		expect(one('Grant is {=buried ~alive} in a tomb.').prompt).toBe('Grant is ___ in a tomb.');
		expect(one('The capital is {=Paris ~Rome}.').prompt).toBe('The capital is ___.');
		expect(one('On the {\n~2nd\n=4th\n}\nThursday').prompt).toBe('On the ___ Thursday');
		expect(one('On the {=4th ~2nd} Thursday').notes).toEqual([
			'missing-word question: the blank is shown as ___ in the prompt'
		]);
	});

	it('turns an HTML question into text and says so', () => {
		const q = one('[html]<p>A <i>b</i></p>{=<b>yes</b> ~no}');
		expect(q.prompt).toBe('A b');
		expect(q).toMatchObject({ kind: 'choice', answers: [{ text: 'yes' }, { text: 'no' }] });
		expect(q.notes).toEqual(['HTML formatting was turned into plain text']);
	});
});

describe('answer blocks', () => {
	it('reads true/false in any spelling with the wrong/right feedbacks', () => {
		for (const [block, answer] of [
			['T', true],
			['t', true],
			['TRUE', true],
			['True', true],
			['F', false],
			['false', false]
		] as const) {
			expect(one(`Q {${block}}`)).toMatchObject({ kind: 'truefalse', answer });
		}
		expect(one('Q {T#no#yes}')).toMatchObject({ wrongFeedback: 'no', rightFeedback: 'yes' });
		expect(one('Q {F#no}')).toMatchObject({ wrongFeedback: 'no' });
		expect(one('Q {F##yes}')).not.toHaveProperty('wrongFeedback');
	});

	it('reads choices with prefixes, weights and feedback, each with its line', () => {
		expect(one('Q {\n=a#good\n~%-50%b\n~%25.5%c # so-so \n}')).toMatchObject({
			kind: 'choice',
			answers: [
				{ prefix: '=', text: 'a', feedback: 'good', line: 2 },
				{ prefix: '~', weight: -50, text: 'b', line: 3 },
				{ prefix: '~', weight: 25.5, text: 'c', feedback: 'so-so', line: 4 }
			]
		});
	});

	it('reads only = answers as short answer', () => {
		expect(one('Q {=one =%50%uno#close}')).toMatchObject({
			kind: 'short',
			answers: [
				{ prefix: '=', text: 'one' },
				{ prefix: '=', weight: 50, text: 'uno', feedback: 'close' }
			]
		});
	});

	it('reads numeric answers in all three forms', () => {
		expect(one('Q {#42}')).toMatchObject({
			kind: 'numeric',
			answers: [{ value: 42, tolerance: 0 }]
		});
		expect(one('Q {#-1.5e2:0.5#near}')).toMatchObject({
			answers: [{ value: -150, tolerance: 0.5, feedback: 'near' }]
		});
		expect(one('Q {#-5..-1}')).toMatchObject({ answers: [{ min: -5, max: -1 }] });
		expect(one('Q {#\n=10:1#ok\n=%50%1..20\n~3#no\n}')).toMatchObject({
			answers: [
				{ value: 10, tolerance: 1, prefix: '=', feedback: 'ok', line: 2 },
				{ min: 1, max: 20, prefix: '=', weight: 50, line: 3 },
				{ value: 3, tolerance: 0, prefix: '~', feedback: 'no', line: 4 }
			]
		});
	});

	it('drops a catch-all numeric feedback with a note', () => {
		const q = one('Q {#=5 ~#anything else is wrong}');
		expect(q).toMatchObject({ answers: [{ value: 5 }] });
		expect(q.notes).toEqual([
			'a catch-all wrong-answer feedback (~#…) in a numeric question was dropped'
		]);
	});

	it('reads matching pairs, an empty left side being a distractor', () => {
		expect(one('Q {=a -> 1 =b->2 = -> 3 -> x}')).toMatchObject({
			kind: 'matching',
			pairs: [
				{ left: 'a', right: '1' },
				{ left: 'b', right: '2' },
				{ left: '', right: '3 -> x' }
			]
		});
	});
});

describe('unsupported questions', () => {
	it('reports essays, descriptions and cloze with their lines and imports the rest', () => {
		const parsed = parseGift(
			'::E::Essay {}\n\nJust text.\n\n::C::A {=b ~c} and {=d ~e}.\n\nOK {T}\n\n{1:SHORTANSWER:=x}'
		);
		expect(parsed.unsupported).toEqual([
			{
				line: 1,
				title: 'E',
				message: 'essay question ({}): our quizzes have no free-text answers'
			},
			{ line: 3, message: 'description (text with no answer block {…}): not supported' },
			{
				line: 5,
				title: 'C',
				message:
					'2 answer blocks in one question: embedded answers (cloze) are not supported (or a blank line is missing between two questions)'
			},
			{ line: 9, message: 'embedded answers (cloze) are not supported' }
		]);
		expect(parsed.questions.map((q) => q.prompt)).toEqual(['OK']);
		expect(parsed.errors).toEqual([]);
	});
});

describe('malformed questions', () => {
	it('reports an unclosed brace at the line it opens on', () => {
		expect(errors('A {T}\n\nB {\n=a\n~b\n\nC {T}')).toEqual([
			{
				line: 3,
				message:
					'the answer block opened with "{" is not closed with "}" before the blank line or end of file'
			}
		]);
	});

	it('reports nested and stray braces', () => {
		expect(errors('A {=a\n{=b}')[0]).toMatchObject({ line: 1 });
		expect(errors('A\n} {T}')[0]).toMatchObject({ line: 2 });
	});

	it('reports an unclosed title', () => {
		expect(errors('\n::Title {T}')).toEqual([
			{ line: 2, message: 'the title opened with "::" is not closed with "::"' }
		]);
	});

	it('reports unknown answer prefixes at their line', () => {
		expect(errors('Q {\nmaybe\n~no}')).toEqual([
			{
				line: 2,
				message:
					'unknown answer "maybe": answers start with = (right) or ~ (wrong), or the block is T/F, #number or empty'
			}
		]);
	});

	it('reports bad numbers, tolerances, ranges and weights', () => {
		expect(errors('Q {#abc}')[0]!.message).toMatch(/^bad numeric answer "abc": not a number/);
		expect(errors('Q {#1:x}')[0]!.message).toMatch(/the tolerance is not a number/);
		expect(errors('Q {#1..}')[0]!.message).toMatch(/not a range/);
		expect(errors('Q {#5..1}')[0]!.message).toMatch(/lower end is above the upper end/);
		expect(errors('Q {#}')[0]!.message).toMatch(/it is empty/);
		expect(errors('Q {\n=a\n~%x%b}')).toEqual([
			{ line: 3, message: 'bad weight "%x%": use a percentage from -100 to 100' }
		]);
		expect(errors('Q {=a ~%50b}')[0]!.message).toBe('the weight after "%" is not closed with "%"');
	});

	it('reports empty answers, bad matching and too many true/false feedbacks', () => {
		expect(errors('Q {= ~b}')[0]!.message).toBe('the answer after "=" is empty');
		expect(errors('Q {=a -> 1 ~b -> 2}')[0]!.message).toBe(
			'in a matching question every answer is "=left -> right"'
		);
		expect(errors('Q {=a -> 1#fb =b -> 2}')[0]!.message).toMatch(/take no %weight% or #feedback/);
		expect(errors('Q {=a -> 1 =b -> }')[0]!.message).toBe('the pair has nothing after "->"');
		expect(errors('Q {T#a#b#c}')).toHaveLength(1);
	});

	it('reports every malformed question, not just the first', () => {
		expect(errors('A {#x}\n\nB {T}\n\nC {#y}').map((e) => e.line)).toEqual([1, 5]);
	});
});
