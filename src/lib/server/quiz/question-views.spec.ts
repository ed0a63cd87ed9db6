import { afterEach, describe, expect, it, vi } from 'vitest';
import { question, type Question } from '$lib/content/quiz-schema';
import type { Response } from '$lib/quiz/types';
import type { AttemptQuestion } from './attempts';
import { layoutFor, publicResponse, type Layout } from '$lib/quiz/layout';
import { grade } from '$lib/quiz/grading';
import { attemptQuestionStates, publicQuestion, questionSteps } from './question-views';
import { readResponse } from '$lib/quiz/responses';

// Every secret below is a distinct phrase, so finding it in a JSON dump means it leaked.
const EXPLANATION = 'SECRET-EXPLANATION';
const QUOTE = 'SECRET-QUOTE';
const common = (id: string) => ({
	id,
	prompt: `Prompt of ${id}?`,
	explanation: `${EXPLANATION} for ${id}`,
	claimType: 'attributed claim',
	citations: [{ source: '000_472f3205b87b21e1.txt', quote: `${QUOTE} for ${id}` }]
});
const make = <T extends Question['type']>(type: T, fields: Record<string, unknown>, id = type) =>
	question.parse({ ...common(id), type, ...fields }) as Extract<Question, { type: T }>;

const single = () =>
	make('single', {
		options: [
			{ id: 'a', text: 'Quetta', feedback: 'SECRET-FEEDBACK-A' },
			{ id: 'b', text: 'Mastung', feedback: 'SECRET-FEEDBACK-B' },
			{ id: 'c', text: 'Khuzdar' },
			{ id: 'd', text: 'Gwadar' }
		],
		answer: 'b'
	});
const multiple = () =>
	make('multiple', {
		options: [
			{ id: 'a', text: 'A', feedback: 'SECRET-FEEDBACK-MA' },
			{ id: 'b', text: 'B' },
			{ id: 'c', text: 'C', feedback: 'SECRET-FEEDBACK-MC' }
		],
		answers: ['a', 'b']
	});
const trueFalse = () =>
	make('truefalse', {
		answer: true,
		feedback: { true: 'SECRET-FEEDBACK-TRUE', false: 'SECRET-FEEDBACK-FALSE' }
	});
const short = () =>
	make('short', {
		answers: [
			'SECRETWORD',
			'OTHERSECRET',
			{ text: 'HALFSECRET', credit: 0.5, feedback: 'SECRET-FEEDBACK-SHORT' }
		]
	});
const numeric = () =>
	make('numeric', {
		answers: [
			{ value: 1947, tolerance: 2, feedback: 'SECRET-FEEDBACK-NUMERIC' },
			{ min: 1900, max: 1999, credit: 0.5 }
		]
	});
const matching = () =>
	make('matching', {
		pairs: [
			{ id: 'p1', prompt: 'Mastung', match: 'Balochistan' },
			{ id: 'p2', prompt: 'Peshawar', match: 'Khyber Pakhtunkhwa' },
			{ id: 'p3', prompt: 'Lahore', match: 'Punjab' }
		],
		distractors: ['Sindh']
	});
const ordering = () =>
	make('ordering', {
		items: [
			{ id: 'i1', text: '2016' },
			{ id: 'i2', text: '2017' },
			{ id: 'i3', text: '2023' },
			{ id: 'i4', text: '2024' }
		]
	});
const evidence = () =>
	make('evidence', {
		claim: 'The group claimed the attack.',
		source: '000_472f3205b87b21e1.txt',
		sentences: [
			{ id: 's1', text: 'The blast killed many.', feedback: 'SECRET-FEEDBACK-S1' },
			{ id: 's2', text: 'The group said it did it.', feedback: 'SECRET-FEEDBACK-S2' },
			{ id: 's3', text: 'Officials condemned it.' }
		],
		answer: 's2'
	});
const allTypes = () => [
	single(),
	multiple(),
	trueFalse(),
	short(),
	numeric(),
	matching(),
	ordering(),
	evidence()
];

const entry = (
	q: Question,
	response: Response | null = null,
	layout: Layout = layoutFor(q, false)
): AttemptQuestion => ({
	position: 0,
	versionId: 1,
	question: q,
	layout,
	answer: response ? { response, score: 0 } : null
});

/** A form post; repeat a name by giving an array. */
const formOf = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
	}
	return data;
};

