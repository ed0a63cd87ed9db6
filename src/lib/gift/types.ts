// The shapes the GIFT parser produces, before they are mapped to our quiz format.
// Texts here are final: escapes resolved, format markers removed, HTML turned into text.

/** A problem tied to a line of the GIFT file (1-based). */
export interface GiftIssue {
	line: number;
	message: string;
}

/** A question the parser understood but our quizzes cannot hold; it is left out. */
export interface Unsupported extends GiftIssue {
	title?: string;
}

/** `=` marks a right answer (100 %), `~` a wrong one (0 %); `%n%` after either overrides that. */
export interface GiftAnswer {
	prefix: '=' | '~';
	/** The explicit `%n%` weight in percent, when given. */
	weight?: number;
	text: string;
	feedback?: string;
	line: number;
}

export type NumericRange = { value: number; tolerance: number } | { min: number; max: number };

export type GiftNumeric = NumericRange & Omit<GiftAnswer, 'text'>;

export interface GiftPair {
	/** Empty for an extra right-hand side that matches nothing (a distractor). */
	left: string;
	right: string;
	line: number;
}

export type GiftBody =
	| { kind: 'choice'; answers: GiftAnswer[] }
	| {
			kind: 'truefalse';
			answer: boolean;
			/** Moodle shows the first `#` feedback for a wrong response, the second for a right one. */
			wrongFeedback?: string;
			rightFeedback?: string;
	  }
	| { kind: 'short'; answers: GiftAnswer[] }
	| { kind: 'numeric'; answers: GiftNumeric[] }
	| { kind: 'matching'; pairs: GiftPair[] };

export type GiftQuestion = GiftBody & {
	/** Where the question starts in the file. */
	line: number;
	title?: string;
	prompt: string;
	/** The `####` general feedback. */
	generalFeedback?: string;
	/** What the import changed or dropped, to pass on to the author. */
	notes: string[];
};

export interface ParsedGift {
	questions: GiftQuestion[];
	unsupported: Unsupported[];
	/** `$CATEGORY:` lines and other things that were ignored. */
	warnings: GiftIssue[];
	/** Malformed input: when there are any, nothing should be written. */
	errors: GiftIssue[];
}
