// Shapes shared by the server and the quiz components. None of them carries an answer key:
// a QuestionResult is built only once the learner may see it.
import type { ClaimType, QuestionType } from '$lib/content/quiz-schema';

export type Choice = { id: string; text: string };

/** What a learner submitted for one question, once checked against that question. */
export type Response =
	| { type: 'single' | 'evidence'; optionId: string }
	| { type: 'multiple'; optionIds: string[] }
	| { type: 'truefalse'; value: boolean }
	| { type: 'short'; text: string }
	| { type: 'numeric'; text: string; value: number }
	| { type: 'matching'; matches: Record<string, string> }
	| { type: 'ordering'; order: string[] }
	| { type: 'essay'; text: string };

export interface PublicQuestion {
	key: string;
	number: number;
	type: QuestionType;
	prompt: string;
	/** Options, excerpt sentences (evidence) or matching choices, in the order shown. */
	options?: Choice[];
	claim?: string;
	excerptSource?: string;
	pairs?: { id: string; prompt: string }[];
	/** Ordering items in their starting order. */
	items?: Choice[];
	/** An essay's starting text and word limits. */
	template?: string;
	minWords?: number;
	maxWords?: number;
}

export interface QuestionResult {
	score: number;
	/** An essay waits for an instructor's mark: until then its score of 0 is provisional. */
	verdict: 'correct' | 'partly correct' | 'incorrect' | 'not answered' | 'awaiting grading';
	feedback: string[];
	correctAnswer: string[];
	explanation: string;
	claimType: ClaimType;
	/** The passages are of several kinds (facts, claims, opinions): the explanation sorts them. */
	mixedKinds?: true;
	citations: { quote: string; file: string; label: string; workingTitle: string }[];
	/** The right choices by shown position (choice questions; "true"/"false" for true/false). */
	rightChoices?: string[];
	/** Choices that earn part credit, by shown position (single choice with Moodle's credits). */
	partChoices?: string[];
	/** Each matching prompt's right choice, by shown position. */
	rightMatches?: Record<string, string>;
}

export interface QuestionState extends PublicQuestion {
	response: Response | null;
	result: QuestionResult | null;
}

/** How far one question of an attempt has got, as far as the learner may know yet. */
export type StepStatus = 'unanswered' | 'answered' | QuestionResult['verdict'];

export interface QuestionStep {
	number: number;
	status: StepStatus;
}

/** What an answer sent with JavaScript gets back: its question's screen and step, as they now stand. */
export interface AnsweredQuestion {
	question: QuestionState;
	step: QuestionStep;
}
