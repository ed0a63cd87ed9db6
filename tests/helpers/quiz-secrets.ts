import Papa from 'papaparse';
import type { Question } from '../../src/lib/content/quiz-schema';
import type { Visitor } from './client';
import { sampleQuiz } from './quiz';

/** Everything that would give an answer away before it is given. */
export function keyMaterial(question: Question): string[] {
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
export const contains = (body: string, secret: string) =>
	variants(secret).some((form) =>
		new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(form)}(?![A-Za-z0-9])`).test(body)
	);

/** Each piece of the quiz's key material found in the bodies, as "question in where: secret". */
export function leaksIn(
	bodies: Map<string, string>,
	questions = sampleQuiz.questions,
	/** The questions whose shown text is no secret (by default, the ones looked for). */
	shownQuestions = questions,
	/** More text rightly shown: the key material of questions already answered, say. */
	alsoShown: string[] = []
): string[] {
	const shown = [...shownQuestions.flatMap(publicText), ...alsoShown];
	const leaks: string[] = [];
	for (const question of questions) {
		for (const secret of keyMaterial(question).filter(
			(s) => !shown.some((text) => text.includes(s))
		)) {
			for (const [where, body] of bodies) {
				if (contains(body, secret)) leaks.push(`${question.id} in ${where}: ${secret}`);
			}
		}
	}
	return leaks;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** devalue's flat form (in __data.json and action replies): objects name their values by index. */
const flatScores = (flat: unknown[]) =>
	flat.flatMap((entry) =>
		isRecord(entry) && 'score' in entry ? [flat[entry.score as number]] : []
	);

function jsonScores(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.flatMap(jsonScores);
	if (!isRecord(value)) return [];
	if (value.type === 'data' && Array.isArray(value.nodes))
		return value.nodes.flatMap((node) =>
			isRecord(node) && Array.isArray(node.data) ? flatScores(node.data) : []
		);
	if (typeof value.data === 'string' && ['success', 'failure'].includes(value.type as string))
		return flatScores(JSON.parse(value.data));
	return Object.entries(value).flatMap(([key, inner]) =>
		key === 'score' ? [inner] : jsonScores(inner)
	);
}

function scoresOf(where: string, body: string): unknown[] {
	const { pathname } = new URL(where, 'http://x');
	if (/\.(js|css)$/.test(pathname)) return []; // code, not data
	if (pathname.endsWith('.csv')) {
		const { data } = Papa.parse<Record<string, string>>(body, {
			header: true,
			skipEmptyLines: true
		});
		return data.flatMap((row) =>
			Object.entries(row)
				.filter(([column, cell]) => /score/i.test(column) && cell !== '')
				.map(([, cell]) => Number(cell))
		);
	}
	try {
		return jsonScores(JSON.parse(body));
	} catch {
		return [...body.matchAll(/(?<![\w$])"?score"?:\s*(-?[\d.]+(?:e-?\d+)?)/g)].map((m) =>
			Number(m[1])
		);
	}
}

/**
 * Every score the bodies give, as "where: score", whatever their form: a CSV download (its score
 * columns), JSON (a plain document, SvelteKit's __data.json or an action's reply), or a page
 * with its inline data.
 */
export function scoresIn(bodies: Map<string, string>): string[] {
	return [...bodies].flatMap(([where, body]) =>
		scoresOf(where, body)
			.filter((score) => typeof score === 'number')
			.map((score) => `${where}: ${score}`)
	);
}

/**
 * The page, its data request, and every script and style it loads, followed through static
 * imports. Kit names the page's own route modules by number (`node_ids`) and loads them through
 * the app's module list; dynamic imports elsewhere are other pages' code and are not followed.
 */
export async function everythingDelivered(
	visitor: Visitor,
	path: string
): Promise<Map<string, string>> {
	const delivered = new Map<string, string>();
	const [pathname, search = ''] = path.split('?');
	const queue = [path, `${pathname}/__data.json${search && `?${search}`}`];
	let nodeIds: number[] = [];
	const fetchOne = async (target: string) => {
		const url = new URL(target, visitor.baseUrl);
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
