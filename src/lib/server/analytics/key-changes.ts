// A question whose key or options changed between versions is, for its statistics, more than
// one question: the item analysis then shows each version beside the others.
import type { Question } from '$lib/content/quiz-schema';

/** What grading a version depends on: its choices' ids and its key, never its wording. */
function keyOf(question: Question): string {
	switch (question.type) {
		case 'single':
			return JSON.stringify([question.options.map((o) => o.id), question.answer]);
		case 'evidence':
			return JSON.stringify([question.sentences.map((s) => s.id), question.answer]);
		case 'multiple':
			return JSON.stringify([question.options.map((o) => o.id), [...question.answers].sort()]);
		case 'truefalse':
			return JSON.stringify(question.answer);
		case 'short':
		case 'numeric':
			return JSON.stringify(question.answers);
		case 'matching':
			return JSON.stringify([question.pairs, question.distractors]);
		case 'ordering':
			return JSON.stringify(question.items.map((item) => item.id));
		case 'essay':
			return '';
	}
}

/** The key in words, for the choice-based types; empty for the others. */
function keyInWords(question: Question): string {
	switch (question.type) {
		case 'single':
			return question.options.find((o) => o.id === question.answer)?.text ?? '';
		case 'evidence':
			return question.sentences.find((s) => s.id === question.answer)?.text ?? '';
		case 'multiple':
			return question.options
				.filter((o) => question.answers.includes(o.id))
				.map((o) => o.text)
				.join('; ');
		case 'truefalse':
			return question.answer ? 'True' : 'False';
		default:
			return '';
	}
}

export interface VersionFigures {
	/** 1 for the question's first version, and so on. */
	number: number;
	current: boolean;
	key: string;
	attempts: number;
	facility: number | null;
}

/**
 * Each version of one question (oldest first) with its own facility, when their keys or options
 * differ; none when every version grades alike (rewordings pool without a word).
 */
export function keyChanges(
	versions: { question: Question; current: boolean; attempts: number; sumScore: number }[]
): VersionFigures[] {
	if (new Set(versions.map((v) => keyOf(v.question))).size < 2) return [];
	return versions.flatMap((version, index) =>
		version.attempts > 0 || version.current
			? [
					{
						number: index + 1,
						current: version.current,
						key: keyInWords(version.question),
						attempts: version.attempts,
						facility: version.attempts ? version.sumScore / version.attempts : null
					}
				]
			: []
	);
}
