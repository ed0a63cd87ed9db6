// Our quiz → GIFT that Moodle accepts and our import reads back unchanged. Each question gets
// its id as `::title::`, its prompt marked [plain] (our prompts are plain text), per-option
// `#feedback` and the explanation as `####` general feedback. What GIFT has no place for
// (citations, claim types, quiz settings, ids, exact credits) goes in `// @question` and
// `// @quiz` comments, which Moodle ignores. Credits are written as Moodle's nearest accepted
// value, with a warning, when they are not one of its own.

import type { Question, QuizFile } from '../content/quiz-schema.ts';
import { QUESTION_TAG, QUIZ_TAG, writeData, type QuestionData, type QuizData } from './app-data.ts';
import { escapeGift } from './escape.ts';
import { moodleFraction, nearestMoodleFraction, percent } from './fractions.ts';
import { evenShares, optionId, slugify } from './to-quiz.ts';

export { percent };

export interface ExportWarning {
	question: string;
	message: string;
}

export interface ExportResult {
	gift: string;
	exported: number;
	warnings: ExportWarning[];
}

/**
 * A text in a place that reads a format marker: a leading `[…]` or `%…%` would be taken for a
 * marker or a weight, so such a text gets an explicit [plain] first.
 */
const t = (text: string) => `${/^[[%]/.test(text) ? '[plain]' : ''}${escapeGift(text)}`;

const feedback = (text: string | undefined) => (text ? `#${t(text)}` : '');

export function exportGift(quiz: QuizFile, options: { sourceName?: string } = {}): ExportResult {
	const warnings: ExportWarning[] = [];
	const { questions, ...settings } = quiz;
	const blocks = [
		[
			`// ${quiz.title.replace(/\s+/g, ' ')}${options.sourceName ? ` (from ${options.sourceName})` : ''}`,
			'// Exported by `npm run gift -- export`. Moodle ignores the // @quiz and // @question',
			'// lines; our import reads back from them what GIFT cannot say (citations, claim types…).',
			writeData(QUIZ_TAG, settings satisfies QuizData)
		].join('\n')
	];
	for (const q of questions) {
		const warn = (message: string) => warnings.push({ question: q.id, message });
		const written = writeQuestion(q, warn);
		if (written) blocks.push(written);
	}
	return { gift: `${blocks.join('\n\n')}\n`, exported: blocks.length - 1, warnings };
}

interface Written {
	prompt?: string;
	block: string;
	data?: QuestionData;
}

function writeQuestion(q: Question, warn: (message: string) => void): string | undefined {
	const written = answerBlock(q, warn);
	if (!written) return undefined;
	const data: QuestionData = {
		claimType: q.claimType,
		citations: q.citations,
		...(slugify(q.id) !== q.id ? { id: q.id } : {}),
		...written.data
	};
	return [
		writeData(QUESTION_TAG, data),
		`::${escapeGift(q.id)}::[plain]${escapeGift(written.prompt ?? q.prompt)}${written.block}`
	].join('\n');
}

/** A credit Moodle accepts: the credit itself, or its nearest with a warning; null if exact. */
function moodleCredit(credit: number, what: string, warn: (message: string) => void) {
	if (moodleFraction(credit) !== undefined) return { fraction: credit, exact: null };
	const nearest = nearestMoodleFraction(credit);
	warn(
		`${what}: credit ${percent(credit)} % is not one Moodle accepts; written as ${percent(nearest)} %` +
			' (the exact credit is kept in the // @question line for our import)'
	);
	return { fraction: nearest, exact: credit };
}

/** The ids, when they are not the ones our import gives (a, b … or p1, p2 …). */
function ids(list: { id: string }[], standard: (index: number) => string) {
	return list.some((entry, index) => entry.id !== standard(index))
		? { ids: list.map((entry) => entry.id) }
		: {};
}

/** Exact credits by position, when any had to be rounded to Moodle's. */
const exactCredits = (exact: (number | null)[]) =>
	exact.some((value) => value !== null) ? { credits: exact } : {};

/** What this question's import would infer about first-match; anything else is kept as data. */
function matchRule(q: { match?: 'first' | 'best' | undefined }, credits: number[]) {
	const inferred = new Set(credits).size > 1 ? 'first' : undefined;
	return q.match === inferred ? {} : { set: { match: q.match ?? null } };
}

