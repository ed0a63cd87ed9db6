// Moodle XML, the format Moodle's question bank exports by default, read into the same shapes
// as GIFT (so mapping, checks and quiz.yaml are shared). The XML is parsed by fast-xml-parser;
// this file only gives Moodle's elements their meaning, as Moodle's qformat_xml reads them.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { moodleFraction, nearestMoodleFraction, percent } from './fractions.ts';
import { BLANK } from './parse.ts';
import { readText, type GiftFormat } from './text.ts';
import type {
	GiftAnswer,
	GiftBody,
	GiftIssue,
	GiftNumeric,
	GiftPair,
	GiftQuestion,
	ParsedGift
} from './types.ts';

type Node = { [key: string]: unknown };

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	isArray: (name) => ['question', 'answer', 'subquestion'].includes(name),
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false
});

const FORMATS: Record<string, GiftFormat> = {
	html: 'html',
	moodle_auto_format: 'moodle',
	plain_text: 'plain',
	markdown: 'markdown'
};

export function parseMoodleXml(source: string): ParsedGift {
	const result: ParsedGift = { questions: [], unsupported: [], warnings: [], errors: [] };
	const valid = XMLValidator.validate(source);
	if (valid !== true) {
		result.errors.push({ line: valid.err.line, message: `not well-formed XML: ${valid.err.msg}` });
		return result;
	}
	const quiz = (parser.parse(source) as { quiz?: { question?: Node[] } }).quiz;
	if (!quiz) {
		result.errors.push({ line: 1, message: 'not Moodle XML: there is no <quiz> element' });
		return result;
	}
	// The parser gives no positions; the n-th <question> tag is the n-th question.
	const lines = [...source.matchAll(/<question\b/g)].map(
		(match) => source.slice(0, match.index).split('\n').length
	);
	(quiz.question ?? []).forEach((node, index) => {
		read(node, lines[index] ?? 1, result);
	});
	return result;
}

/** A `<text>` child, or the element's own text. */
function textOf(node: unknown): string {
	if (node === undefined || node === null) return '';
	if (typeof node === 'string') return node;
	const text = (node as Node).text;
	return typeof text === 'string' ? text : typeof text === 'object' ? textOf(text) : '';
}

function formatted(node: unknown, inherited: GiftFormat): { text: string; format: GiftFormat } {
	const format = FORMATS[String((node as Node | undefined)?.['@format'] ?? '')] ?? inherited;
	const read = readText(textOf(node), format);
	return { text: read.text.trim(), format };
}

function read(node: Node, line: number, result: ParsedGift): void {
	const type = String(node['@type'] ?? '');
	if (type === 'category') {
		const name = textOf(node.category).trim();
		result.warnings.push({
			line,
			message: `category "${name}" ignored: our quizzes have no question categories`
		});
		return;
	}
	const title = textOf(node.name).trim() || undefined;
	const question = formatted(node.questiontext, 'html');
	const errors: GiftIssue[] = [];
	const notes: string[] = [];
	const body = readBody(type, node, question.format, line, errors, notes);
	if (body === 'unsupported') {
		result.unsupported.push({
			line,
			...(title ? { title } : {}),
			message: `${type || 'untyped'} question: not supported`
		});
		return;
	}
	if (errors.length > 0 || !body) {
		result.errors.push(...errors);
		return;
	}
	// Moodle writes every text as HTML; only actual markup is worth a warning.
	if (question.format === 'html' && /<[a-z]/i.test(textOf(node.questiontext))) {
		notes.push('HTML formatting was turned into plain text');
	}
	if (question.format === 'markdown') notes.push('Markdown formatting was turned into plain text');
	const general = formatted(node.generalfeedback, question.format).text;
	const prompt = question.text.replace(/_{3,}/g, BLANK);
	const parsed: GiftQuestion = {
		...body,
		line,
		...(title ? { title } : {}),
		prompt,
		...(general ? { generalFeedback: general } : {}),
		notes
	};
	result.questions.push(parsed);
}

/** An answer's credit: Moodle writes percentages; only its own list is accepted. */
function fraction(node: Node, line: number, errors: GiftIssue[]): number {
	const raw = String(node['@fraction'] ?? '0');
	const value = moodleFraction(Number(raw) / 100);
	if (value === undefined || raw.trim() === '') {
		const nearest = Number.isFinite(Number(raw))
			? `; the nearest is ${percent(nearestMoodleFraction(Number(raw) / 100))} %`
			: '';
		errors.push({ line, message: `bad fraction "${raw}": not one of Moodle's credits${nearest}` });
		return 0;
	}
	return value;
}

