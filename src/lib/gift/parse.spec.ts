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
		expect(one('::My \\: title::[plain] Is **this** bold? {T####Because.}')).toMatchObject({
			title: 'My : title',
			prompt: 'Is **this** bold?',
			generalFeedback: 'Because.',
			kind: 'truefalse',
			answer: true
		});
	});

	it('takes the last #### as the start of the general feedback, as Moodle does', () => {
		expect(one('Q {=a#x####y ~b####General.}')).toMatchObject({ generalFeedback: 'General.' });
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

	it('keeps the address of an HTML link and of embedded media, warning about media', () => {
		const link = one(
			'[html]<a href\\="http\\://example.org/bonjour.mp3">Listen\\:</a><br />Which language?{=French ~German}'
		);
		expect(link.prompt).toBe('Listen: (http://example.org/bonjour.mp3)\nWhich language?');
		const audio = one('[html]<audio src\\="a.mp3"></audio> Which language?{=French ~German}');
		expect(audio.prompt).toBe('(a.mp3) Which language?');
		expect(audio.notes).toContain(
			'the HTML embeds media (<audio>): only its address is kept in the text'
		);
	});

	it('shows a [markdown] prompt as its reader sees it, and says so', () => {
		const q = one("[markdown]Who's buried in **Grant's tomb**, see [the map](m.png)?{=no one}");
		expect(q.prompt).toBe("Who's buried in Grant's tomb, see the map (m.png)?");
		expect(q.notes).toContain('Markdown formatting was turned into plain text');
		expect(one('[markdown]Keep snake_case and 2 * 3 * 4 {T}').prompt).toBe(
			'Keep snake_case and 2 * 3 * 4'
		);
	});
});