function answerBlock(q: Question, warn: (message: string) => void): Written | undefined {
	const general = `####${t(q.explanation)}`;
	const block = (lines: string[], lead = '') => `{${lead}\n${[...lines, general].join('\n')}\n}`;
	switch (q.type) {
		case 'single':
			return single(q, q.options, q.answer, block, warn);
		case 'evidence': {
			warn(
				'written as a single choice of its sentences, the claim added to the prompt (GIFT has no evidence questions)'
			);
			const written = single(q, q.sentences, q.answer, block, warn);
			return {
				...written,
				prompt: `${q.prompt}\nClaim: ${q.claim}`,
				data: { ...written.data, as: 'evidence', claim: q.claim, source: q.source }
			};
		}
		case 'multiple': {
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
				return `${prefix}${t(o.text)}${feedback(o.feedback)}`;
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
		case 'truefalse': {
			// Moodle: the first feedback is for a wrong response, the second for a right one.
			const ifTrue = q.feedback?.true ?? '';
			const ifFalse = q.feedback?.false ?? '';
			const [wrong, right] = q.answer ? [ifFalse, ifTrue] : [ifTrue, ifFalse];
			const tail = right ? `#${t(wrong)}#${t(right)}` : wrong ? `#${t(wrong)}` : '';
			// An empty feedback object has no GIFT form; only the data brings it back.
			const empty = q.feedback && !ifTrue && !ifFalse ? { set: { feedback: {} } } : {};
			return { block: `{${q.answer ? 'TRUE' : 'FALSE'}${tail}${general}}`, data: empty };
		}
		case 'short': {
			// Moodle reads a block of "=" answers with "->" anywhere in it as a matching.
			if (q.answers.some((a) => a.text.includes('->'))) {
				warn('skipped: an answer contains "->", which makes Moodle read the question as matching');
				return undefined;
			}
			const moodle = q.answers.map((a) => moodleCredit(a.credit, `answer "${a.text}"`, warn));
			const lines = q.answers.map((a, index) => {
				const fraction = moodle[index]!.fraction;
				const note = a.feedback ? `#${arrowSafe(a.feedback)}` : '';
				return `=${fraction === 1 ? '' : `%${percent(fraction)}%`}${t(a.text)}${note}`;
			});
			const rule = matchRule(
				q,
				q.answers.map((a) => a.credit)
			);
			return {
				block: block(lines),
				data: {
					...exactCredits(moodle.map((m) => m.exact)),
					...(q.caseSensitive !== undefined
						? { set: { ...rule.set, caseSensitive: q.caseSensitive } }
						: rule)
				}
			};
		}
		case 'numeric': {
			const moodle = q.answers.map((a, index) =>
				moodleCredit(a.credit, `answer ${index + 1}`, warn)
			);
			const lines = q.answers.map((a, index) => {
				const range = 'min' in a ? `${a.min}..${a.max}` : `${a.value}:${a.tolerance}`;
				const fraction = moodle[index]!.fraction;
				const weight = fraction === 1 ? '' : `%${percent(fraction)}%`;
				return `=${weight}${range}${feedback(a.feedback)}`;
			});
			if (q.wrongFeedback) lines.push(`~${feedback(q.wrongFeedback)}`);
			return {
				block: block(lines, '#'),
				data: {
					...exactCredits(moodle.map((m) => m.exact)),
					...matchRule(
						q,
						q.answers.map((a) => a.credit)
					)
				}
			};
		}
		case 'matching':
			return {
				block: block([
					...q.pairs.map((pair) => `=${arrowSafe(pair.prompt)} -> ${escapeGift(pair.match)}`),
					...q.distractors.map((extra) => `= -> ${escapeGift(extra)}`)
				]),
				data: ids(q.pairs, (index) => `p${index + 1}`)
			};
		case 'ordering': {
			warn(
				'written as matching by position (1, 2 … to each item); Moodle scores it as a matching, a share per right position'
			);
			return {
				block: block(q.items.map((item, index) => `=${index + 1} -> ${escapeGift(item.text)}`)),
				data: { as: 'ordering', ...ids(q.items, (index) => `i${index + 1}`) }
			};
		}
	}
}

/**
 * A text where "->" would be read as syntax (a matching's left side, a short answer's
 * feedback): written in HTML, "->" as "-&gt;", which reads back as "->".
 */
function arrowSafe(text: string): string {
	if (!text.includes('->')) return t(text);
	const html = text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		// HTML folds runs of spaces and spaces at a line break; encoded, they are kept.
		.replace(/ (?= |\n)|(?<=\n| ) /g, '&#32;')
		.replace(/\n/g, '<br>');
	return `[html]${escapeGift(html)}`;
}

type Block = (lines: string[], lead?: string) => string;

/**
 * Moodle's single choice: the answer is "=", any other option with credit "~%n%", a wrong one
 * "~". (An "=" elsewhere would also be full credit, but "~%100%" keeps a "~" in the block,
 * which is what makes Moodle read it as a choice at all.)
 */
function single(
	q: Question,
	options: { id: string; text: string; feedback?: string | undefined; credit?: number }[],
	answer: string,
	block: Block,
	warn: (message: string) => void
): Written {
	const moodle = options.map((o) =>
		o.credit === undefined || o.id === answer
			? { fraction: o.id === answer ? 1 : 0, exact: null }
			: moodleCredit(o.credit, `option "${o.text}"`, warn)
	);
	const lines = options.map((o, index) => {
		const fraction = moodle[index]!.fraction;
		const prefix = o.id === answer ? '=' : fraction === 0 ? '~' : `~%${percent(fraction)}%`;
		return `${prefix}${t(o.text)}${feedback(o.feedback)}`;
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
