import { question, type Question } from '$lib/content/quiz-schema';

// For the specs: a question of a type, made through the real schema so its defaults (credit 1,
// tolerance 0, no distractors…) apply.
const common = {
	id: 'q1',
	prompt: 'A question?',
	explanation: 'Why the answer is right.',
	claimType: 'fact',
	citations: [{ source: '000_472f3205b87b21e1.txt', quote: 'A quoted line.' }]
};

export const makeQuestion = <T extends Question['type']>(
	type: T,
	fields: Record<string, unknown>
) => question.parse({ ...common, type, ...fields }) as Extract<Question, { type: T }>;
