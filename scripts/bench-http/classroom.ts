// A class for the HTTP benchmark: students signed up through the real form, one open attempt each
// at every quiz of the course, and a queue of answer posts, each to a question not yet answered.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { quizFile, type Question } from '../../src/lib/content/quiz-schema';
import { newAccount, Visitor } from '../../tests/helpers/client';
import { projectRoot } from '../../tests/helpers/server';
import type { NextRequest } from './load';

export interface CourseQuiz {
	path: string;
	questions: Question[];
}

export interface AnswerPost {
	visitor: Visitor;
	attemptId: number;
	questionKey: string;
	path: string;
	/** As `use:enhance` posts it (JSON answer, a clientId), or as a browser without JavaScript. */
	enhanced: boolean;
	body: string;
	clientId?: string;
}

const slug = (folder: string) => folder.replace(/^\d+-/, '');

/** Every quiz of the course as authored, with the address of its start page. */
export function courseQuizzes(): CourseQuiz[] {
	const lessons = join(projectRoot, 'lessons');
	const found: CourseQuiz[] = [];
	for (const module of readdirSync(lessons, { withFileTypes: true })) {
		if (!module.isDirectory()) continue;
		for (const lesson of readdirSync(join(lessons, module.name), { withFileTypes: true })) {
			const file = join(lessons, module.name, lesson.name, 'quiz.yaml');
			let source: string;
			try {
				source = readFileSync(file, 'utf8');
			} catch {
				continue;
			}
			found.push({
				path: `/learn/${slug(module.name)}/${slug(lesson.name)}/quiz`,
				questions: quizFile.parse(parse(source)).questions
			});
		}
	}
	return found;
}

/** Runs `work` over `items`, `parallel` at a time. */
export async function eachLimited<T>(
	items: readonly T[],
	parallel: number,
	work: (item: T, index: number) => Promise<void>
): Promise<void> {
	let next = 0;
	const lane = async () => {
		while (next < items.length) {
			const index = next++;
			await work(items[index]!, index);
		}
	};
	await Promise.all(Array.from({ length: parallel }, lane));
}