describe('answer blocks', () => {
	it('reads true/false in capitals only, with the wrong/right feedbacks', () => {
		for (const [block, answer] of [
			['T', true],
			['TRUE', true],
			['F', false],
			['FALSE', false]
		] as const) {
			expect(one(`Q {${block}}`)).toMatchObject({ kind: 'truefalse', answer });
		}
		expect(one('Q {T#no#yes}')).toMatchObject({ wrongFeedback: 'no', rightFeedback: 'yes' });
		expect(one('Q {F#no}')).toMatchObject({ wrongFeedback: 'no' });
		expect(one('Q {F##yes}')).not.toHaveProperty('wrongFeedback');
	});

	it('reads lower-case {true} as Moodle does: a short answer, with a note', () => {
		for (const block of ['true', 't', 'False']) {
			const q = one(`Q {${block}}`);
			expect(q).toMatchObject({ kind: 'short', answers: [{ text: block, fraction: 1 }] });
			expect(q.notes[0]).toMatch(/is a short answer in Moodle/);
		}
	});

	it('reads choices with prefixes, weights and feedback, each with its line', () => {
		expect(one('Q {\n=a#good\n~%-50%b\n~%33.33333%c # so-so \n}')).toMatchObject({
			kind: 'choice',
			single: true,
			answers: [
				{ fraction: 1, text: 'a', feedback: 'good', line: 2 },
				{ fraction: -0.5, text: 'b', line: 3 },
				{ fraction: 1 / 3, text: 'c', feedback: 'so-so', line: 4 }
			]
		});
	});

	it('makes a block with = a single choice and one without a multiple choice (Moodle)', () => {
		expect(one('Q {~wrong ~%50%half =full}')).toMatchObject({ kind: 'choice', single: true });
		expect(one('Q {~%50%a ~%50%b ~c}')).toMatchObject({ kind: 'choice', single: false });
	});

	it('reads -> in a block with ~ as option text, as Moodle does', () => {
		expect(one('Q {=A -> B ~C}')).toMatchObject({
			kind: 'choice',
			answers: [{ text: 'A -> B', fraction: 1 }, { text: 'C' }]
		});
	});

	it('reads text before the first = or ~ as an answer, as Moodle does', () => {
		const q = one('Q {maybe ~no =yes}');
		expect(q).toMatchObject({ answers: [{ text: 'maybe', fraction: 0 }, { text: 'no' }, {}] });
		expect(q.notes[0]).toMatch(/read as a wrong option/);
		expect(one('Q {four =4}')).toMatchObject({ kind: 'short', answers: [{ text: 'four' }, {}] });
	});

	it('reads only = answers as short answer', () => {
		expect(one('Q {=one =%50%uno#close}')).toMatchObject({
			kind: 'short',
			answers: [
				{ fraction: 1, text: 'one' },
				{ fraction: 0.5, text: 'uno', feedback: 'close' }
			]
		});
	});

	it('reads numeric answers in every form', () => {
		expect(one('Q {#42}')).toMatchObject({
			kind: 'numeric',
			answers: [{ value: 42, tolerance: 0 }]
		});
		expect(one('Q {#-1.5e2:0.5#near}')).toMatchObject({
			answers: [{ value: -150, tolerance: 0.5, feedback: 'near' }]
		});
		expect(one('Q {#-5..-1}')).toMatchObject({ answers: [{ min: -5, max: -1 }] });
		expect(one('Q {#\n=10:1#ok\n=%50%1..20\n}')).toMatchObject({
			answers: [
				{ value: 10, tolerance: 1, fraction: 1, feedback: 'ok', line: 2 },
				{ min: 1, max: 20, fraction: 0.5, line: 3 }
			]
		});
	});

	it('keeps the ~# feedback for any other number, after one answer or a list', () => {
		expect(one('Q {#3:2~#Completely wrong}')).toMatchObject({
			answers: [{ value: 3, tolerance: 2, fraction: 1 }],
			wrongFeedback: 'Completely wrong'
		});
		expect(one('Q {#=5 ~#anything else is wrong}')).toMatchObject({
			answers: [{ value: 5 }],
			wrongFeedback: 'anything else is wrong'
		});
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

describe('essays', () => {
	it('reads an empty block as Moodle’s essay, keeping the general feedback', () => {
		expect(one('::E::Write about the source. {####Name the author.}')).toMatchObject({
			kind: 'essay',
			prompt: 'Write about the source.',
			generalFeedback: 'Name the author.'
		});
		expect(one('E {  \n }')).toMatchObject({ kind: 'essay' });
	});
});

describe('unsupported questions', () => {
	it('reports descriptions and cloze with their lines and imports the rest, essays included', () => {
		const parsed = parseGift(
			'::E::Essay {}\n\nJust text.\n\n::C::A {=b ~c} and {=d ~e}.\n\nOK {T}\n\n{1:SHORTANSWER:=x}'
		);
		expect(parsed.unsupported).toEqual([
			{ line: 3, message: 'description (text with no answer block {…}): not supported' },
			{
				line: 5,
				title: 'C',
				message: '2 answer blocks in one question: embedded answers (cloze) are not supported'
			},
			{ line: 9, message: 'embedded answers (cloze) are not supported' }
		]);
		expect(parsed.questions.map((q) => [q.prompt, q.kind])).toEqual([
			['Essay', 'essay'],
			['OK', 'truefalse']
		]);
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

	it('reports a missing blank line between two questions as an error, not a skip', () => {
		expect(errors('::A::One {T}\n::B::A description.')).toEqual([
			{
				line: 2,
				message:
					'a new question title after the question that starts on line 1: is a blank line missing between two questions?'
			}
		]);
		expect(errors('::A::One {T}\n::B::Two {F}')[0]!.line).toBe(2);
		expect(errors('One {T}\nTwo {F}')).toEqual([
			{
				line: 2,
				message:
					'a second answer block in the question that starts on line 1: is a blank line missing between two questions?'
			}
		]);
	});

	it('refuses a weight Moodle does not accept, naming the nearest it does', () => {
		const [error] = errors('Q {\n=a\n~%37%b}');
		expect(error!.line).toBe(3);
		expect(error!.message).toMatch(/^bad weight "%37%": Moodle accepts only its list of credits/);
		expect(error!.message).toMatch(/the nearest is %40%$/);
		expect(errors('Q {=a =%33.33%b}')[0]!.message).toMatch(/the nearest is %33.33333%$/);
		expect(errors('Q {=a ~%150%b}')[0]!.message).toMatch(/the nearest is %100%$/);
		expect(errors('Q {=a ~%1/11%b}')[0]!.message).toBe('bad weight "%1/11%": not a percentage');
	});

	it('reports bad numbers, tolerances, ranges and weights', () => {
		expect(errors('Q {#abc}')[0]!.message).toMatch(/^bad numeric answer "abc": not a number/);
		expect(errors('Q {#1:x}')[0]!.message).toMatch(/the tolerance is not a number/);
		expect(errors('Q {#1..}')[0]!.message).toMatch(/not a range/);
		expect(errors('Q {#5..1}')[0]!.message).toMatch(/lower end is above the upper end/);
		expect(errors('Q {#}')[0]!.message).toBe('a numeric question needs at least one answer');
		expect(errors('Q {#=}')[0]!.message).toMatch(/it is empty/);
		expect(errors('Q {\n=a\n~%x%b}')).toEqual([
			{ line: 3, message: 'bad weight "%x%": not a percentage' }
		]);
		expect(errors('Q {=a ~%50b}')[0]!.message).toBe('the weight after "%" is not closed with "%"');
	});

	it('reports empty answers, bad matching and too many true/false feedbacks', () => {
		expect(errors('Q {= ~b}')[0]!.message).toBe('the answer after "=" is empty');
		expect(errors('Q {=a -> 1 =b}')[0]!.message).toBe(
			'in a matching question every answer is "=left -> right"'
		);
		expect(errors('Q {~only}')[0]!.message).toBe(
			'a multiple-choice question needs at least two options'
		);
		expect(errors('Q {=a -> 1#fb =b -> 2}')[0]!.message).toMatch(/take no %weight% or #feedback/);
		expect(errors('Q {=a -> 1 =b -> }')[0]!.message).toBe('the pair has nothing after "->"');
		expect(errors('Q {T#a#b#c}')).toHaveLength(1);
	});

	it('reports every malformed question, not just the first', () => {
		expect(errors('A {#x}\n\nB {T}\n\nC {#y}').map((e) => e.line)).toEqual([1, 5]);
	});
});
