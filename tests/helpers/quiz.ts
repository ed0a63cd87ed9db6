import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { quizFile, type Question } from '../../src/lib/content/quiz-schema';
import type { Visitor } from './client';
import { projectRoot } from './server';

export const QUIZ_PATH = '/learn/franchise-model/local-allies/quiz';

/** The sample lesson's quiz as authored: the tests know the key, the browser must not. */
export const sampleQuiz = quizFile.parse(
	parse(
		readFileSync(join(projectRoot, 'lessons/01-franchise-model/01-local-allies/quiz.yaml'), 'utf8')
	)
);

type Fields = Record<string, string | string[]>;

/** Form fields answering `question` right (or wrong, where the type allows it simply). */
export function answerFields(question: Question, right = true): Fields {
	const base = { question: question.id };
	switch (question.type) {
		case 'single':
		case 'evidence': {
			const options = question.type === 'single' ? question.options : question.sentences;
			const wrong = options.find((option) => option.id !== question.answer)!.id;
			return { ...base, answer: right ? question.answer : wrong };
		}
		case 'multiple': {
			const wrong = question.options.filter((option) => !question.answers.includes(option.id));
			return { ...base, answer: right ? question.answers : wrong.map((option) => option.id) };
		}
		case 'truefalse':
			return { ...base, answer: String(right ? question.answer : !question.answer) };
		case 'short':
			return {
				...base,
				answer: right ? question.answers.find((a) => a.credit === 1)!.text : 'zzz'
			};
		case 'numeric': {
			const answer = question.answers.find((a) => a.credit === 1)!;
			const value = 'value' in answer ? answer.value : answer.min;
			return { ...base, answer: String(right ? value : value + 1000) };
		}
		case 'matching': {
			const ids = question.pairs.map((pair) => pair.id);
			return Object.fromEntries([
				...Object.entries(base),
				// wrong: each item matched to the next item's choice
				...ids.map((id, i) => [`match:${id}`, right ? id : ids[(i + 1) % ids.length]!])
			]);
		}
		case 'ordering': {
			const ids = question.items.map((item) => item.id);
			return { ...base, order: right ? ids : [...ids].reverse() };
		}
	}
}

/** Starts (or resumes) the sample quiz and returns the attempt's path. */
export async function startAttempt(visitor: Visitor): Promise<string> {
	const response = await visitor.post(`${QUIZ_PATH}?/start`, {});
	const location = response.headers.get('location');
	if (response.status !== 303 || !location) throw new Error(`start failed: ${response.status}`);
	return location;
}