/** Keys that only a revealed result may carry. */
const SECRET_KEYS =
	/"(answer|answers|correctAnswer|explanation|feedback|citations|quote|credit|tolerance|value|min|max|match|distractors)"\s*:/;

const expectNoSecrets = (state: unknown) => {
	const json = JSON.stringify(state);
	expect(json).not.toContain(EXPLANATION);
	expect(json).not.toContain(QUOTE);
	expect(json).not.toContain('SECRET-FEEDBACK');
	expect(json).not.toContain('SECRETWORD');
	expect(json).not.toContain('OTHERSECRET');
	expect(json).not.toContain('HALFSECRET');
	expect(json).not.toContain('1947');
	expect(json).not.toContain('claimType');
	expect(json).not.toMatch(SECRET_KEYS);
};

describe('layoutFor', () => {
	const RUNS = 60;
	const isPermutationOf = (order: string[] | undefined, ids: string[]) =>
		expect([...(order ?? [])].sort()).toEqual([...ids].sort());

	it('keeps single and multiple choice options in file order when shuffling is off', () => {
		for (let run = 0; run < 10; run++) {
			expect(layoutFor(single(), false)).toEqual({ order: ['a', 'b', 'c', 'd'] });
			expect(layoutFor(multiple(), false)).toEqual({ order: ['a', 'b', 'c'] });
		}
	});

	it('shuffles single choice options when shuffling is on, keeping every option once', () => {
		const seen = new Set<string>();
		for (let run = 0; run < RUNS; run++) {
			const { order } = layoutFor(single(), true);
			isPermutationOf(order, ['a', 'b', 'c', 'd']);
			seen.add(order!.join());
		}
		// 24 orders are possible; 60 runs all alike would mean no shuffling.
		expect(seen.size).toBeGreaterThan(1);
	});

	it('never shows matching choices in the answer’s own order', () => {
		const q = matching();
		const answerOrder = ['p1', 'p2', 'p3', '~1'];
		for (let run = 0; run < RUNS; run++) {
			const { order } = layoutFor(q, false);
			isPermutationOf(order, answerOrder);
			expect(order).not.toEqual(answerOrder);
		}
	});

	it('never shows ordering items in the right order', () => {
		const q = ordering();
		for (let run = 0; run < RUNS; run++) {
			const { order } = layoutFor(q, false);
			isPermutationOf(order, ['i1', 'i2', 'i3', 'i4']);
			expect(order).not.toEqual(['i1', 'i2', 'i3', 'i4']);
		}
	});

	it('reverses a two-item ordering question, the only other order', () => {
		const two = make('ordering', {
			items: [
				{ id: 'x', text: 'First' },
				{ id: 'y', text: 'Second' }
			]
		});
		for (let run = 0; run < 20; run++) expect(layoutFor(two, true)).toEqual({ order: ['y', 'x'] });
	});

	it('keeps an evidence excerpt’s sentences in the article’s order', () => {
		const q = evidence();
		for (let run = 0; run < 10; run++) {
			const layout = layoutFor(q, true);
			expect(layout).toEqual({ order: ['s1', 's2', 's3'] });
			expect(publicQuestion(q, layout, 1).options!.map((option) => option.text)).toEqual([
				'The blast killed many.',
				'The group said it did it.',
				'Officials condemned it.'
			]);
		}
	});

	it('never lets a matching prompt’s index point at its own match in every pair', () => {
		// Prompts are known by their index in the file and choices by their position in the
		// layout: if each pair's match sat at its prompt's index, "0 → 0, 1 → 1…" would score full marks.
		const q = matching();
		for (let run = 0; run < RUNS; run++) {
			const view = publicQuestion(q, layoutFor(q, true), 1);
			const positions = q.pairs.map(
				(pair) => view.options!.find((option) => option.text === pair.match)!.id
			);
			expect(positions.some((position, index) => position !== String(index))).toBe(true);
		}
	});

	describe('with two or more distractors', () => {
		afterEach(() => {
			vi.restoreAllMocks();
		});

		// BUG: scrambled() only avoids the whole choice list staying in file order. With two or more
		// distractors it may shuffle just the distractors, leaving every pair's match at its prompt's
		// index, so "prompt i → choice i" scores full marks. Here the random draws swap ~1 and ~2 and
		// nothing else; any order of the choices is possible this way (1 in 119 for 3 pairs and
		// 2 distractors), and the first draw that is not the file order is kept.
		it('does not leave every pair’s match at its prompt’s index', () => {
			const q = make('matching', {
				pairs: [
					{ id: 'p1', prompt: 'Mastung', match: 'Balochistan' },
					{ id: 'p2', prompt: 'Peshawar', match: 'Khyber Pakhtunkhwa' },
					{ id: 'p3', prompt: 'Lahore', match: 'Punjab' }
				],
				distractors: ['Sindh', 'Gilgit-Baltistan']
			});
			// Fisher–Yates over 5 choices draws j = r % (i + 1) for i = 4…1: 3, 3, 2, 1 swaps
			// only the last two. After these draws, real random values (so a fixed shuffle that
			// draws again cannot loop forever).
			const draws = [3, 3, 2, 1];
			const real = crypto.getRandomValues.bind(crypto);
			vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => {
				const next = draws.shift();
				if (next === undefined || !(array instanceof Uint32Array)) return real(array);
				array[0] = next;
				return array;
			});
			const view = publicQuestion(q, layoutFor(q, true), 1);
			const positions = q.pairs.map(
				(pair) => view.options!.find((option) => option.text === pair.match)!.id
			);
			expect(positions.some((position, index) => position !== String(index))).toBe(true);
		});
	});

	it('has nothing to lay out for true/false, short and numeric questions', () => {
		expect(layoutFor(trueFalse(), true)).toEqual({});
		expect(layoutFor(short(), true)).toEqual({});
		expect(layoutFor(numeric(), true)).toEqual({});
	});
});

