import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content/quiz-schema';
import { grade, verdictFor } from '$lib/quiz/grading';
import { layoutFor, positionOf, type Layout } from '$lib/quiz/layout';
import { matchingChoices, readResponse } from '$lib/quiz/responses';
import type { Response } from '$lib/quiz/types';
import { canonicalResponse } from '../quiz/canonical-response';
import { catalog } from '../quiz/catalog';
import { questionResult } from '../quiz/question-views';
import { offlineCard, type OfflineCard } from './offline';

const questions = [...catalog.values()].flatMap((entry) => entry.quiz.questions);

/** Right, wrong and partly right answers to `question`, in authored ids. */
function someResponses(question: Question): Response[] {
	switch (question.type) {
		case 'single':
		case 'evidence': {
			const options = question.type === 'single' ? question.options : question.sentences;
			return options.map((option) => ({ type: question.type, optionId: option.id }));
		}
		case 'multiple': {
			const ids = question.options.map((option) => option.id);
			return [
				...ids.map((id) => ({ type: 'multiple' as const, optionIds: [id] })),
				{ type: 'multiple', optionIds: question.answers },
				{ type: 'multiple', optionIds: ids }
			];
		}
		case 'truefalse':
			return [true, false].map((value) => ({ type: 'truefalse', value }));
		case 'short':
			return [...question.answers.map((answer) => answer.text), 'zzz'].map((text) => ({
				type: 'short',
				text
			}));
		case 'numeric':
			return question.answers
				.flatMap((answer) => ('value' in answer ? [answer.value] : [answer.min, answer.max]))
				.flatMap((value) => [value, value + 1000])
				.map((value) => ({ type: 'numeric', text: String(value), value }));
		case 'matching': {
			const choices = matchingChoices(question).map((choice) => choice.id);
			const rotated = (by: number) =>
				Object.fromEntries(
					question.pairs.map((pair, i) => [pair.id, choices[(i + by) % choices.length]!])
				);
			return [0, 1].map((by) => ({ type: 'matching', matches: rotated(by) }));
		}
		case 'ordering': {
			const ids = question.items.map((item) => item.id);
			const swapped = [ids[1]!, ids[0]!, ...ids.slice(2)];
			return [ids, [...ids].reverse(), swapped].map((order) => ({ type: 'ordering', order }));
		}
		case 'essay':
			return [{ type: 'essay', text: 'An answer in words.' }];
	}
}

/** The form the question's screen posts for `response`, in positions of `layout`. */
function formFor(question: Question, layout: Layout, response: Response): FormData {
	const form = new FormData();
	const at = (id: string) => positionOf(layout, id);
	switch (response.type) {
		case 'single':
		case 'evidence':
			form.append('answer', at(response.optionId));
			break;
		case 'multiple':
			for (const id of response.optionIds) form.append('answer', at(id));
			break;
		case 'truefalse':
			form.append('answer', String(response.value));
			break;
		case 'short':
		case 'numeric':
		case 'essay':
			form.append('answer', response.text);
			break;
		case 'matching':
			if (question.type === 'matching')
				question.pairs.forEach((pair, i) =>
					form.append(`match:${i}`, at(response.matches[pair.id]!))
				);
			break;
		case 'ordering':
			for (const id of response.order) form.append('order', at(id));
	}
	return form;
}

describe('a review card kept offline', () => {
	it('is graded on the device exactly as the server grades it, for every question of the course', () => {
		expect(questions.length).toBeGreaterThan(50);
		for (const question of questions) {
			const layout = layoutFor(question, true);
			// As it reaches the device and sits in its storage: JSON.
			const card: OfflineCard = JSON.parse(
				JSON.stringify(offlineCard({ id: 1, due: new Date() }, question, layout))
			);
			for (const given of someResponses(question)) {
				const form = formFor(question, layout, given);
				const onDevice = readResponse(card.key, card.layout, form);
				const { score, feedback } = grade(card.key, onDevice);
				const panel = { ...card.result, score, verdict: verdictFor(score), feedback };

				const onServer = readResponse(question, layout, form);
				const served = questionResult(
					question,
					{ response: onServer, score: grade(question, onServer).score },
					layout
				);
				expect(onDevice, question.id).toEqual(onServer);
				expect(panel, question.id).toEqual(served);
				// What the device then syncs is taken as it stands.
				expect(canonicalResponse(question, onDevice)).toEqual(onDevice);
			}
		}
	});

	it('keys grading with ids and feedback only: the words are in the shown question and the panel', () => {
		for (const question of questions) {
			const card = offlineCard({ id: 1, due: new Date() }, question, layoutFor(question, true));
			const key = JSON.stringify(card.key);
			const words = [
				question.prompt,
				question.explanation,
				...question.citations.map((citation) => citation.quote),
				...(question.type === 'single' || question.type === 'multiple' ? question.options : []),
				...(question.type === 'evidence' ? [{ text: question.claim }, ...question.sentences] : []),
				...(question.type === 'ordering' ? question.items : []),
				...(question.type === 'matching'
					? question.pairs.flatMap((pair) => [{ text: pair.prompt }, { text: pair.match }])
					: [])
			].map((entry) => (typeof entry === 'string' ? entry : entry.text));
			for (const text of words) expect(key, question.id).not.toContain(JSON.stringify(text));
		}
	});
});

describe('canonicalResponse', () => {
	const [question] = questions.filter((q) => q.type === 'matching') as Extract<
		Question,
		{ type: 'matching' }
	>[];

	it('refuses what does not fit the question, with the form’s own messages', () => {
		const right = Object.fromEntries(question!.pairs.map((pair) => [pair.id, pair.id]));
		const cases: [unknown, string][] = [
			[null, 'That answer does not fit this question.'],
			[{ type: 'single', optionId: 'x' }, 'That answer does not fit this question.'],
			[{ type: 'matching', matches: { ...right, [question!.pairs[0]!.id]: 'nope' } }, 'not part'],
			[{ type: 'matching', matches: { [question!.pairs[0]!.id]: question!.pairs[0]!.id } }, 'every']
		];
		for (const [input, message] of cases)
			expect(() => canonicalResponse(question!, input)).toThrow(message);
		expect(canonicalResponse(question!, { type: 'matching', matches: right, extra: 1 })).toEqual({
			type: 'matching',
			matches: right
		});
	});

	it('reads a number again from its text, not from the value sent beside it', () => {
		const numeric = questions.find((q) => q.type === 'numeric')!;
		expect(canonicalResponse(numeric, { type: 'numeric', text: ' 1,100 ', value: 5 })).toEqual({
			type: 'numeric',
			text: '1,100',
			value: 1100
		});
		expect(() => canonicalResponse(numeric, { type: 'numeric', text: 'many', value: 5 })).toThrow(
			'Type a number'
		);
	});

	it('takes an ordering only as every item once', () => {
		const ordering = questions.find((q) => q.type === 'ordering') as Extract<
			Question,
			{ type: 'ordering' }
		>;
		const ids = ordering.items.map((item) => item.id);
		for (const order of [ids.slice(1), [ids[0], ...ids.slice(0, -1)], [...ids, ids[0]]])
			expect(() => canonicalResponse(ordering, { type: 'ordering', order })).toThrow(
				'exactly once'
			);
	});
});
