// Export then import is the identity, on generated quizzes of every question type (essays too) whose texts
// are full of what GIFT treats as syntax.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { quizFile } from '../../src/lib/content/quiz-schema.ts';
import { checkImportedQuiz } from '../../src/lib/gift/check.ts';
import { exportGift } from '../../src/lib/gift/export.ts';
import { MOODLE_FRACTIONS } from '../../src/lib/gift/fractions.ts';
import { importGift } from '../../src/lib/gift/import.ts';

/** Pieces GIFT or YAML read as syntax, and a few letters (never spelling a placeholder like TODO). */
const piece = fc.constantFrom(
	'a',
	'é',
	'ß',
	'z9',
	'{',
	'}',
	'~',
	'=',
	'#',
	'####',
	':',
	'::',
	'\\',
	'\\n',
	'%50%',
	'%',
	'[plain]',
	'[html]',
	'[markdown]',
	'->',
	'-',
	'>',
	'<b>',
	'&amp;',
	'//',
	'$CATEGORY:',
	'*',
	'T',
	'TRUE',
	'😀',
	// and what YAML reads as something else than text
	'"',
	"'",
	'null',
	'12',
	'yes',
	'- '
);
/** Words of pieces separated by one space or a line break: no leading or trailing space. */
const text = fc
	.array(fc.array(piece, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
	.chain((words) =>
		fc
			.array(fc.constantFrom(' ', '\n'), {
				minLength: words.length - 1,
				maxLength: words.length - 1
			})
			.map((gaps) => words.map((w, i) => w.join('') + (gaps[i] ?? '')).join(''))
	);
/** Prose a learner reads: starts with a letter, so it is never a bare symbol. */
const prose = text.map((value) => `Why ${value}`);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,6}$/);
const ids = (count: number) => fc.uniqueArray(id, { minLength: count, maxLength: count });
const positive = MOODLE_FRACTIONS.filter((f) => f > 0 && f < 1);
/** Mostly credits Moodle accepts, sometimes one it does not (kept exactly by the app data). */
const credit = fc.oneof(fc.constantFrom(...positive, 0), fc.constantFrom(0.37, 1 / 11));
const withFeedback = <T extends object>(entry: T, feedback: string | undefined) =>
	feedback === undefined ? entry : { ...entry, feedback };

const common = {
	id,
	prompt: text,
	explanation: prose,
	claimType: fc.constantFrom('fact', 'attributed claim', 'opinion'),
	citations: fc.array(
		fc.record({
			source: fc.constantFrom('001_0123456789abcdef.txt', '042_fedcba9876543210.txt'),
			quote: text
		}),
		{ minLength: 1, maxLength: 2 }
	)
};

const options = (count: number) =>
	fc
		.tuple(
			ids(count),
			fc.array(fc.tuple(text, maybe(prose)), { minLength: count, maxLength: count })
		)
		.map(([keys, entries]) =>
			entries.map(([value, feedback], i) => withFeedback({ id: keys[i]!, text: value }, feedback))
		);

const single = fc.integer({ min: 2, max: 5 }).chain((count) =>
	fc
		.record({
			...common,
			options: options(count),
			answer: fc.nat(count - 1),
			credits: fc.array(maybe(fc.oneof(credit, fc.constant(1), fc.constant(-0.5))), {
				minLength: count,
				maxLength: count
			})
		})
		.map(({ options: list, answer, credits, ...rest }) => ({
			...rest,
			type: 'single',
			options: list.map((o, i) =>
				i === answer || credits[i] === undefined ? o : { ...o, credit: credits[i] }
			),
			answer: list[answer]!.id
		}))
);

/** Moodle-style weights whose positive part adds up to 1. */
const weights = fc.constantFrom(
	{ right: [1], wrong: [0, -1] },
	{ right: [0.5, 0.5], wrong: [0, 0] },
	{ right: [0.5, 0.5], wrong: [-0.5, -0.5] },
	{ right: [0.7, 0.3], wrong: [-1] },
	{ right: [1 / 3, 1 / 3, 1 / 3], wrong: [-1 / 3] }
);
const multiple = fc.oneof(
	fc.integer({ min: 2, max: 6 }).chain((count) =>
		fc
			.record({ ...common, options: options(count), right: fc.integer({ min: 1, max: count }) })
			.map(({ options: list, right, ...rest }) => ({
				...rest,
				type: 'multiple',
				options: list,
				answers: list.slice(0, right).map((o) => o.id)
			}))
	),
	weights.chain(({ right, wrong }) =>
		fc
			.record({ ...common, options: options(right.length + wrong.length) })
			.map(({ options: list, ...rest }) => {
				const all = [...right, ...wrong];
				return {
					...rest,
					type: 'multiple',
					options: list.map((o, i) => ({ ...o, credit: all[i]! })),
					answers: list.slice(0, right.length).map((o) => o.id)
				};
			})
	)
);

