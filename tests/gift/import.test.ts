// Imports the fixtures through the library: every construct, malformed input, unsupported types.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGift } from '../../src/lib/gift/import.ts';
import { EXPLANATION_TODO } from '../../src/lib/gift/to-quiz.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

/** A question as the schema gives it back: the fields GIFT cannot hold are placeholders. */
const q = (id: string, prompt: string, body: object, explanation = EXPLANATION_TODO) => ({
	id,
	prompt,
	...body,
	explanation,
	claimType: 'fact',
	citations: []
});
const tf = (answer: boolean, feedback?: object) => ({
	type: 'truefalse',
	answer,
	...(feedback ? { feedback } : {})
});
const options = (...texts: (string | [string, string?, number?])[]) =>
	texts.map((entry, index) => {
		const [text, feedback, credit] = typeof entry === 'string' ? [entry] : entry;
		return {
			id: 'abcdefg'[index]!,
			text,
			...(feedback ? { feedback } : {}),
			...(credit !== undefined ? { credit } : {})
		};
	});

describe('every-construct.gift', () => {
	const result = importGift(fixture('every-construct.gift'));

	it('imports every supported question exactly', () => {
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.quiz.questions).toEqual([
			q(
				'capital-city',
				'What is the capital of France?',
				{
					type: 'single',
					options: options(
						['Paris', 'Right: since the Middle Ages.'],
						['Lyon', 'No, Lyon is the third-largest city.'],
						'Marseille'
					),
					answer: 'a'
				},
				'Paris has been the capital for most of French history.'
			),
			q('primes', 'Which of these are prime?', {
				type: 'multiple',
				options: options(['2', 'Even, but prime.'], '3', '4', '9'),
				answers: ['a', 'b']
			}),
			q('weighted', 'Which sources are primary?', {
				type: 'multiple',
				options: options(
					['A diary', undefined, 0.7],
					['A letter', undefined, 0.3],
					['A textbook', undefined, -1]
				),
				answers: ['a', 'b']
			}),
			q('two-right', 'Which are planets?', {
				type: 'single',
				options: options('Mars', ['Venus', undefined, 1], 'The Moon'),
				answer: 'a'
			}),
			q('q5', 'The Earth orbits the Sun.', tf(true)),
			q('flat-earth', 'The Earth is flat.', tf(false)),
			q(
				'moon',
				'The Moon orbits the Earth.',
				tf(true, { true: 'Yes, once a month.', false: 'Look again at the diagram.' })
			),
			// Lower-case {false} is a short answer in Moodle, whose answer is the word "false".
			q('sun', 'the sun is a planet.', {
				type: 'short',
				answers: [{ text: 'false', credit: 1, feedback: 'It is a star.' }]
			}),
			q('paris', 'Paris is in Italy.', tf(false), 'Paris is in France.'),
			q('short', 'Two plus two, in words?', {
				type: 'short',
				answers: [
					{ text: 'four', credit: 1 },
					{ text: 'Four', credit: 1 },
					{ text: 'for', credit: 0.5, feedback: 'Almost: check the spelling.' }
				],
				match: 'first'
			}),
			q('exact', 'How many legs has a spider?', {
				type: 'numeric',
				answers: [{ value: 8, tolerance: 0, credit: 1 }]
			}),
			q('pi', 'What is pi to two decimals?', {
				type: 'numeric',
				answers: [{ value: 3.14, tolerance: 0.005, credit: 1 }]
			}),
			q('range', 'Pick a number from 1 to 5.', {
				type: 'numeric',
				answers: [{ min: 1, max: 5, credit: 1 }]
			}),
			q('weighted-number', 'When was the Eiffel Tower finished?', {
				type: 'numeric',
				answers: [
					{ value: 1889, tolerance: 0, credit: 1, feedback: 'Exactly.' },
					{ value: 1889, tolerance: 2, credit: 0.5, feedback: 'Close.' }
				],
				match: 'first'
			}),
			q('match', 'Match each country with its capital.', {
				type: 'matching',
				pairs: [
					{ id: 'p1', prompt: 'Canada', match: 'Ottawa' },
					{ id: 'p2', prompt: 'Italy', match: 'Rome' },
					{ id: 'p3', prompt: 'Japan', match: 'Tokyo' }
				],
				distractors: ['Sydney']
			}),
			q('missing-word', 'The Thanksgiving holiday is on the ___ Thursday of November.', {
				type: 'single',
				options: options('second', 'third', 'fourth'),
				answer: 'c'
			}),
			q('html', 'Is water wet & cold?', tf(true)),
			q('markdown', 'Is this bold?', tf(true)),
			q('plain', 'Plain text here.', tf(false)),
			q(
				'escapes',
				'Braces { and }, tilde ~, equals =, hash #, colon: and backslash \\ stay.\nNew line.',
				{
					type: 'single',
					options: options(['a = b', 'feedback with # hash'], 'c ~ d'),
					answer: 'a'
				}
			),
			q('multi-line', 'This question\nspans three\nlines.', tf(true)),
			q('capital-city-2', 'Is Paris the capital?', tf(true)),
			q('epreuve-n-1-l-ete', 'Accents and punctuation are slugified.', tf(true)),
			q('essay', 'Write about Paris.', { type: 'essay' }),
			q('last', 'The rest still imports after unsupported questions.', tf(true))
		]);
	});

	it('reports the unsupported questions with their lines', () => {
		expect(result.unsupported).toEqual([
			{ line: 81, message: 'description (text with no answer block {…}): not supported' },
			{
				line: 83,
				title: 'Cloze',
				message: '2 answer blocks in one question: embedded answers (cloze) are not supported'
			}
		]);
	});

	it('warns about the category, lower-case true/false, the missing word, HTML and Markdown', () => {
		expect(result.warnings.map((w) => [w.line, w.message.slice(0, 48)])).toEqual([
			[4, 'category "$course$/History/Week 1" ignored: our '],
			[29, 'question "sun": "{false}" is a short answer in M'],
			[53, 'question "missing-word": missing-word question: '],
			[59, 'question "html": HTML formatting was turned into'],
			[61, 'question "markdown": Markdown formatting was tur']
		]);
	});
});

