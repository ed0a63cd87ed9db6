import { z } from 'zod';
import { ESSAY_MAX_CHARACTERS } from '../quiz/essay-limits';

// The authoring format of `quiz.yaml`, beside each lesson's index.md. It holds answer keys, so
// only the build check and server code may import the parsed files; pages get public views.

const text = z.string().trim().min(1, 'must not be empty');
const id = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes');
const credit = z.number().min(0).max(1);

// Explanations and feedback are what a learner reads after answering: a stub must not ship.
const PLACEHOLDER = /\b(?:TODO|TBD|FIXME|XXX|lorem)\b/i;
const prose = text.superRefine((value, ctx) => {
	const stub = PLACEHOLDER.exec(value)?.[0] ?? (/[\p{L}\p{N}]/u.test(value) ? null : value);
	if (stub)
		ctx.addIssue({
			code: 'custom',
			message: `"${stub}" is a placeholder: write what the learner will read`
		});
});

export const claimTypes = ['fact', 'attributed claim', 'opinion'] as const;

const citation = z.strictObject({
	source: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'source is an article file name'),
	quote: z.string({ error: 'a citation needs a quote' }).trim().min(1, 'a citation needs a quote')
});

const common = {
	id,
	prompt: text,
	explanation: prose,
	claimType: z.enum(claimTypes),
	/** The statements the question sorts are of several kinds, so no one kind describes it. */
	mixedKinds: z.literal(true).optional(),
	citations: z.array(citation).min(1, 'cite at least one source')
};

const option = z.strictObject({ id, text, feedback: prose.optional() });

/**
 * Choice options may carry their own credit, as Moodle's do: on a single choice what picking
 * that option earns (the `answer` alone earns 1 when no credits are given); on a multiple
 * choice what ticking it adds or takes away, the total kept between 0 and 1.
 */
const creditedOption = z.strictObject({
	...option.shape,
	credit: z.number().min(-1).max(1).optional()
});

/** Which accepted answer a typed response earns: the first that matches (Moodle) or the best. */
const matchRule = z.enum(['first', 'best']).optional();

const single = z.strictObject({
	...common,
	type: z.literal('single'),
	options: z.array(creditedOption).min(2, 'give at least two options'),
	answer: id
});

const multiple = z.strictObject({
	...common,
	type: z.literal('multiple'),
	options: z.array(creditedOption).min(2, 'give at least two options'),
	answers: z.array(id).min(1, 'mark at least one option correct')
});

const trueFalse = z.strictObject({
	...common,
	type: z.literal('truefalse'),
	answer: z.boolean(),
	feedback: z.strictObject({ true: prose.optional(), false: prose.optional() }).optional()
});

const shortAnswer = z.strictObject({
	...common,
	type: z.literal('short'),
	answers: z
		.array(
			z.union([
				text.transform((value) => ({
					text: value,
					credit: 1,
					feedback: undefined as string | undefined
				})),
				z.strictObject({ text, credit: credit.default(1), feedback: prose.optional() })
			])
		)
		.min(1, 'give at least one accepted answer'),
	match: matchRule,
	/** Off by default: "Paris" and "paris" are the same answer. */
	caseSensitive: z.boolean().optional()
});

const numericAnswer = z.union([
	z.strictObject({
		value: z.number(),
		tolerance: z.number().min(0).default(0),
		credit: credit.default(1),
		feedback: prose.optional()
	}),
	z
		.strictObject({
			min: z.number(),
			max: z.number(),
			credit: credit.default(1),
			feedback: prose.optional()
		})
		.refine((range) => range.min <= range.max, 'min must not exceed max')
]);

const numeric = z.strictObject({
	...common,
	type: z.literal('numeric'),
	answers: z.array(numericAnswer).min(1, 'give at least one accepted answer'),
	match: matchRule,
	/** Shown for a number that no answer accepts (Moodle's `~#…` in a numeric question). */
	wrongFeedback: prose.optional()
});

const matching = z.strictObject({
	...common,
	type: z.literal('matching'),
	pairs: z
		.array(z.strictObject({ id, prompt: text, match: text }))
		.min(2, 'give at least two pairs'),
	distractors: z.array(text).default([])
});

const ordering = z.strictObject({
	...common,
	type: z.literal('ordering'),
	/** Listed in the correct order; learners see them shuffled. */
	items: z.array(z.strictObject({ id, text })).min(2, 'give at least two items')
});

const evidence = z.strictObject({
	...common,
	type: z.literal('evidence'),
	claim: text,
	/** The article the excerpt is quoted from; every sentence must appear in it word for word. */
	source: citation.shape.source,
	sentences: z.array(option).min(2, 'give at least two sentences'),
	answer: id
});

const wordLimit = z.number().int().min(1).max(5000);

/**
 * Free text graded by hand (Moodle's essay): `guidance` is for graders only (Moodle's
 * graderinfo), `template` fills the box before the learner writes (responsetemplate).
 */
const essay = z.strictObject({
	...common,
	type: z.literal('essay'),
	guidance: text.optional(),
	template: z.string().max(ESSAY_MAX_CHARACTERS).optional(),
	minWords: wordLimit.optional(),
	maxWords: wordLimit.optional()
});