describe('publicQuestion', () => {
	it('shows options in the layout’s order with their text only, known by position', () => {
		const view = publicQuestion(single(), { order: ['d', 'b', 'a', 'c'] }, 3);
		expect(view).toEqual({
			key: 'single',
			number: 3,
			type: 'single',
			prompt: 'Prompt of single?',
			options: [
				{ id: '0', text: 'Gwadar' },
				{ id: '1', text: 'Mastung' },
				{ id: '2', text: 'Quetta' },
				{ id: '3', text: 'Khuzdar' }
			]
		});
	});

	it('shows multiple choice options in the layout’s order, known by position', () => {
		expect(publicQuestion(multiple(), { order: ['c', 'a', 'b'] }, 1).options).toEqual([
			{ id: '0', text: 'C' },
			{ id: '1', text: 'A' },
			{ id: '2', text: 'B' }
		]);
	});

	it('shows matching prompts in file order by index and every choice, distractors too, in the layout’s order by position', () => {
		const view = publicQuestion(matching(), { order: ['~1', 'p3', 'p1', 'p2'] }, 1);
		expect(view.pairs).toEqual([
			{ id: '0', prompt: 'Mastung' },
			{ id: '1', prompt: 'Peshawar' },
			{ id: '2', prompt: 'Lahore' }
		]);
		expect(view.options).toEqual([
			{ id: '0', text: 'Sindh' },
			{ id: '1', text: 'Punjab' },
			{ id: '2', text: 'Balochistan' },
			{ id: '3', text: 'Khyber Pakhtunkhwa' }
		]);
	});

	it('does not give away matching answers through shared prompt and choice ids', () => {
		// Prompt i and choice i share the id String(i); with this layout no pair's match sits at
		// its own prompt's index, so matching equal ids scores nothing.
		const q = matching();
		const view = publicQuestion(q, { order: ['p2', 'p3', '~1', 'p1'] }, 1);
		const json = JSON.stringify(view);
		for (const id of ['p1', 'p2', 'p3', '~1']) expect(json).not.toContain(`"${id}"`);
		const sameIds = readResponse(
			q,
			{ order: ['p2', 'p3', '~1', 'p1'] },
			formOf({ 'match:0': '0', 'match:1': '1', 'match:2': '2' })
		);
		expect(sameIds).toEqual({ type: 'matching', matches: { p1: 'p2', p2: 'p3', p3: '~1' } });
		expect(grade(q, sameIds).score).toBe(0);
	});

	it('shows ordering items in the layout’s starting order, known by position', () => {
		const view = publicQuestion(ordering(), { order: ['i3', 'i1', 'i4', 'i2'] }, 1);
		expect(view.items).toEqual([
			{ id: '0', text: '2023' },
			{ id: '1', text: '2016' },
			{ id: '2', text: '2024' },
			{ id: '3', text: '2017' }
		]);
	});

	it('shows an evidence claim, its excerpt’s source label and the sentences without feedback', () => {
		const view = publicQuestion(evidence(), { order: ['s1', 's2', 's3'] }, 1);
		expect(view.claim).toBe('The group claimed the attack.');
		expect(view.excerptSource).toBe('Editorial, 2017');
		expect(view.options).toEqual([
			{ id: '0', text: 'The blast killed many.' },
			{ id: '1', text: 'The group said it did it.' },
			{ id: '2', text: 'Officials condemned it.' }
		]);
	});

	it('contains no authored option, sentence, choice, item or pair id', () => {
		// Ids no text contains, so finding one in the JSON means it was sent to the browser.
		const hidden = (n: number) => `hidden-id-${n}`;
		const questions = [
			make('single', {
				options: [
					{ id: hidden(1), text: 'One' },
					{ id: hidden(2), text: 'Two' }
				],
				answer: hidden(2)
			}),
			make('multiple', {
				options: [
					{ id: hidden(3), text: 'One' },
					{ id: hidden(4), text: 'Two' }
				],
				answers: [hidden(3)]
			}),
			make('evidence', {
				claim: 'A claim.',
				source: '000_472f3205b87b21e1.txt',
				sentences: [
					{ id: hidden(5), text: 'One.' },
					{ id: hidden(6), text: 'Two.' }
				],
				answer: hidden(6)
			}),
			make('matching', {
				pairs: [
					{ id: hidden(7), prompt: 'One', match: 'Uno' },
					{ id: hidden(8), prompt: 'Two', match: 'Dos' }
				],
				distractors: ['Tres']
			}),
			make('ordering', {
				items: [
					{ id: hidden(9), text: 'First' },
					{ id: hidden(10), text: 'Second' }
				]
			})
		];
		for (const q of questions) {
			for (const shuffle of [false, true]) {
				const view = publicQuestion(q, layoutFor(q, shuffle), 1);
				const json = JSON.stringify(view);
				expect(json).not.toContain('hidden-id');
				expect(json).not.toContain('~');
				const ids = [...(view.options ?? []), ...(view.items ?? []), ...(view.pairs ?? [])].map(
					(entry) => entry.id
				);
				expect(ids.length).toBeGreaterThan(0);
				for (const id of ids) expect(id).toMatch(/^\d+$/);
			}
		}
	});

	it('shows only the prompt of true/false, short and numeric questions', () => {
		expect(publicQuestion(numeric(), {}, 5)).toEqual({
			key: 'numeric',
			number: 5,
			type: 'numeric',
			prompt: 'Prompt of numeric?'
		});
	});

	it('carries no key, feedback, explanation or citation for any question type', () => {
		for (const q of allTypes()) expectNoSecrets(publicQuestion(q, layoutFor(q, true), 1));
	});
});