describe('malformed.gift', () => {
	it('gives every error with its line and no quiz', () => {
		const result = importGift(fixture('malformed.gift'));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual([
			{
				line: 5,
				message:
					'the answer block opened with "{" is not closed with "}" before the blank line or end of file'
			},
			{
				line: 9,
				message: 'no answer is marked right: mark one with "=" or give it a positive %weight%'
			},
			{
				line: 11,
				message: 'bad numeric answer "twelve": not a number (write x, x:tolerance or min..max)'
			},
			{
				line: 13,
				message:
					'bad numeric answer "12:-1": the tolerance is not a number ≥ 0 (write x, x:tolerance or min..max)'
			},
			{ line: 17, message: expect.stringMatching(/^bad weight "%150%": .* nearest is %100%$/) },
			{ line: 20, message: 'the title opened with "::" is not closed with "::"' },
			{ line: 22, message: '"}" without a "{" before it (write \\} for a literal brace)' },
			{
				line: 24,
				message: 'no answer is marked right: mark one with "=" or give it a positive %weight%'
			},
			{
				line: 26,
				message: 'a true/false answer takes at most two feedbacks: {T#if wrong#if right}'
			},
			{ line: 28, message: 'in a matching question every answer is "=left -> right"' },
			{
				line: 30,
				message: expect.stringMatching(
					/^bad weight "%37%": Moodle accepts only its list of credits \(100, 90, .*; the nearest is %40%$/
				)
			},
			{
				line: 33,
				message:
					'a second answer block in the question that starts on line 32: is a blank line missing between two questions?'
			}
		]);
		expect(result).not.toHaveProperty('yaml');
	});
});

describe('unsupported question types', () => {
	it('are reported with their lines while the rest is imported', () => {
		const result = importGift(fixture('unsupported.gift'));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.unsupported.map((u) => [u.line, u.title, u.message.split(':')[0]])).toEqual([
			[5, undefined, 'description (text with no answer block {…})'],
			[9, 'Cloze', '2 answer blocks in one question'],
			[11, 'Moodle cloze', 'embedded answers (cloze) are not supported']
		]);
		expect(result.quiz.questions.map((question) => [question.id, question.type])).toEqual([
			['before', 'truefalse'],
			['essay', 'essay'],
			['between', 'single'],
			['after', 'short']
		]);
	});
});