export const question = z
	.discriminatedUnion('type', [
		single,
		multiple,
		trueFalse,
		shortAnswer,
		numeric,
		matching,
		ordering,
		evidence,
		essay
	])
	.superRefine((q, ctx) => {
		const problem = (message: string, path: PropertyKey[] = []) =>
			ctx.addIssue({ code: 'custom', message, path });
		const checkIds = (ids: string[], what: string, path: string) => {
			const seen = new Set<string>();
			for (const value of ids) {
				if (seen.has(value)) problem(`duplicate ${what} id "${value}"`, [path]);
				seen.add(value);
			}
			return seen;
		};
		switch (q.type) {
			case 'single':
			case 'evidence': {
				const list = q.type === 'single' ? q.options : q.sentences;
				const ids = checkIds(
					list.map((o) => o.id),
					q.type === 'single' ? 'option' : 'sentence',
					q.type === 'single' ? 'options' : 'sentences'
				);
				if (!ids.has(q.answer)) problem(`answer "${q.answer}" is not one of the ids`, ['answer']);
				if (q.type === 'single') {
					const credit = q.options.find((o) => o.id === q.answer)?.credit;
					if (credit !== undefined && credit !== 1) {
						problem(`answer "${q.answer}" must have credit 1 (or none)`, ['answer']);
					}
				}
				break;
			}
			case 'multiple': {
				const ids = checkIds(
					q.options.map((o) => o.id),
					'option',
					'options'
				);
				for (const answer of q.answers) {
					if (!ids.has(answer))
						problem(`answer "${answer}" is not one of the option ids`, ['answers']);
				}
				checkIds(q.answers, 'answer', 'answers');
				if (q.options.some((o) => o.credit !== undefined)) checkWeights(q, problem);
				break;
			}
			case 'short':
			case 'numeric':
				if (!q.answers.some((answer) => answer.credit === 1)) {
					problem('no answer gets full credit, so no answer is correct', ['answers']);
				}
				break;
			case 'matching':
				checkIds(
					q.pairs.map((pair) => pair.id),
					'pair',
					'pairs'
				);
				break;
			case 'ordering':
				checkIds(
					q.items.map((item) => item.id),
					'item',
					'items'
				);
				break;
			case 'essay':
				if (q.minWords !== undefined && q.maxWords !== undefined && q.minWords > q.maxWords)
					problem('minWords must not exceed maxWords', ['minWords']);
				break;
		}
	});

/**
 * With credits, a multiple choice is scored as Moodle scores it, so it must be one Moodle would
 * accept: the ticked-right options are those with a positive credit, and those add up to 1.
 */
function checkWeights(
	q: z.output<typeof multiple>,
	problem: (message: string, path?: PropertyKey[]) => void
) {
	const positive = q.options.filter((o) => (o.credit ?? 0) > 0);
	const total = positive.reduce((sum, o) => sum + o.credit!, 0);
	if (Math.abs(total - 1) > 1e-4) {
		problem(`the positive credits add up to ${+total.toFixed(4)}, not 1`, ['options']);
	}
	const right = positive.map((o) => o.id);
	if (right.length !== q.answers.length || right.some((id) => !q.answers.includes(id))) {
		problem(`answers must be the options with a positive credit: ${right.join(', ')}`, ['answers']);
	}
}

export const quizFile = z
	.strictObject({
		title: text.default('Check yourself'),
		/** Omit for unlimited attempts. */
		maxAttempts: z.number().int().min(1).optional(),
		grading: z.enum(['highest', 'last', 'average']).default('highest'),
		shuffleOptions: z.boolean().default(true),
		feedback: z.enum(['immediate', 'deferred']).default('immediate'),
		questions: z.array(question).min(1, 'a quiz needs at least one question')
	})
	.superRefine((quiz, ctx) => {
		const seen = new Set<string>();
		quiz.questions.forEach((q, index) => {
			if (seen.has(q.id))
				ctx.addIssue({
					code: 'custom',
					message: `duplicate question id "${q.id}"`,
					path: ['questions', index, 'id']
				});
			seen.add(q.id);
		});
	});

export type QuizFile = z.output<typeof quizFile>;
export type Question = z.output<typeof question>;
export type QuestionType = Question['type'];
export type Citation = z.output<typeof citation>;
export type ClaimType = (typeof claimTypes)[number];

/** One line per problem naming the question, e.g. `question "q3" (#3), field "answer": …`. */
export function describeQuizIssues(error: z.ZodError, input: unknown): string[] {
	const questions = (input as { questions?: { id?: unknown }[] } | null)?.questions;
	return error.issues.map((issue) => {
		const [first, index, ...rest] = issue.path;
		if (first === 'questions' && typeof index === 'number') {
			const given = questions?.[index]?.id;
			const name =
				typeof given === 'string'
					? `question "${given}" (#${index + 1})`
					: `question #${index + 1}`;
			const field = rest.length > 0 ? `, field "${rest.join('.')}"` : '';
			return `${name}${field}: ${issue.message}`;
		}
		return `${issue.path.length ? `field "${issue.path.join('.')}": ` : ''}${issue.message}`;
	});
}