/** `textFormat` is the answers' own: short answers are compared as written, never HTML. */
function answers(
	node: Node,
	format: GiftFormat,
	line: number,
	errors: GiftIssue[],
	textFormat = format
): GiftAnswer[] {
	return ((node.answer as Node[] | undefined) ?? []).map((answer) => {
		const feedback = formatted(answer.feedback, format).text;
		return {
			fraction: fraction(answer, line, errors),
			text: textFormat === 'plain' ? textOf(answer).trim() : formatted(answer, textFormat).text,
			...(feedback ? { feedback } : {}),
			line
		};
	});
}

function readBody(
	type: string,
	node: Node,
	format: GiftFormat,
	line: number,
	errors: GiftIssue[],
	notes: string[]
): GiftBody | 'unsupported' | undefined {
	switch (type) {
		case 'multichoice': {
			const list = answers(node, format, line, errors);
			const single = !['false', '0'].includes(textOf(node.single).trim());
			return {
				kind: 'choice',
				single,
				answers: list.map((answer) =>
					answer.fraction === 1 ? { ...answer, equals: true } : answer
				)
			};
		}
		case 'truefalse': {
			const list = answers(node, format, line, errors);
			const isTrue = list.find((a) => a.text.toLowerCase() === 'true');
			const isFalse = list.find((a) => a.text.toLowerCase() === 'false');
			if (!isTrue || !isFalse) {
				errors.push({ line, message: 'a true/false question needs a "true" and a "false" answer' });
				return undefined;
			}
			const answer = isTrue.fraction === 1;
			const [right, wrong] = answer ? [isTrue, isFalse] : [isFalse, isTrue];
			return {
				kind: 'truefalse',
				answer,
				...(wrong.feedback ? { wrongFeedback: wrong.feedback } : {}),
				...(right.feedback ? { rightFeedback: right.feedback } : {})
			};
		}
		case 'shortanswer':
			return {
				kind: 'short',
				answers: answers(node, format, line, errors, 'plain'),
				...(['1', 'true'].includes(textOf(node.usecase).trim()) ? { caseSensitive: true } : {})
			};
		case 'numerical':
			return numerical(node, format, line, errors, notes);
		case 'essay': {
			const guidance = formatted(node.graderinfo, format).text;
			// The template keeps its own line breaks; only markup is taken out.
			const template = formatted(node.responsetemplate, format).text;
			const limit = (value: unknown) => {
				const words = Number(textOf(value).trim());
				return Number.isInteger(words) && words > 0 ? words : undefined;
			};
			const minWords = limit(node.minwordlimit);
			const maxWords = limit(node.maxwordlimit);
			if (textOf(node.attachments).trim() && !['0', ''].includes(textOf(node.attachments).trim()))
				notes.push('attachments are not kept: learners answer in the text box alone');
			return {
				kind: 'essay',
				...(guidance ? { guidance } : {}),
				...(template ? { template } : {}),
				...(minWords ? { minWords } : {}),
				...(maxWords ? { maxWords } : {})
			};
		}
		case 'matching': {
			const pairs: GiftPair[] = ((node.subquestion as Node[] | undefined) ?? []).map((sub) => ({
				left: formatted(sub, format).text,
				right: textOf(sub.answer instanceof Array ? sub.answer[0] : sub.answer).trim(),
				line
			}));
			return { kind: 'matching', pairs };
		}
		default:
			return 'unsupported';
	}
}

function numerical(
	node: Node,
	format: GiftFormat,
	line: number,
	errors: GiftIssue[],
	notes: string[]
): GiftBody | undefined {
	const list: GiftNumeric[] = [];
	let wrongFeedback: string | undefined;
	for (const answer of (node.answer as Node[] | undefined) ?? []) {
		const raw = textOf(answer).trim();
		const credit = fraction(answer, line, errors);
		const feedback = formatted(answer.feedback, format).text;
		if (raw === '*' && credit === 0) {
			wrongFeedback = feedback || wrongFeedback;
			continue;
		}
		const value = Number(raw);
		const tolerance = Number(textOf(answer.tolerance).trim() || '0');
		if (raw === '' || !Number.isFinite(value) || !Number.isFinite(tolerance) || tolerance < 0) {
			errors.push({
				line,
				message: `bad numeric answer "${raw}" (tolerance "${textOf(answer.tolerance)}")`
			});
			continue;
		}
		list.push({ value, tolerance, fraction: credit, ...(feedback ? { feedback } : {}), line });
	}
	if (node.units) notes.push('units are not kept: learners answer with the number alone');
	return {
		kind: 'numeric',
		answers: list,
		...(wrongFeedback ? { wrongFeedback } : {})
	};
}