describe('attemptQuestionStates', () => {
	const immediate = { feedback: 'immediate' as const };
	const deferred = { feedback: 'deferred' as const };

	it('numbers questions from 1 in attempt order', () => {
		const states = attemptQuestionStates(immediate, false, [entry(single()), entry(short())]);
		expect(states.map((state) => [state.number, state.key])).toEqual([
			[1, 'single'],
			[2, 'short']
		]);
	});

	it('with immediate feedback, reveals nothing of an unanswered question', () => {
		const states = attemptQuestionStates(
			immediate,
			false,
			allTypes().map((q) => entry(q))
		);
		expect(states).toHaveLength(8);
		for (const state of states) {
			expect(state.result).toBeNull();
			expect(state.response).toBeNull();
			expectNoSecrets(state);
		}
	});

	it('with immediate feedback, shows the result once a question is answered', () => {
		const [state] = attemptQuestionStates(immediate, false, [
			entry(single(), { type: 'single', optionId: 'a' }, { order: ['d', 'b', 'a', 'c'] })
		]);
		// The learner's answer comes back as the position they picked, not the authored id.
		expect(state!.response).toEqual({ type: 'single', optionId: '2' });
		expect(state!.result).toEqual({
			score: 0,
			verdict: 'incorrect',
			feedback: ['SECRET-FEEDBACK-A'],
			correctAnswer: ['Mastung'],
			explanation: `${EXPLANATION} for single`,
			claimType: 'attributed claim',
			// where the right option is shown in this attempt, to mark it beside the choices
			rightChoices: ['1'],
			citations: [
				{
					quote: `${QUOTE} for single`,
					file: '000_472f3205b87b21e1.txt',
					label: 'Editorial, 2017',
					workingTitle: "Editorial on the Mastung blast that hit Senator Haideri's convoy"
				}
			]
		});
	});

	it('marks a question that sorts statements of several kinds, so its result names no one kind', () => {
		const [mixed, plain] = attemptQuestionStates(immediate, false, [
			entry({ ...single(), mixedKinds: true }, { type: 'single', optionId: 'a' }),
			entry(single(), { type: 'single', optionId: 'a' })
		]);
		expect(mixed!.result?.mixedKinds).toBe(true);
		expect(plain!.result).not.toHaveProperty('mixedKinds');
	});

	it('reveals only the answered questions of an attempt in progress', () => {
		const states = attemptQuestionStates(immediate, false, [
			entry(trueFalse(), { type: 'truefalse', value: true }),
			entry(short())
		]);
		expect(states[0]!.result?.verdict).toBe('correct');
		expect(states[1]!.result).toBeNull();
		expectNoSecrets(states[1]);
	});

	it('with deferred feedback, hides results of answered questions until the attempt is submitted', () => {
		const questions = [
			entry(single(), { type: 'single', optionId: 'b' }, { order: ['b', 'c', 'd', 'a'] }),
			entry(numeric(), { type: 'numeric', text: '1947', value: 1947 })
		];
		const open = attemptQuestionStates(deferred, false, questions);
		for (const state of open) {
			expect(state.result).toBeNull();
			expect(JSON.stringify(state)).not.toContain(EXPLANATION);
			expect(JSON.stringify(state)).not.toContain('SECRET-FEEDBACK');
		}
		// The learner still sees their own answer, by position.
		expect(open[0]!.response).toEqual({ type: 'single', optionId: '0' });
		expect(open[1]!.response).toEqual({ type: 'numeric', text: '1947', value: 1947 });

		const submitted = attemptQuestionStates(deferred, true, questions);
		expect(submitted.map((state) => state.result?.score)).toEqual([1, 1]);
		expect(submitted[0]!.result?.feedback).toEqual(['SECRET-FEEDBACK-B']);
	});

	it('marks an unanswered question of a submitted attempt as not answered, with no credit', () => {
		for (const settings of [immediate, deferred]) {
			const [state] = attemptQuestionStates(settings, true, [entry(short())]);
			expect(state!.response).toBeNull();
			expect(state!.result).toMatchObject({
				score: 0,
				verdict: 'not answered',
				feedback: [],
				correctAnswer: ['SECRETWORD', 'Also accepted: OTHERSECRET']
			});
		}
	});

	it('calls a response correct, partly correct or incorrect by its score', () => {
		const q = multiple();
		const verdict = (optionIds: string[]) =>
			attemptQuestionStates(immediate, false, [entry(q, { type: 'multiple', optionIds })])[0]!
				.result?.verdict;
		expect(verdict(['a', 'b'])).toBe('correct');
		expect(verdict(['a'])).toBe('partly correct');
		expect(verdict(['c'])).toBe('incorrect');
	});

	it('states the correct answer of each question type', () => {
		const correct = (q: Question) =>
			attemptQuestionStates(immediate, true, [entry(q)])[0]!.result?.correctAnswer;
		expect(correct(multiple())).toEqual(['A', 'B']);
		expect(correct(trueFalse())).toEqual(['True']);
		expect(correct(numeric())).toEqual(['1947 (± 2)']);
		expect(correct(make('numeric', { answers: [{ min: 1, max: 2 }] }))).toEqual([
			'Between 1 and 2'
		]);
		expect(correct(matching())).toEqual([
			'Mastung → Balochistan',
			'Peshawar → Khyber Pakhtunkhwa',
			'Lahore → Punjab'
		]);
		expect(correct(ordering())).toEqual(['1. 2016', '2. 2017', '3. 2023', '4. 2024']);
		expect(correct(evidence())).toEqual(['The group said it did it.']);
	});

	it('keeps the attempt’s layout in the view', () => {
		const q = ordering();
		const [state] = attemptQuestionStates(immediate, false, [
			entry(q, null, { order: ['i4', 'i3', 'i2', 'i1'] })
		]);
		expect(state!.items).toEqual([
			{ id: '0', text: '2024' },
			{ id: '1', text: '2023' },
			{ id: '2', text: '2017' },
			{ id: '3', text: '2016' }
		]);
	});

	it('shows saved matching and ordering answers by position in the attempt’s layout', () => {
		const states = attemptQuestionStates(deferred, false, [
			entry(
				matching(),
				{ type: 'matching', matches: { p1: 'p1', p2: '~1', p3: 'p2' } },
				{ order: ['p2', '~1', 'p3', 'p1'] }
			),
			entry(
				ordering(),
				{ type: 'ordering', order: ['i1', 'i2', 'i3', 'i4'] },
				{ order: ['i3', 'i1', 'i4', 'i2'] }
			)
		]);
		expect(states[0]!.response).toEqual({
			type: 'matching',
			matches: { '0': '3', '1': '1', '2': '0' }
		});
		expect(states[1]!.response).toEqual({ type: 'ordering', order: ['1', '3', '0', '2'] });
		for (const state of states) expect(JSON.stringify(state)).not.toMatch(/"(p\d|i\d|~1)"/);
	});
});

