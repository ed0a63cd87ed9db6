// What our quizzes hold that GIFT cannot, written by export as comment lines that Moodle
// ignores and our import reads back: `// @quiz {…}` once for the quiz settings and
// `// @question {…}` before each question. Each is one line of JSON. Only what the GIFT text
// cannot say goes in; the GIFT text stays the truth for everything it can say, so a file
// edited in Moodle (which drops comments) still imports with its own meaning.

import { z } from 'zod';
import type { QuestionInput } from './to-quiz.ts';

export const QUIZ_TAG = '// @quiz ';
export const QUESTION_TAG = '// @question ';

const citation = z.object({ source: z.string(), quote: z.string() });

export const quizData = z.strictObject({
	title: z.string().optional(),
	maxAttempts: z.number().optional(),
	grading: z.enum(['highest', 'last', 'average']).optional(),
	shuffleOptions: z.boolean().optional(),
	feedback: z.enum(['immediate', 'deferred']).optional()
});

export const questionData = z.strictObject({
	claimType: z.enum(['fact', 'attributed claim', 'opinion']).optional(),
	citations: z.array(citation).optional(),
	/** The question's id when its title does not give it back. */
	id: z.string().optional(),
	/** Option, pair or item ids in order, when they are not a, b … or p1, p2 …. */
	ids: z.array(z.string()).optional(),
	/** Exact credits, in order, where GIFT holds only Moodle's nearest one. */
	credits: z.array(z.number().nullable()).optional(),
	/** Fields GIFT has no word for: set as given, or removed when null. */
	set: z
		.strictObject({
			match: z.enum(['first', 'best']).nullable().optional(),
			caseSensitive: z.boolean().optional(),
			feedback: z.strictObject({}).optional(),
			// An essay's extras, which GIFT's `{}` cannot say.
			guidance: z.string().optional(),
			template: z.string().optional(),
			minWords: z.number().optional(),
			maxWords: z.number().optional()
		})
		.optional(),
	/** An ordering sent as matching by position, or an evidence question as a single choice. */
	as: z.enum(['ordering', 'evidence']).optional(),
	claim: z.string().optional(),
	source: z.string().optional()
});

export type QuizData = z.infer<typeof quizData>;
export type QuestionData = z.infer<typeof questionData>;

export const writeData = (tag: string, data: object) => `${tag}${JSON.stringify(data)}`;

/** The JSON after the tag, checked; an error message when it is not what export writes. */
export function readData<T>(json: string, schema: z.ZodType<T>): { data: T } | { error: string } {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return { error: 'the app data in this comment is not valid JSON' };
	}
	const result = schema.safeParse(value);
	return result.success
		? { data: result.data }
		: {
				error: `the app data in this comment is not understood: ${result.error.issues[0]!.message}`
			};
}

type Input = Record<string, unknown>;

/** Puts back on an imported question what export kept in its comment. */
export function applyQuestionData(question: QuestionInput, data: QuestionData): QuestionInput {
	let q = { ...question } as Input;
	if (data.as === 'ordering' && q.type === 'matching') q = fromPositions(q);
	if (data.as === 'evidence' && q.type === 'single') q = toEvidence(q, data);
	if (data.claimType) q.claimType = data.claimType;
	if (data.citations) q.citations = data.citations;
	if (data.id) q.id = data.id;
	if (data.credits) q = withCredits(q, data.credits);
	if (data.ids) q = withIds(q, data.ids);
	for (const [key, value] of Object.entries(data.set ?? {})) {
		if (value === null) delete q[key];
		else q[key] = value;
	}
	return q as QuestionInput;
}

const listKey = (q: Input) =>
	(['options', 'sentences', 'pairs', 'items', 'answers'] as const).find((key) =>
		Array.isArray(q[key])
	)!;

function withCredits(q: Input, credits: (number | null)[]): Input {
	const key = listKey(q);
	const list = (q[key] as unknown[]).map((entry, index) => {
		const credit = credits[index];
		if (credit === null || credit === undefined) return entry;
		const object = typeof entry === 'string' ? { text: entry } : (entry as Input);
		return { ...object, credit };
	});
	return { ...q, [key]: list };
}

function withIds(q: Input, ids: string[]): Input {
	const key = listKey(q);
	const list = q[key] as { id: string }[];
	if (list.length !== ids.length) return q;
	const renamed = new Map(list.map((entry, index) => [entry.id, ids[index]!]));
	const rename = (id: unknown) => renamed.get(id as string) ?? id;
	return {
		...q,
		[key]: list.map((entry, index) => ({ ...entry, id: ids[index]! })),
		...(typeof q.answer === 'string' ? { answer: rename(q.answer) } : {}),
		...(q.type === 'multiple' ? { answers: (q.answers as string[]).map(rename) } : {})
	};
}

/** Pairs "1 -> first item", "2 -> second item" … back to the items in that order. */
function fromPositions(q: Input): Input {
	const { pairs, distractors: _distractors, ...rest } = q;
	const items = [...(pairs as { prompt: string; match: string }[])]
		.sort((a, b) => Number(a.prompt) - Number(b.prompt))
		.map((pair, index) => ({ id: `i${index + 1}`, text: pair.match }));
	return { ...rest, type: 'ordering', items };
}

function toEvidence(q: Input, data: QuestionData): Input {
	const { options, prompt, ...rest } = q;
	const suffix = `\nClaim: ${data.claim}`;
	const text = String(prompt);
	return {
		...rest,
		type: 'evidence',
		prompt: text.endsWith(suffix) ? text.slice(0, -suffix.length) : text,
		claim: data.claim,
		source: data.source,
		sentences: options
	};
}
