// Writes imported questions as quiz.yaml, with a comment block saying what the author must
// still do and a comment before each question naming its GIFT line and any warnings.

import { EXPLANATION_TODO, type Imported } from './to-quiz.ts';
import type { GiftIssue, Unsupported } from './types.ts';
import { listLines, mappingLines, type YamlValue } from './yaml-out.ts';

export interface RenderInput {
	/** Quiz settings our export kept, written before the questions. */
	settings?: object;
	imported: Imported[];
	/** File-level warnings (categories and the like). */
	warnings: GiftIssue[];
	unsupported: Unsupported[];
	/** Shown in the header, e.g. the GIFT file's name. */
	source?: string;
}

const indent = (text: string) => ` ${text}`;

/** A comma-separated list after `prefix`, broken into lines of at most `width` characters. */
function wrapList(items: string[], prefix: string, width = 96): string[] {
	const lines: string[] = [];
	let line = prefix;
	let empty = true;
	items.forEach((item, index) => {
		const word = index < items.length - 1 ? `${item},` : item;
		if (!empty && line.length + 1 + word.length > width) {
			lines.push(line);
			line = ' '.repeat(prefix.length);
			empty = true;
		}
		line += empty ? word : ` ${word}`;
		empty = false;
	});
	return [...lines, line];
}

/** id, type and prompt first: the order a reader of quiz.yaml looks for them in. */
const FIRST = ['id', 'type', 'prompt'];
const rank = (key: string) => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length);
/** Sorting is stable, so the other keys keep their order. */
const readingOrder = (question: object) =>
	Object.fromEntries(Object.entries(question).sort(([a], [b]) => rank(a) - rank(b)));

export function renderQuizYaml({
	settings,
	imported,
	warnings,
	unsupported,
	source
}: RenderInput): string {
	const ids = imported.map((item) => item.question.id);
	const todo = imported
		.filter((item) => item.question.explanation === EXPLANATION_TODO)
		.map((item) => item.question.id);
	// Questions exported by us carry their citations and claim types back; others need them.
	const needsSources = imported.some((item) => item.question.citations?.length === 0);
	const steps = [
		...(needsSources
			? [
					[
						'add citations: each needs at least one { source: NNN_<16 hex>.txt, quote: … } taken',
						'   word for word from the article. They are empty now, so the build fails with',
						'   "cite at least one source" until they are added.'
					],
					[
						'check claimType: every question is set to "fact"; change it to "attributed claim"',
						'   or "opinion" where that is what the question tests.'
					]
				]
			: []),
		...(todo.length > 0
			? [
					[
						'write the explanation, citing the article, for the questions whose explanation',
						`   is still "${EXPLANATION_TODO}":`,
						...wrapList(todo, '   ')
					]
				]
			: [])
	];
	const header = [
		`Imported from ${source ?? 'a GIFT file'} by \`npm run gift -- import\`.`,
		...(steps.length > 0
			? [
					'Before this quiz can be built, the author must, for every question:',
					...steps.flatMap(([first, ...rest], index) => [
						`  ${index + 1}. ${first}`,
						...rest.map((line) => (line === '' ? line : `  ${line}`))
					])
				]
			: []),
		...wrapList(ids, 'Questions: ')
	];
	const leftOut = [
		...unsupported.map((item) => ({
			line: item.line,
			text: `skipped${item.title ? ` "${item.title}"` : ''}: ${item.message}`
		})),
		...warnings.map((item) => ({ line: item.line, text: item.message }))
	]
		.sort((a, b) => a.line - b.line)
		.map((item) => `  line ${item.line}: ${item.text}`);
	if (leftOut.length > 0) header.push('Left out or ignored:', ...leftOut);

	const questions = imported.flatMap((item) => [
		...[`GIFT line ${item.line}`, ...item.notes.map((note) => `warning: ${note}`)].map(
			(line) => `  #${indent(line)}`
		),
		...listLines([readingOrder(item.question) as YamlValue], 2)
	]);
	return [
		...header.map((line) => `#${indent(line)}`.trimEnd()),
		'',
		...mappingLines((settings ?? {}) as { [key: string]: YamlValue }, 0),
		'questions:',
		...questions,
		''
	].join('\n');
}