describe('publicResponse', () => {
	// Each case: a question, a non-identity layout, and form fields in the browser's terms.
	const cases: [string, Question, Layout, Record<string, string | string[]>][] = [
		['single', single(), { order: ['c', 'a', 'd', 'b'] }, { answer: '3' }],
		['evidence', evidence(), { order: ['s1', 's2', 's3'] }, { answer: '1' }],
		['multiple', multiple(), { order: ['c', 'a', 'b'] }, { answer: ['2', '0'] }],
		[
			'matching',
			matching(),
			{ order: ['p3', '~1', 'p1', 'p2'] },
			{ 'match:0': '2', 'match:1': '1', 'match:2': '0' }
		],
		['ordering', ordering(), { order: ['i3', 'i1', 'i4', 'i2'] }, { order: ['1', '3', '0', '2'] }]
	];

	it.each(cases)('gives back the positions readResponse read, for %s', (_, q, layout, fields) => {
		const response = readResponse(q, layout, formOf(fields));
		const shown = publicResponse(q, layout, response);
		// Posted again as the browser would post it, the same authored answer comes back.
		const again: Record<string, string | string[]> =
			shown.type === 'matching'
				? Object.fromEntries(Object.entries(shown.matches).map(([k, v]) => [`match:${k}`, v]))
				: shown.type === 'multiple'
					? { answer: shown.optionIds }
					: shown.type === 'ordering'
						? { order: shown.order }
						: { answer: (shown as { optionId: string }).optionId };
		expect(readResponse(q, layout, formOf(again))).toEqual(response);
	});

	it('gives back exactly the positions the browser sent', () => {
		const [single_, evidence_, multiple_, matching_, ordering_] = cases;
		const roundTrip = ([, q, layout, fields]: (typeof cases)[number]) =>
			publicResponse(q, layout, readResponse(q, layout, formOf(fields)));
		expect(roundTrip(single_!)).toEqual({ type: 'single', optionId: '3' });
		expect(roundTrip(evidence_!)).toEqual({ type: 'evidence', optionId: '1' });
		expect(roundTrip(multiple_!)).toEqual({ type: 'multiple', optionIds: ['2', '0'] });
		expect(roundTrip(matching_!)).toEqual({
			type: 'matching',
			matches: { '0': '2', '1': '1', '2': '0' }
		});
		expect(roundTrip(ordering_!)).toEqual({ type: 'ordering', order: ['1', '3', '0', '2'] });
	});

	it('gives back the ranks chosen without JavaScript as the order of shown positions', () => {
		const q = ordering();
		const layout = { order: ['i3', 'i1', 'i4', 'i2'] };
		const fields = { 'position:0': '3', 'position:1': '1', 'position:2': '4', 'position:3': '2' };
		const response = readResponse(q, layout, formOf(fields));
		expect(response).toEqual({ type: 'ordering', order: ['i1', 'i2', 'i3', 'i4'] });
		expect(publicResponse(q, layout, response)).toEqual({
			type: 'ordering',
			order: ['1', '3', '0', '2']
		});
	});

	it('leaves answers without choices as they are', () => {
		expect(publicResponse(trueFalse(), {}, { type: 'truefalse', value: false })).toEqual({
			type: 'truefalse',
			value: false
		});
		expect(publicResponse(short(), {}, { type: 'short', text: 'Mastung' })).toEqual({
			type: 'short',
			text: 'Mastung'
		});
		expect(publicResponse(numeric(), {}, { type: 'numeric', text: '1,947', value: 1947 })).toEqual({
			type: 'numeric',
			text: '1,947',
			value: 1947
		});
	});
});

