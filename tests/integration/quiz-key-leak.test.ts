import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/quiz-schema';
import { newAccount, Visitor } from '../helpers/client';
import { postAnswer, QUIZ_PATH, sampleQuiz, startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

/** Everything that would give an answer away before it is given. */
function keyMaterial(question: Question): string[] {
	const secrets = [question.explanation, ...question.citations.map((citation) => citation.quote)];
	if (question.type === 'single' || question.type === 'multiple') {
		secrets.push(...question.options.flatMap((option) => option.feedback ?? []));
	}
	if (question.type === 'evidence')
		secrets.push(...question.sentences.flatMap((s) => s.feedback ?? []));
	if (question.type === 'truefalse') secrets.push(...Object.values(question.feedback ?? {}));
	if (question.type === 'short' || question.type === 'numeric') {
		secrets.push(...question.answers.flatMap((answer) => answer.feedback ?? []));
	}
	if (question.type === 'short') secrets.push(...question.answers.map((answer) => answer.text));
	// A number or a boolean is no secret as text, only as a keyed value: "value":90 in JSON,
	// value:90 in the page's inline data. (__data.json's devalue format is covered by field names.)
	if (question.type === 'numeric') {
		secrets.push(
			...question.answers.flatMap((answer) =>
				Object.entries(answer)
					.filter(([, value]) => typeof value === 'number')
					.flatMap(([key, value]) => [`"${key}":${value}`, `${key}:${value}`])
			)
		);
	}
	if (question.type === 'truefalse')
		secrets.push(`"answer":${question.answer}`, `answer:${question.answer}`);
	// Authored ids can be telling (an item id with a year in it); the page uses positions instead.
	const ids =
		question.type === 'single' || question.type === 'multiple'
			? question.options
			: question.type === 'evidence'
				? question.sentences
				: question.type === 'ordering'
					? question.items
					: question.type === 'matching'
						? question.pairs
						: [];
	secrets.push(...ids.map((entry) => `"${entry.id}"`));
	return secrets;
}

/** What the page may show before answering; key material that also appears here is no secret. */
function publicText(question: Question): string[] {
	const texts = [question.prompt];
	if (question.type === 'single' || question.type === 'multiple')
		texts.push(...question.options.map((o) => o.text));
	if (question.type === 'evidence')
		texts.push(question.claim, ...question.sentences.map((s) => s.text));
	if (question.type === 'matching') {
		texts.push(
			...question.pairs.flatMap((pair) => [pair.prompt, pair.match]),
			...question.distractors
		);
	}
	if (question.type === 'ordering') texts.push(...question.items.map((item) => item.text));
	return texts;
}

// Escaped forms too: HTML entities in pages, JSON escapes in data.
const variants = (text: string) => [
	text,
	text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;'),
	JSON.stringify(text).slice(1, -1)
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whole words only: a two-letter key such as "LJ" turns up by chance inside random tokens and
 * hashed chunk names, and that is not a leak.
 */
const contains = (body: string, secret: string) =>
	variants(secret).some((form) =>
		new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(form)}(?![A-Za-z0-9])`).test(body)
	);

/**
 * The page, its data request, and every script and style it loads, followed through static
 * imports. Kit names the page's own route modules by number (`node_ids`) and loads them through
 * the app's module list; dynamic imports elsewhere are other pages' code and are not followed.
 */
async function everythingDelivered(visitor: Visitor, path: string): Promise<Map<string, string>> {
	const delivered = new Map<string, string>();
	const queue = [path, `${path}/__data.json`];
	let nodeIds: number[] = [];
	const fetchOne = async (target: string) => {
		const url = new URL(target, server.url);
		const key = url.pathname + url.search;
		if (delivered.has(key)) return;
		const body = await (await visitor.get(key)).text();
		delivered.set(key, body);
		const isScript = url.pathname.endsWith('.js');
		const references = isScript
			? /(?:from|import)\s*["']((?:\.{1,2}\/|\/_app\/)[^"']+?\.(?:js|css))["']/g
			: /["'(]((?:\.{1,2}\/|\/_app\/)[^"'()\s]+?\.(?:js|css))["')]/g;
		for (const match of body.matchAll(references)) queue.push(new URL(match[1]!, url).pathname);
		const ids = /node_ids:\s*\[([\d,\s]+)\]/.exec(body);
		if (ids) nodeIds = ids[1]!.split(',').map(Number);
		if (isScript && url.pathname.includes('/entry/app.')) {
			for (const match of body.matchAll(/["'`](\.\.\/nodes\/(\d+)\.[\w-]+\.js)["'`]/g)) {
				if (nodeIds.includes(Number(match[2]))) queue.push(new URL(match[1]!, url).pathname);
			}
		}
	};
	while (queue.length) await fetchOne(queue.shift()!);
	return delivered;
}

describe('answer keys', () => {
	it('never reach the browser before the question is answered', async () => {
		const visitor = new Visitor(server.url);
		await visitor.post('/sign-up', newAccount());
		const attempt = await startAttempt(visitor);
		const delivered = new Map([
			...(await everythingDelivered(visitor, QUIZ_PATH)),
			...(await everythingDelivered(visitor, attempt))
		]);
		expect(
			[...delivered.keys()].filter((key) => key.includes('/nodes/')).length
		).toBeGreaterThanOrEqual(3);
		expect([...delivered.keys()].some((key) => key.endsWith('__data.json'))).toBe(true);

		const shown = sampleQuiz.questions.flatMap(publicText);
		const leaks: string[] = [];
		for (const question of sampleQuiz.questions) {
			for (const secret of keyMaterial(question).filter(
				(s) => !shown.some((text) => text.includes(s))
			)) {
				for (const [where, body] of delivered) {
					if (contains(body, secret)) leaks.push(`${question.id} in ${where}: ${secret}`);
				}
			}
		}
		expect(leaks).toEqual([]);
		const data = delivered.get(`${attempt}/__data.json`)!;
		for (const field of [
			'"explanation"',
			'"citations"',
			'"correctAnswer"',
			'"answer"',
			'"answers"',
			'"claimType"'
		]) {
			expect(data).not.toContain(field);
		}

		// The same check sees the key once the learner has answered: it is not blind.
		const [first] = sampleQuiz.questions;
		await postAnswer(visitor, attempt, first!);
		const after = await (await visitor.get(`${attempt}/__data.json`)).text();
		expect(contains(after, first!.explanation)).toBe(true);
		expect(after).toContain('"citations"');
	});
});
