// Our quiz → GIFT. Each question gets its id as `::title::`, its prompt marked [markdown],
// per-option `#feedback` and the explanation as `####` general feedback. Ordering and evidence
// questions have no GIFT form and are skipped with a warning. Claim types and citations have
// no place in GIFT and are left out.

import type { Question, QuizFile } from '../content/quiz-schema.ts';
import { escapeGift } from './escape.ts';

export interface ExportWarning {
	question: string;
	message: string;
}

export interface ExportResult {
	gift: string;
	exported: number;
	warnings: ExportWarning[];
}

const e = escapeGift;

/** Percentages as Moodle writes them: at most five decimals. */
export const percent = (fraction: number) => String(Number((fraction * 100).toFixed(5)));

const feedback = (text: string | undefined) => (text ? `#${e(text)}` : '');

export function exportGift(quiz: QuizFile, options: { sourceName?: string } = {}): ExportResult {
	const warnings: ExportWarning[] = [];
	const blocks = [
		[
			`// ${quiz.title}${options.sourceName ? ` (from ${options.sourceName})` : ''}`,
			'// Exported by `npm run gift -- export`: claim types and citations are not included.'
		].join('\n')
	];
	let exported = 0;
	for (const q of quiz.questions) {
		const answers = answerBlock(q, (message) => warnings.push({ question: q.id, message }));
		if (answers === undefined) continue;
		blocks.push(`::${e(q.id)}::[markdown]${e(q.prompt)}${answers}`);
		exported++;
	}
	return { gift: `${blocks.join('\n\n')}\n`, exported, warnings };
}

/** The `{…}` part, or undefined when the question cannot be written in GIFT. */
function answerBlock(q: Question, warn: (message: string) => void): string | undefined {
	const general = `####${e(q.explanation)}`;
	const block = (lines: string[], lead = '') => `{${lead}\n${[...lines, general].join('\n')}\n}`;
	switch (q.type) {
		case 'single':
			return block(
				q.options.map((o) => `${o.id === q.answer ? '=' : '~'}${e(o.text)}${feedback(o.feedback)}`)
			);
		case 'multiple': {
			const right = new Set(q.answers);
			const wrongCount = q.options.length - right.size;
			return block(
				q.options.map((o) => {
					const weight = right.has(o.id) ? 1 / right.size : -1 / wrongCount;
					return `~%${percent(weight)}%${e(o.text)}${feedback(o.feedback)}`;
				})
			);
		}
		case 'truefalse': {
			// Moodle: the first feedback is for a wrong response, the second for a right one.
			const ifTrue = q.feedback?.true ?? '';
			const ifFalse = q.feedback?.false ?? '';
			const [wrong, right] = q.answer ? [ifFalse, ifTrue] : [ifTrue, ifFalse];
			const tail = right ? `#${e(wrong)}#${e(right)}` : wrong ? `#${e(wrong)}` : '';
			return `{${q.answer ? 'TRUE' : 'FALSE'}${tail}${general}}`;
		}
		case 'short':
			return block(
				q.answers.map(
					(a) =>
						`=${a.credit === 1 ? '' : `%${percent(a.credit)}%`}${e(a.text)}${feedback(a.feedback)}`
				)
			);
		case 'numeric':
			return block(
				q.answers.map((a) => {
					const range = 'min' in a ? `${a.min}..${a.max}` : `${a.value}:${a.tolerance}`;
					const weight = a.credit === 1 ? '' : `%${percent(a.credit)}%`;
					return `=${weight}${range}${feedback(a.feedback)}`;
				}),
				'#'
			);
		case 'matching': {
			if (q.pairs.some((pair) => pair.prompt.includes('->'))) {
				warn('a left-hand side contains "->", which GIFT reads as the pair separator');
			}
			return block([
				...q.pairs.map((pair) => `=${e(pair.prompt)} -> ${e(pair.match)}`),
				...q.distractors.map((extra) => `= -> ${e(extra)}`)
			]);
		}
		case 'ordering':
			warn('skipped: GIFT has no ordering questions');
			return undefined;
		case 'evidence':
			warn(
				'skipped: GIFT has no evidence questions (a claim checked against sentences of an article)'
			);
			return undefined;
	}
}