describe('marking the right answer in the attempt’s layout', () => {
	const immediate = { feedback: 'immediate' as const };
	const resultOf = (q: Question, response: Response, layout: Layout) =>
		attemptQuestionStates(immediate, false, [entry(q, response, layout)])[0]!.result!;

	it('names the right choices by their shown position', () => {
		const order = ['c', 'a', 'b'];
		expect(
			resultOf(multiple(), { type: 'multiple', optionIds: ['c'] }, { order }).rightChoices
		).toEqual(['1', '2']);
		expect(
			resultOf(evidence(), { type: 'evidence', optionId: 's1' }, { order: ['s1', 's2', 's3'] })
				.rightChoices
		).toEqual(['1']);
		expect(resultOf(trueFalse(), { type: 'truefalse', value: false }, {}).rightChoices).toEqual([
			'true'
		]);
	});

	it('names each matching prompt’s right choice by its shown position', () => {
		const layout = { order: ['~1', 'p3', 'p1', 'p2'] };
		const response = { type: 'matching' as const, matches: { p1: 'p2', p2: 'p1', p3: 'p3' } };
		expect(resultOf(matching(), response, layout).rightMatches).toEqual({
			'0': '2',
			'1': '3',
			'2': '1'
		});
	});

	it('marks every full-credit option of a single choice and names the part credits', () => {
		const hometown = make('single', {
			options: [
				{ id: 'a', text: 'Jerusalem' },
				{ id: 'b', text: 'Galilee', credit: 0.5 },
				{ id: 'c', text: 'Nazareth', credit: 1 },
				{ id: 'd', text: 'Natsrat', credit: 1 }
			],
			answer: 'c'
		});
		const result = resultOf(
			hometown,
			{ type: 'single', optionId: 'b' },
			{ order: ['a', 'b', 'c', 'd'] }
		);
		expect(result.score).toBe(0.5);
		expect(result.verdict).toBe('partly correct');
		expect(result.rightChoices).toEqual(['2', '3']);
		// so the screen marks the learner's Galilee as partly right, not wrong
		expect(result.partChoices).toEqual(['1']);
		expect(result.correctAnswer).toEqual(['Nazareth', 'Natsrat', 'Part credit: Galilee (50 %)']);
	});

	it('states the weights of a weighted multiple choice', () => {
		const weighted = make('multiple', {
			options: [
				{ id: 'a', text: 'Grant', credit: 0.5 },
				{ id: 'b', text: 'His wife', credit: 0.5 },
				{ id: 'c', text: 'No one', credit: -1 }
			],
			answers: ['a', 'b']
		});
		const result = resultOf(
			weighted,
			{ type: 'multiple', optionIds: ['a', 'c'] },
			{ order: ['a', 'b', 'c'] }
		);
		expect(result.score).toBe(0);
		expect(result.correctAnswer).toEqual([
			'Grant (50 %)',
			'His wife (50 %)',
			'Counted against you if ticked: No one (-100 %)'
		]);
	});

	it('shows a wildcard answer with … for its stars', () => {
		const horizon = make('short', { answers: ['*over*the*horizon*', 'a\\*b'] });
		const result = resultOf(horizon, { type: 'short', text: 'under' }, {});
		expect(result.correctAnswer).toEqual(['…over…the…horizon…', 'Also accepted: a*b']);
	});

	it('offers identical matches once and marks that one choice right for each of their prompts', () => {
		const animals = make('matching', {
			pairs: [
				{ id: 'p1', prompt: 'Dog', match: 'Mammal' },
				{ id: 'p2', prompt: 'Frog', match: 'Amphibian' },
				{ id: 'p3', prompt: 'Cat', match: 'Mammal' }
			]
		});
		const layout = layoutFor(animals, false);
		expect(layout.order).toHaveLength(2);
		const response = { type: 'matching' as const, matches: { p1: 'p1', p2: 'p2', p3: 'p1' } };
		const result = resultOf(animals, response, layout);
		expect(result.score).toBe(1);
		const mammal = String(layout.order!.indexOf('p1'));
		expect(result.rightMatches).toMatchObject({ '0': mammal, '2': mammal });
	});

	it('marks nothing in place for typed answers and orderings', () => {
		const typed: [Question, Response][] = [
			[short(), { type: 'short', text: 'x' }],
			[numeric(), { type: 'numeric', text: '1', value: 1 }],
			[ordering(), { type: 'ordering', order: ['i1', 'i2', 'i3', 'i4'] }]
		];
		for (const [q, response] of typed) {
			const result = resultOf(q, response, layoutFor(q, false));
			expect(result.rightChoices).toBeUndefined();
			expect(result.rightMatches).toBeUndefined();
		}
	});
});

