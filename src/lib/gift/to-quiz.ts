// Maps parsed GIFT questions to our question types. GIFT has no claim types, citations or
// explanations (other than `####` general feedback), so those get values the author must
// replace: claimType "fact", citations [] (which the build rejects), and a TODO explanation.

import type { z } from 'zod';
import type { question } from '../content/quiz-schema.ts';
import { applyQuestionData, questionData, readData } from './app-data.ts';
import type { GiftAnswer, GiftIssue, GiftQuestion } from './types.ts';

export type QuestionInput = z.input<typeof question>;

export const EXPLANATION_TODO = 'TODO: explain, citing the article.';

export interface Imported {
	question: QuestionInput;
	line: number;
	/** Warnings about this question, without the line. */
	notes: string[];
}

export interface Mapped {
	imported: Imported[];
	errors: GiftIssue[];
}

export function toQuestions(parsed: GiftQuestion[]): Mapped {
	const ids = new Ids();
	const imported: Imported[] = [];
	const errors: GiftIssue[] = [];
	parsed.forEach((gift, index) => {
		const notes = [...gift.notes];
		const body = mapBody(gift, notes);
		if (typeof body === 'string') {
			errors.push({ line: gift.line, message: body });
			return;
		}
		let question: QuestionInput = {
			id: ids.next(gift.title, index + 1),
			prompt: gift.prompt,
			...body,
			explanation: gift.generalFeedback ?? EXPLANATION_TODO,
			claimType: 'fact' as const,
			citations: []
		};
		if (gift.app) {
			const read = readData(gift.app.json, questionData);
			if ('error' in read) {
				errors.push({ line: gift.app.line, message: read.error });
				return;
			}
			question = applyQuestionData(question, read.data);
		}
		imported.push({ question, line: gift.line, notes });
	});
	return { imported, errors };
}

type Common = 'id' | 'prompt' | 'explanation' | 'claimType' | 'citations';
/** The type-specific part of each question type (Omit applied to each member of the union). */
type Body = QuestionInput extends infer Q ? (Q extends unknown ? Omit<Q, Common> : never) : never;

/** The type-specific fields, or an error message. */
function mapBody(gift: GiftQuestion, notes: string[]): Body | string {
	switch (gift.kind) {
		case 'choice':
			return gift.single ? single(gift.answers) : multiple(gift.answers);
		case 'truefalse': {
			const [ifTrue, ifFalse] = gift.answer
				? [gift.rightFeedback, gift.wrongFeedback]
				: [gift.wrongFeedback, gift.rightFeedback];
			const feedback = {
				...(ifTrue ? { true: ifTrue } : {}),
				...(ifFalse ? { false: ifFalse } : {})
			};
			return {
				type: 'truefalse',
				answer: gift.answer,
				...(ifTrue || ifFalse ? { feedback } : {})
			};
		}
		case 'short':
			if (gift.answers.some((answer) => answer.text.includes('*'))) {
				notes.push('"*" in an answer stands for any text, as in Moodle');
			}
			return {
				type: 'short',
				answers: gift.answers.map((answer) =>
					answer.fraction === 1 && !answer.feedback
						? answer.text
						: { text: answer.text, credit: answer.fraction, ...feedbackOf(answer) }
				),
				...firstMatch(gift.answers),
				...(gift.caseSensitive ? { caseSensitive: true } : {})
			};
		case 'numeric':
			return {
				type: 'numeric',
				answers: gift.answers.map((answer) => {
					const range =
						'min' in answer
							? { min: answer.min, max: answer.max }
							: {
									value: answer.value,
									...(answer.tolerance !== 0 ? { tolerance: answer.tolerance } : {})
								};
					return {
						...range,
						...(answer.fraction !== 1 ? { credit: answer.fraction } : {}),
						...feedbackOf(answer)
					};
				}),
				...firstMatch(gift.answers),
				...(gift.wrongFeedback ? { wrongFeedback: gift.wrongFeedback } : {})
			};
		case 'essay':
			return {
				type: 'essay',
				...(gift.guidance ? { guidance: gift.guidance } : {}),
				...(gift.template ? { template: gift.template } : {}),
				...(gift.minWords ? { minWords: gift.minWords } : {}),
				...(gift.maxWords ? { maxWords: gift.maxWords } : {})
			};
		case 'matching': {
			const distractors = gift.pairs.filter((pair) => pair.left === '').map((pair) => pair.right);
			return {
				type: 'matching',
				pairs: gift.pairs
					.filter((pair) => pair.left !== '')
					.map((pair, index) => ({ id: `p${index + 1}`, prompt: pair.left, match: pair.right })),
				...(distractors.length > 0 ? { distractors } : {})
			};
		}
	}
}

