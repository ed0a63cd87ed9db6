// Our quiz → GIFT that Moodle accepts and our import reads back unchanged. Each question gets
// its id as `::title::`, its prompt marked [plain] (our prompts are plain text), per-option
// `#feedback` and the explanation as `####` general feedback. What GIFT has no place for
// (citations, claim types, quiz settings, ids, exact credits) goes in `// @question` and
// `// @quiz` comments, which Moodle ignores. Credits are written as Moodle's nearest accepted
// value, with a warning, when they are not one of its own.

import type { Question, QuizFile } from '../content/quiz-schema.ts';
import { QUESTION_TAG, QUIZ_TAG, writeData, type QuestionData, type QuizData } from './app-data.ts';
import { escapeGift } from './escape.ts';
import {
	exactCredits,
	ids,
	moodleCredit,
	multiple,
	single,
	type Warn,
	type Written
} from './export-choice.ts';
import { arrowSafe, feedback, giftText } from './export-text.ts';
import { percent } from './fractions.ts';
import { slugify } from './to-quiz.ts';

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

function writeQuestion(q: Question, warn: Warn): string | undefined {
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

/** What this question's import would infer about first-match; anything else is kept as data. */
function matchRule(q: { match?: 'first' | 'best' | undefined }, credits: number[]) {
	const inferred = new Set(credits).size > 1 ? 'first' : undefined;
	return q.match === inferred ? {} : { set: { match: q.match ?? null } };
}

function answerBlock(q: Question, warn: Warn): Written | undefined {
	const general = `####${giftText(q.explanation)}`;
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
		case 'multiple':
			return multiple(q, block, warn);
		case 'truefalse': {
			// Moodle: the first feedback is for a wrong response, the second for a right one.
			const ifTrue = q.feedback?.true ?? '';
			const ifFalse = q.feedback?.false ?? '';
			const [wrong, right] = q.answer ? [ifFalse, ifTrue] : [ifTrue, ifFalse];
			const tail = right
				? `#${giftText(wrong)}#${giftText(right)}`
				: wrong
					? `#${giftText(wrong)}`
					: '';
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
				return `=${fraction === 1 ? '' : `%${percent(fraction)}%`}${giftText(a.text)}${note}`;
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
		case 'essay': {
			// `{}` is all GIFT has for an essay: the grader's guidance, template and limits go in the data.
			const extras = {
				...(q.guidance !== undefined && { guidance: q.guidance }),
				...(q.template !== undefined && { template: q.template }),
				...(q.minWords !== undefined && { minWords: q.minWords }),
				...(q.maxWords !== undefined && { maxWords: q.maxWords })
			};
			return {
				block: `{${general}}`,
				data: Object.keys(extras).length ? { set: extras } : {}
			};
		}
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