export async function signUpStudents(url: string, count: number): Promise<Visitor[]> {
	const students: Visitor[] = [];
	// Each from an address of its own (the sign-up limit counts per address).
	const addresses = Array.from({ length: count }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.7`);
	await eachLimited(addresses, 4, async (address) => {
		const visitor = new Visitor(url, address);
		const response = await visitor.post('/sign-up', newAccount());
		if (response.status !== 303) throw new Error(`sign-up refused: ${response.status}`);
		students.push(visitor);
	});
	return students;
}

/** Starts an attempt and answers with its path (`…/quiz/<attempt id>`). */
export async function startAttempt(visitor: Visitor, quiz: CourseQuiz): Promise<string> {
	const response = await visitor.post(`${quiz.path}?/start`, {});
	const location = response.headers.get('location');
	if (response.status !== 303 || !location) throw new Error(`start refused: ${response.status}`);
	return location;
}

/**
 * A valid answer by shown positions, as the attempt's screen offers it (right or wrong does not
 * matter here): the same fields a browser sends, with or without JavaScript.
 */
export function answerFields(question: Question, enhanced: boolean): [string, string][] {
	const fields: [string, string][] = [['question', question.id]];
	switch (question.type) {
		case 'single':
		case 'evidence':
			return [...fields, ['answer', '0']];
		case 'multiple':
			return [...fields, ['answer', '0'], ['answer', '1']];
		case 'truefalse':
			return [...fields, ['answer', 'true']];
		case 'short':
			return [...fields, ['answer', 'the sources']];
		case 'numeric':
			return [...fields, ['answer', '42']];
		case 'matching':
			return [...fields, ...question.pairs.map((_, i): [string, string] => [`match:${i}`, `${i}`])];
		case 'ordering':
			// The reorderable list posts `order` in sequence; without JavaScript, a rank per item.
			return [
				...fields,
				...question.items.map((_, i): [string, string] =>
					enhanced ? ['order', `${i}`] : [`position:${i}`, `${i + 1}`]
				)
			];
		case 'essay':
			return [...fields, ['answer', 'The sources say the groups act locally.']];
	}
}

export function answerPost(
	visitor: Visitor,
	attemptPath: string,
	question: Question,
	enhanced: boolean
): AnswerPost {
	const fields = answerFields(question, enhanced);
	const clientId = enhanced ? crypto.randomUUID() : undefined;
	if (clientId) fields.push(['clientId', clientId]);
	return {
		visitor,
		attemptId: Number(attemptPath.split('/').at(-1)),
		questionKey: question.id,
		path: `${attemptPath}?/answer`,
		enhanced,
		body: new URLSearchParams(fields).toString(),
		clientId
	};
}

/**
 * Every student's attempt at every quiz, and one post per question of each, interleaved so that
 * posts in a row come from different students and question types.
 */
export async function answerQueue(
	students: Visitor[],
	quizzes: CourseQuiz[]
): Promise<AnswerPost[]> {
	const perStudent: AnswerPost[][] = students.map(() => []);
	const jobs = students.flatMap((visitor, s) => quizzes.map((quiz) => ({ visitor, s, quiz })));
	await eachLimited(jobs, 8, async ({ visitor, s, quiz }) => {
		const attemptPath = await startAttempt(visitor, quiz);
		quiz.questions.forEach((question, q) =>
			perStudent[s]!.push(answerPost(visitor, attemptPath, question, (s + q) % 2 === 0))
		);
	});
	const queue: AnswerPost[] = [];
	const longest = Math.max(...perStudent.map((posts) => posts.length));
	for (let i = 0; i < longest; i++)
		for (const posts of perStudent) if (posts[i]) queue.push(posts[i]!);
	return queue;
}

/** The headers a browser sends with the post (JSON asked for by `use:enhance`). */
export function postHeaders(post: AnswerPost, origin: string): Record<string, string> {
	const cookie = [...post.visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	return {
		'x-forwarded-for': post.visitor.address,
		cookie,
		origin,
		'accept-encoding': 'br, gzip',
		'content-type': 'application/x-www-form-urlencoded',
		...(post.enhanced
			? { accept: 'application/json', 'x-sveltekit-action': 'true' }
			: { accept: 'text/html,application/xhtml+xml' })
	};
}

/**
 * The result of an enhanced post, unless it came compressed (the load generator hands bodies over
 * as text, which compressed bytes do not survive): only an answer carrying the question's new
 * state is over the 1 KB below which nothing is compressed, never a refusal or a redirect.
 */
function carriesAnswer(headers: Record<string, string | string[] | undefined>): boolean {
	return Object.keys(headers).some((name) => name.toLowerCase() === 'content-encoding');
}

/**
 * Whether the server's answer says it saved the post: a redirect to the question's feedback, or
 * (enhanced) a result with the question's new state or the redirect.
 */
export function acknowledged(
	post: AnswerPost,
	status: number,
	body: string,
	headers: Record<string, string | string[] | undefined>
): boolean {
	if (!post.enhanced) return status === 303;
	if (status !== 200) return false;
	if (carriesAnswer(headers)) return true;
	try {
		const parsed = JSON.parse(body) as { type?: string };
		return parsed.type === 'redirect' || parsed.type === 'success';
	} catch {
		return false;
	}
}

/**
 * What the quiz page asks for next because of the answer to an enhanced post: a redirect result
 * makes it load the page data where the redirect points (`goto` with `invalidateAll`: every load
 * of the page runs again); an answer carrying its own data needs nothing more. A browser without
 * JavaScript loads the page a 303 points to; that is a page view, left to the lesson route.
 */
export function followUp(
	post: AnswerPost,
	status: number,
	body: string,
	headers: Record<string, string | string[] | undefined>
): NextRequest | undefined {
	if (!post.enhanced || status !== 200 || carriesAnswer(headers)) return undefined;
	let location: string | undefined;
	try {
		const parsed = JSON.parse(body) as { type?: string; location?: string };
		if (parsed.type === 'redirect') location = parsed.location;
	} catch {
		return undefined;
	}
	if (!location) return undefined;
	const target = new URL(location, 'http://course');
	const cookie = [...post.visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	return {
		method: 'GET',
		path: `${target.pathname}/__data.json${target.search}`,
		headers: {
			cookie,
			'x-forwarded-for': post.visitor.address,
			'accept-encoding': 'br, gzip'
		}
	};
}