/**
 * Moodle gives a typed answer the credit of the first accepted answer it matches. That differs
 * from our default (the best) only when answers have different credits, so only then is it set.
 */
const firstMatch = (answers: { fraction: number }[]) =>
	new Set(answers.map((answer) => answer.fraction)).size > 1 ? { match: 'first' as const } : {};

const feedbackOf = (answer: { feedback?: string }) =>
	answer.feedback ? { feedback: answer.feedback } : {};

/** Option ids a, b, … z, aa, ab, … */
export function optionId(index: number): string {
	let id = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		id = String.fromCharCode(97 + ((n - 1) % 26)) + id;
	}
	return id;
}

const optionsOf = (answers: GiftAnswer[], credit: (answer: GiftAnswer) => number | undefined) =>
	answers.map((answer, index) => {
		const given = credit(answer);
		return {
			id: optionId(index),
			text: answer.text,
			...feedbackOf(answer),
			...(given !== undefined ? { credit: given } : {})
		};
	});

/**
 * Moodle's single-answer multichoice: the first full-credit option is the answer; any other
 * option that earns something (part credit, a penalty, or full credit too) says so.
 */
function single(answers: GiftAnswer[]): Body | string {
	const answer = answers.findIndex((a) => a.equals);
	if (answer < 0) return 'no option has full credit: mark one with "="';
	const options = optionsOf(answers, (a) =>
		a.fraction !== 0 && answers.indexOf(a) !== answer ? a.fraction : undefined
	);
	return { type: 'single', options, answer: optionId(answer) };
}

/** Whether these weights are exactly our default scoring's: 1/k per right, -1/m per wrong. */
export function evenShares(fractions: number[]): boolean {
	const right = fractions.filter((f) => f > 0).length;
	const wrong = fractions.length - right;
	const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
	return fractions.every((f) => (f > 0 ? near(f, 1 / right) : near(f, -1 / wrong)));
}

/**
 * Moodle's multiple-answer multichoice scores the sum of the ticked options' weights. Our
 * default scoring (an equal share per right option, an equal share off per wrong one) is the
 * same only when the weights are exactly those shares; otherwise the weights are kept.
 */
function multiple(answers: GiftAnswer[]): Body | string {
	const right = answers.filter((a) => a.fraction > 0);
	if (right.length === 0) {
		return 'no answer is marked right: mark one with "=" or give it a positive %weight%';
	}
	const even = evenShares(answers.map((a) => a.fraction));
	const options = optionsOf(answers, (a) => (even || a.fraction === 0 ? undefined : a.fraction));
	return {
		type: 'multiple',
		options,
		answers: options.filter((_, index) => answers[index]!.fraction > 0).map((o) => o.id)
	};
}

/** Question ids from titles (slugified, made unique with -2, -3 …) or q1, q2 … by position. */
class Ids {
	private taken = new Set<string>();
	/** Where to go on counting for each base, so a bank of one repeated title stays linear. */
	private next_ = new Map<string, number>();

	next(title: string | undefined, position: number): string {
		const base = (title && slugify(title)) || `q${position}`;
		let id = base;
		let n = this.next_.get(base) ?? 2;
		for (; this.taken.has(id); n++) id = `${base}-${n}`;
		this.next_.set(base, n);
		this.taken.add(id);
		return id;
	}
}

export function slugify(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= 60) return slug;
	const cut = slug.slice(0, 60);
	return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}
