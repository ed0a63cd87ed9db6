// Maps parsed GIFT questions to our question types. GIFT has no claim types, citations or
// explanations (other than `####` general feedback), so those get values the author must
// replace: claimType "fact", citations [] (which the build rejects), and a TODO explanation.

import type { z } from 'zod';
import type { question } from '../content/quiz-schema.ts';
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
		const question = {
			id: ids.next(gift.title, index + 1),
			prompt: gift.prompt,
			...body,
			explanation: gift.generalFeedback ?? EXPLANATION_TODO,
			claimType: 'fact' as const,
			citations: []
		};
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
			return choice(gift.answers, notes);
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
			return {
				type: 'short',
				answers: gift.answers.map((answer) => {
					const credit = weightOf(answer) / 100;
					if (credit === 1 && !answer.feedback) return answer.text;
					return { text: answer.text, credit, ...feedbackOf(answer) };
				})
			};
		case 'numeric':
			return {
				type: 'numeric',
				answers: gift.answers.map((answer) => {
					const credit = weightOf(answer) / 100;
					const range =
						'min' in answer
							? { min: answer.min, max: answer.max }
							: {
									value: answer.value,
									...(answer.tolerance !== 0 ? { tolerance: answer.tolerance } : {})
								};
					return { ...range, ...(credit !== 1 ? { credit } : {}), ...feedbackOf(answer) };
				})
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

/** `=` is 100 % and `~` 0 % unless a `%n%` weight says otherwise. */
const weightOf = (answer: { prefix: '=' | '~'; weight?: number }) =>
	answer.weight ?? (answer.prefix === '=' ? 100 : 0);

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

const near = (a: number, b: number) => Math.abs(a - b) < 0.01;

/**
 * One right answer and no weights: single. Weights or several right answers: multiple, whose
 * answers are the options with a positive weight. Our multiple scoring gives each right pick
 * an equal share and takes an equal share off per wrong pick, which is Moodle's scoring only
 * when the right weights are all 100/k and the wrong ones all -100/m; otherwise we say so.
 */
function choice(answers: GiftAnswer[], notes: string[]): Body | string {
	const options = answers.map((answer, index) => ({
		id: optionId(index),
		text: answer.text,
		...feedbackOf(answer)
	}));
	const weights = answers.map(weightOf);
	const right = options.filter((_, index) => weights[index]! > 0).map((option) => option.id);
	if (right.length === 0) {
		return 'no answer is marked right: mark one with "=" or give it a positive %weight%';
	}
	const weighted = answers.some((answer) => answer.weight !== undefined);
	if (!weighted && right.length === 1) {
		return { type: 'single', options, answer: right[0]! };
	}
	const wrongCount = answers.length - right.length;
	const even = weights.every((weight) =>
		weight > 0 ? near(weight, 100 / right.length) : near(weight, -100 / wrongCount)
	);
	if (!even) {
		notes.push(
			`option weights (${weights.map((w) => `${w}%`).join(', ')}) are not kept: a multiple-answer` +
				' question gives each right option an equal share of the credit and takes an equal' +
				' share off for each wrong pick'
		);
	}
	return { type: 'multiple', options, answers: right };
}

/** Question ids from titles (slugified, made unique with -2, -3 …) or q1, q2 … by position. */
class Ids {
	private taken = new Set<string>();

	next(title: string | undefined, position: number): string {
		const base = (title && slugify(title)) || `q${position}`;
		let id = base;
		for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
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
