import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as devalue from 'devalue';
import { parse } from 'yaml';
import { quizFile, type Question } from '../../src/lib/content/quiz-schema';
import type { Visitor } from './client';
import { projectRoot } from './server';

export const QUIZ_PATH = '/learn/franchise-model/local-allies/quiz';

/** A lesson's quiz as authored (`lessonFolder` like '01-franchise-model/01-local-allies'). */
export function quizOf(lessonFolder: string) {
	const path = join(projectRoot, 'lessons', lessonFolder, 'quiz.yaml');
	return quizFile.parse(parse(readFileSync(path, 'utf8')));
}

/** The sample lesson's quiz: the tests know the key, the browser must not. */
export const sampleQuiz = quizOf('01-franchise-model/01-local-allies');

type Fields = Record<string, string | string[]>;

const decode = (html: string) =>
	html
		.replace(/<[^>]+>/g, '')
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.trim();

/**
 * How the attempt page names a question's choices: the browser sees positions, not authored
 * ids, so tests look them up by their text, as a learner would.
 */
export function shownChoices(html: string, questionKey: string) {
	const start = html.indexOf(`id="q-${questionKey}"`);
	const section = html.slice(start, html.indexOf('</section>', start));
	const byText = new Map<string, string>();
	for (const m of section.matchAll(
		/<input[^>]*value="(\d+)"[^>]*>\s*<span[^>]*>([\s\S]*?)<\/span>/g
	))
		byText.set(decode(m[2]!), m[1]!);
	for (const m of section.matchAll(/<option value="(\d+)"[^>]*>([\s\S]*?)<\/option>/g))
		byText.set(decode(m[2]!), m[1]!);
	const fields = new Map<string, string>();
	for (const m of section.matchAll(
		/<label for="([^"]+)"[^>]*>([\s\S]*?)<\/label>\s*(?:<div[^>]*>\s*)?<select id="\1" name="([^"]+)"/g
	)) {
		fields.set(decode(m[2]!), m[3]!);
	}
	return { byText, fields };
}

/** Form fields answering `question` right (or wrong), given the attempt page's HTML. */
export function answerFields(question: Question, html: string, right = true): Fields {
	const { byText, fields } = shownChoices(html, question.id);
	const at = (text: string) => {
		const position = byText.get(text);
		if (position === undefined) throw new Error(`${question.id}: no choice "${text}" on the page`);
		return position;
	};
	const base = { question: question.id };
	switch (question.type) {
		case 'single':
		case 'evidence': {
			const options = question.type === 'single' ? question.options : question.sentences;
			const pick = options.find((option) => (option.id === question.answer) === right)!;
			return { ...base, answer: at(pick.text) };
		}
		case 'multiple': {
			const picks = question.options.filter(
				(option) => question.answers.includes(option.id) === right
			);
			return { ...base, answer: picks.map((option) => at(option.text)) };
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
			const { pairs } = question;
			// wrong: each item matched to the next item's match
			return Object.fromEntries([
				...Object.entries(base),
				...pairs.map((pair, i) => [
					fields.get(pair.prompt)!,
					at((right ? pair : pairs[(i + 1) % pairs.length]!).match)
				])
			]);
		}
		case 'ordering': {
			const items = right ? question.items : [...question.items].reverse();
			return Object.fromEntries([
				...Object.entries(base),
				...items.map((item, rank) => [fields.get(item.text)!, String(rank + 1)])
			]);
		}
		case 'essay':
			return { ...base, answer: 'The article says the groups act locally.' };
	}
}

/** Starts (or resumes) the sample quiz and returns the attempt's path. */
export async function startAttempt(visitor: Visitor): Promise<string> {
	const response = await visitor.post(`${QUIZ_PATH}?/start`, {});
	const location = response.headers.get('location');
	if (response.status !== 303 || !location) throw new Error(`start failed: ${response.status}`);
	return location;
}

/** The screen of one question of an attempt: the page shows one question at a time. */
export function questionPath(attemptPath: string, question: Question, quiz = sampleQuiz): string {
	const index = quiz.questions.findIndex((candidate) => candidate.id === question.id);
	if (index < 0) throw new Error(`${question.id} is not a question of this quiz`);
	return `${attemptPath}?q=${index + 1}`;
}

/** Answers one question the way its screen offers it (fetching the screen first). */
export async function postAnswer(
	visitor: Visitor,
	attemptPath: string,
	question: Question,
	right = true
) {
	const html = await (await visitor.get(questionPath(attemptPath, question))).text();
	return visitor.post(`${attemptPath}?/answer`, answerFields(question, html, right));
}

/** Answers every question of the sample quiz (all right or all wrong) and submits the attempt. */
export async function submitSampleQuiz(visitor: Visitor, right = true): Promise<void> {
	const attempt = await startAttempt(visitor);
	for (const question of sampleQuiz.questions) {
		const answered = await postAnswer(visitor, attempt, question, right);
		if (answered.status !== 303) throw new Error(`answer to ${question.id}: ${answered.status}`);
	}
	const submitted = await visitor.post(`${attempt}?/submit`, {});
	if (submitted.status !== 303) throw new Error(`submit failed: ${submitted.status}`);
}

/** The review page's own choices for the card on it (question `key`), answered right. */
export async function reviewFields(visitor: Visitor, key: string) {
	const html = await (await visitor.get('/review')).text();
	return answerFields(
		sampleQuiz.questions.find((q) => q.id === key)!,
		html
	);
}

/**
 * Posts a form as `use:enhance` does: SvelteKit then answers with JSON (the action's data, a
 * failure, or where it would redirect) instead of a page.
 */
export function postEnhanced(visitor: Visitor, path: string, fields: Fields) {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields))
		for (const one of [value].flat()) body.append(key, one);
	return fetch(new URL(path, visitor.baseUrl), {
		method: 'POST',
		headers: {
			'x-forwarded-for': visitor.address,
			cookie: [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
			origin: visitor.baseUrl,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body,
		redirect: 'manual'
	});
}

/** A `use:enhance` reply (an ActionResult), its data decoded from devalue's format. */
export async function actionResult(response: Response) {
	const result = (await response.json()) as { type: string; data?: string; location?: string };
	return { ...result, data: result.data === undefined ? undefined : devalue.parse(result.data) };
}

/** The text a learner types for full credit on a short or numeric question. */
export function typedAnswer(question: Question & { type: 'short' | 'numeric' }): string {
	const accepted = question.answers.find((answer) => answer.credit === 1)!;
	if ('text' in accepted) return accepted.text;
	return 'value' in accepted ? String(accepted.value) : String(accepted.min);
}
