// Choice questions in GIFT: Moodle's single choice (one "=", credits as "~%n%") and multiple
// choice (every option "~%n%"), with the credits Moodle accepts and the app data that brings
// back what its list cannot hold.

import type { Question } from '../content/quiz-schema.ts';
import type { QuestionData } from './app-data.ts';
import { feedback, giftText } from './export-text.ts';
import { moodleFraction, nearestMoodleFraction, percent } from './fractions.ts';
import { evenShares, optionId } from './to-quiz.ts';

export interface Written {
	prompt?: string;
	block: string;
	data?: QuestionData;
}

export type Block = (lines: string[], lead?: string) => string;
export type Warn = (message: string) => void;

/** A credit Moodle accepts: the credit itself, or its nearest with a warning; null if exact. */
export function moodleCredit(credit: number, what: string, warn: Warn) {
	if (moodleFraction(credit) !== undefined) return { fraction: credit, exact: null };
	const nearest = nearestMoodleFraction(credit);
	warn(
		`${what}: credit ${percent(credit)} % is not one Moodle accepts; written as ${percent(nearest)} %` +
			' (the exact credit is kept in the // @question line for our import)'
	);
	return { fraction: nearest, exact: credit };
}

/** The ids, when they are not the ones our import gives (a, b … or p1, p2 …). */
export function ids(list: { id: string }[], standard: (index: number) => string) {
	return list.some((entry, index) => entry.id !== standard(index))
		? { ids: list.map((entry) => entry.id) }
		: {};
}

/** Exact credits by position, when any had to be rounded to Moodle's. */
export const exactCredits = (exact: (number | null)[]) =>
	exact.some((value) => value !== null) ? { credits: exact } : {};

/** Moodle's multiple choice: each option "~%n%", its weight or our default share. */
export function multiple(
	q: Extract<Question, { type: 'multiple' }>,
	block: Block,
	warn: Warn
): Written {
	const weighted = q.options.some((o) => o.credit !== undefined);
	const right = new Set(q.answers);
	const wrongCount = q.options.length - right.size;
	const credits = q.options.map((o) =>
		weighted ? (o.credit ?? 0) : right.has(o.id) ? 1 / right.size : -1 / wrongCount
	);
	const moodle = credits.map((credit, index) =>
		moodleCredit(credit, `option "${q.options[index]!.text}"`, warn)
	);
	const lines = q.options.map((o, index) => {
		const fraction = moodle[index]!.fraction;
		const prefix = fraction === 0 ? '~' : `~%${percent(fraction)}%`;
		return `${prefix}${giftText(o.text)}${feedback(o.feedback)}`;
	});
	// Import drops a zero credit and credits that are our default shares; those come back
	// from the data, as do rounded ones.
	const even = evenShares(moodle.map((m) => m.fraction));
	const exact = q.options.map((o, index) =>
		o.credit !== undefined && (even || o.credit === 0 || moodle[index]!.exact !== null)
			? o.credit
			: null
	);
	return {
		block: block(lines),
		data: { ...ids(q.options, optionId), ...exactCredits(exact) }
	};
}

/**
 * Moodle's single choice: the answer is "=", any other option with credit "~%n%", a wrong one
 * "~". (An "=" elsewhere would also be full credit, but "~%100%" keeps a "~" in the block,
 * which is what makes Moodle read it as a choice at all.)
 */
export function single(
	q: Question,
	options: { id: string; text: string; feedback?: string | undefined; credit?: number }[],
	answer: string,
	block: Block,
	warn: Warn
): Written {
	const moodle = options.map((o) =>
		o.credit === undefined || o.id === answer
			? { fraction: o.id === answer ? 1 : 0, exact: null }
			: moodleCredit(o.credit, `option "${o.text}"`, warn)
	);
	const lines = options.map((o, index) => {
		const fraction = moodle[index]!.fraction;
		const prefix = o.id === answer ? '=' : fraction === 0 ? '~' : `~%${percent(fraction)}%`;
		return `${prefix}${giftText(o.text)}${feedback(o.feedback)}`;
	});
	// Import gives the answer and zero-credit options no credit; one written out comes back
	// from the data, as do rounded ones.
	const exact = options.map((o, index) =>
		o.credit !== undefined && (o.id === answer || o.credit === 0 || moodle[index]!.exact !== null)
			? o.credit
			: null
	);
	return {
		block: block(lines),
		data: { ...ids(options, optionId), ...exactCredits(exact) }
	};
}
