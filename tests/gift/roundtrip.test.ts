// Export then import gives back the same questions for every type GIFT can express.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { quizFile, type QuizFile } from '../../src/lib/content/quiz-schema.ts';
import { checkImportedQuiz } from '../../src/lib/gift/check.ts';
import { exportGift } from '../../src/lib/gift/export.ts';
import { importGift } from '../../src/lib/gift/import.ts';

const cited = {
	claimType: 'attributed claim' as const,
	citations: [{ source: '001_0123456789abcdef.txt', quote: 'As the article says.' }]
};

// Written as an author would, then normalised by the schema like the build does.
const authored: QuizFile = quizFile.parse({
	questions: [
		{
			...cited,
			id: 'capital',
			type: 'single',
			prompt: 'Which city is the capital of France: {Paris} or ~Rome?',
			options: [
				{ id: 'a', text: 'Paris', feedback: 'Right = correct #1.' },
				{ id: 'b', text: 'Rome', feedback: 'No: that is Italy.' },
				{ id: 'c', text: 'C:\\path \\n' }
			],
			answer: 'a',
			explanation: 'The article names Paris.\nSee paragraph 2.'
		},
		{
			...cited,
			id: 'primes',
			type: 'multiple',
			prompt: 'Which are prime?',
			options: [
				{ id: 'a', text: '2', feedback: 'Even, yet prime.' },
				{ id: 'b', text: '3' },
				{ id: 'c', text: '5' },
				{ id: 'd', text: '9', feedback: '3 × 3.' }
			],
			answers: ['a', 'b', 'c'],
			explanation: 'Primes have two divisors.'
		},
		{
			...cited,
			id: 'all-right',
			type: 'multiple',
			prompt: 'All of these?',
			options: [
				{ id: 'a', text: 'x' },
				{ id: 'b', text: 'y' }
			],
			answers: ['a', 'b'],
			explanation: 'Both.'
		},
		{
			...cited,
			id: 'one-of-many',
			type: 'multiple',
			prompt: 'Only one is right, but learners may pick several.',
			options: [
				{ id: 'a', text: 'x' },
				{ id: 'b', text: 'y' },
				{ id: 'c', text: 'z' }
			],
			answers: ['b'],
			explanation: 'Only y.'
		},
		{
			...cited,
			id: 'tf-true',
			type: 'truefalse',
			prompt: 'The claim is true.',
			answer: true,
			feedback: { true: 'Yes.', false: 'Read it again.' },
			explanation: 'It is.'
		},
		{
			...cited,
			id: 'tf-false-right-only',
			type: 'truefalse',
			prompt: 'The claim is false.',
			answer: false,
			feedback: { false: 'Well spotted.' },
			explanation: 'It is not.'
		},
		{
			...cited,
			id: 'tf-false-wrong-only',
			type: 'truefalse',
			prompt: 'Another false claim.',
			answer: false,
			feedback: { true: 'Not quite.' },
			explanation: 'No.'
		},
		{
			...cited,
			id: 'tf-plain',
			type: 'truefalse',
			prompt: 'Plain.',
			answer: true,
			explanation: 'Yes.'
		},
		{
			...cited,
			id: 'short',
			type: 'short',
			prompt: 'The treaty was signed in ___.',
			answers: ['Paris', { text: 'Versailles', credit: 0.5, feedback: 'Near: # it was nearby.' }],
			explanation: 'Paris.'
		},
		{
			...cited,
			id: 'numeric',
			type: 'numeric',
			prompt: 'How many?',
			answers: [
				{ value: 1889 },
				{ value: -2.5, tolerance: 0.25, credit: 0.75, feedback: 'Close.' },
				{ min: 1880, max: 1900, credit: 0.1 }
			],
			explanation: 'The number.'
		},
		{
			...cited,
			id: 'matching',
			type: 'matching',
			prompt: 'Match them.',
			pairs: [
				{ id: 'p1', prompt: 'Canada', match: 'Ottawa' },
				{ id: 'p2', prompt: 'Italy: the boot', match: 'Rome -> capital' }
			],
			distractors: ['Sydney', 'Oslo'],
			explanation: 'Capitals.'
		},
		{
			...cited,
			id: 'order',
			type: 'ordering',
			prompt: 'Put in order.',
			items: [
				{ id: 'a', text: 'First' },
				{ id: 'b', text: 'Second' }
			],
			explanation: 'Time.'
		},
		{
			...cited,
			id: 'evidence',
			type: 'evidence',
			prompt: 'Which sentence supports the claim?',
			claim: 'It rained.',
			source: '001_0123456789abcdef.txt',
			sentences: [
				{ id: 's1', text: 'The streets were wet.' },
				{ id: 's2', text: 'The sun shone.' }
			],
			answer: 's1',
			explanation: 'Wet streets.'
		}
	]
});

describe('round trip', () => {
	const settings = { ...authored, title: 'Sources: a check', maxAttempts: 3, feedback: 'deferred' };
	const exported = exportGift(settings as QuizFile);
	const imported = importGift(exported.gift);

	it('gives back the same quiz: every question, its citations, claim type and settings', () => {
		expect(imported.ok).toBe(true);
		if (!imported.ok) return;
		expect(imported.quiz).toEqual(settings);
		expect(imported.unsupported).toEqual([]);
	});

	it('warns only where Moodle will read a question differently: ordering and evidence', () => {
		expect(exported.warnings.map((w) => w.question)).toEqual(['order', 'evidence']);
		expect(exported.gift).toContain('::order::[plain]Put in order.{\n=1 -> First\n=2 -> Second');
		expect(exported.gift).toContain(
			'::evidence::[plain]Which sentence supports the claim?\\nClaim\\: It rained.{'
		);
	});

	it('also survives the trip through quiz.yaml text', () => {
		if (!imported.ok) throw new Error('import failed');
		const reread = checkImportedQuiz(parseYaml(imported.yaml));
		expect(reread).toEqual({ ok: true, quiz: imported.quiz });
	});

	it('keeps authored option and pair ids', () => {
		const custom = quizFile.parse({
			questions: [
				{
					...cited,
					id: 'capital',
					type: 'single',
					prompt: 'Capital?',
					options: [
						{ id: 'rome', text: 'Rome' },
						{ id: 'paris', text: 'Paris' }
					],
					answer: 'paris',
					explanation: 'Paris.'
				}
			]
		});
		const back = importGift(exportGift(custom).gift);
		if (!back.ok) throw new Error('import failed');
		expect(back.quiz).toEqual(custom);
	});

	it('reads a file edited in Moodle (which drops comments) with its GIFT meaning', () => {
		const moodle = exported.gift
			.split('\n')
			.filter((line) => !line.startsWith('//'))
			.join('\n');
		const back = importGift(moodle);
		if (!back.ok) throw new Error('import failed');
		expect(back.quiz.questions.map((q) => [q.id, q.type])).toContainEqual(['order', 'matching']);
		expect(back.quiz.questions.every((q) => q.citations.length === 0)).toBe(true);
	});

	it('is stable from GIFT: import, export and import again gives the same quiz', () => {
		const source = readFileSync(join(import.meta.dirname, 'fixtures/every-construct.gift'), 'utf8');
		const first = importGift(source);
		if (!first.ok) throw new Error('import failed');
		const second = importGift(exportGift(first.quiz).gift);
		if (!second.ok) throw new Error('second import failed');
		expect(second.quiz).toEqual(first.quiz);
	});
});