describe('questionSteps', () => {
	const answered = (q: Question, response: Response, score: number): AttemptQuestion => ({
		...entry(q, response),
		answer: { response, score }
	});
	const attempt = [
		answered(single(), { type: 'single', optionId: 'b' }, 1),
		answered(multiple(), { type: 'multiple', optionIds: ['a'] }, 0.5),
		answered(trueFalse(), { type: 'truefalse', value: false }, 0),
		entry(short())
	];

	it('with immediate feedback, tells right, partly right and wrong of answered questions only', () => {
		expect(questionSteps({ feedback: 'immediate' }, false, attempt)).toEqual([
			{ number: 1, status: 'correct' },
			{ number: 2, status: 'partly correct' },
			{ number: 3, status: 'incorrect' },
			{ number: 4, status: 'unanswered' }
		]);
	});

	it('with deferred feedback, says only "answered" until the attempt is submitted', () => {
		expect(
			questionSteps({ feedback: 'deferred' }, false, attempt).map((step) => step.status)
		).toEqual(['answered', 'answered', 'answered', 'unanswered']);
		expect(
			questionSteps({ feedback: 'deferred' }, true, attempt).map((step) => step.status)
		).toEqual(['correct', 'partly correct', 'incorrect', 'not answered']);
	});
});

describe('an essay', () => {
	const essay = () =>
		make('essay', {
			guidance: 'SECRET-GUIDANCE for graders',
			template: 'I think',
			minWords: 10
		});
	const written: Response = { type: 'essay', text: 'My answer in words.' };

	it('shows the learner its template and word limits, never the graders’ guidance', () => {
		const shown = publicQuestion(essay(), {}, 1);
		expect(shown).toMatchObject({ type: 'essay', template: 'I think', minWords: 10 });
		const states = attemptQuestionStates({ feedback: 'immediate' }, true, [
			entry(essay(), written)
		]);
		expect(JSON.stringify(states)).not.toContain('SECRET-GUIDANCE');
	});

	it('awaits grading once answered, with no right answer, until it has a mark', () => {
		const [pending] = attemptQuestionStates({ feedback: 'immediate' }, false, [
			entry(essay(), written)
		]);
		expect(pending!.result).toMatchObject({
			score: 0,
			verdict: 'awaiting grading',
			feedback: [],
			correctAnswer: []
		});
		expect(pending!.result!.explanation).toContain(EXPLANATION);
		expect(questionSteps({ feedback: 'immediate' }, false, [entry(essay(), written)])).toEqual([
			{ number: 1, status: 'awaiting grading' }
		]);
	});

	it('once marked, takes the mark as its score and the comment as its feedback', () => {
		const marked = (score: number, comment: string | null): AttemptQuestion => ({
			...entry(essay(), written),
			answer: { response: written, score, marked: { comment } }
		});
		const states = attemptQuestionStates({ feedback: 'deferred' }, true, [
			marked(0.7, 'Name the group.'),
			marked(1, null)
		]);
		expect(states.map((state) => state.result)).toMatchObject([
			{ score: 0.7, verdict: 'partly correct', feedback: ['Name the group.'] },
			{ score: 1, verdict: 'correct', feedback: [] }
		]);
		expect(
			questionSteps({ feedback: 'deferred' }, true, [marked(0, null), entry(essay())])
		).toEqual([
			{ number: 1, status: 'incorrect' },
			{ number: 2, status: 'not answered' }
		]);
	});
});