const trueFalse = fc.record({
	...common,
	type: fc.constant('truefalse'),
	answer: fc.boolean(),
	feedback: maybe(fc.record({ true: prose, false: prose }, { requiredKeys: [] }))
});

const short = fc.record({
	...common,
	type: fc.constant('short'),
	answers: fc
		.array(
			fc.tuple(
				text.filter((t) => !t.includes('->')),
				credit,
				maybe(prose)
			),
			{
				minLength: 0,
				maxLength: 3
			}
		)
		.chain((others) =>
			fc
				.tuple(
					text.filter((t) => !t.includes('->')),
					maybe(prose)
				)
				.map(([first, feedback]) => [
					withFeedback({ text: first, credit: 1 }, feedback),
					...others.map(([value, c, f]) => withFeedback({ text: value, credit: c }, f))
				])
		),
	match: maybe(fc.constantFrom('first', 'best')),
	caseSensitive: maybe(fc.boolean())
});

const number = fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100);
const numericAnswer = fc.oneof(
	fc.record({ value: number, tolerance: fc.nat(500).map((n) => n / 100) }),
	fc.tuple(number, number).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }))
);
const numeric = fc.record({
	...common,
	type: fc.constant('numeric'),
	answers: fc
		.tuple(numericAnswer, fc.array(fc.tuple(numericAnswer, credit, maybe(prose)), { maxLength: 2 }))
		.map(([first, others]) => [
			{ ...first, credit: 1 },
			...others.map(([range, c, f]) => withFeedback({ ...range, credit: c }, f))
		]),
	match: maybe(fc.constantFrom('first', 'best')),
	wrongFeedback: maybe(prose)
});

const matching = fc.integer({ min: 2, max: 4 }).chain((count) =>
	fc.record({
		...common,
		type: fc.constant('matching'),
		pairs: fc
			.tuple(ids(count), fc.array(fc.tuple(text, text), { minLength: count, maxLength: count }))
			.map(([keys, entries]) =>
				entries.map(([prompt, match], i) => ({ id: keys[i]!, prompt, match }))
			),
		distractors: fc.array(text, { maxLength: 2 })
	})
);

const ordering = fc.integer({ min: 2, max: 5 }).chain((count) =>
	fc.record({
		...common,
		type: fc.constant('ordering'),
		items: fc
			.tuple(ids(count), fc.array(text, { minLength: count, maxLength: count }))
			.map(([keys, texts]) => texts.map((value, i) => ({ id: keys[i]!, text: value })))
	})
);

const evidence = fc.integer({ min: 2, max: 4 }).chain((count) =>
	fc
		.record({
			...common,
			claim: text,
			source: fc.constant('007_00000000000000ab.txt'),
			sentences: options(count),
			answer: fc.nat(count - 1)
		})
		.map(({ sentences, answer, ...rest }) => ({
			...rest,
			type: 'evidence',
			sentences,
			answer: sentences[answer]!.id
		}))
);

/** Guidance for graders, a template and word limits, each there or not. */
const essay = fc
	.record({
		...common,
		guidance: maybe(text),
		template: maybe(text),
		limits: fc.tuple(maybe(fc.integer({ min: 1, max: 50 })), maybe(fc.integer({ min: 1, max: 50 })))
	})
	.map(({ limits: [a, b], ...rest }) => ({
		...rest,
		type: 'essay',
		minWords: a !== undefined && b !== undefined ? Math.min(a, b) : a,
		maxWords: a !== undefined && b !== undefined ? Math.max(a, b) : b
	}));

const quiz = fc
	.record({
		title: text,
		maxAttempts: maybe(fc.integer({ min: 1, max: 5 })),
		grading: fc.constantFrom('highest', 'last', 'average'),
		shuffleOptions: fc.boolean(),
		feedback: fc.constantFrom('immediate', 'deferred'),
		questions: fc.array(
			fc.oneof(single, multiple, trueFalse, short, numeric, matching, ordering, evidence, essay),
			{ minLength: 1, maxLength: 5 }
		)
	})
	.map(({ maxAttempts, questions, ...rest }) =>
		quizFile.parse({
			...rest,
			...(maxAttempts === undefined ? {} : { maxAttempts }),
			// Question ids must differ; the generated ones get their position added.
			questions: questions.map((q, index) => ({ ...q, id: `${q.id}-${index}` }))
		})
	);

describe('export then import', () => {
	it('gives back the same quiz and quiz.yaml, whatever the texts hold', () => {
		fc.assert(
			fc.property(quiz, (authored) => {
				const back = importGift(exportGift(authored).gift);
				if (!back.ok) throw new Error(JSON.stringify(back.errors));
				expect(back.quiz).toEqual(authored);
				// The quiz.yaml the import writes reads back as the same quiz too.
				expect(checkImportedQuiz(parseYaml(back.yaml))).toEqual({ ok: true, quiz: authored });
			}),
			{ numRuns: 300 }
		);
	});
});
