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

/** An answer with the credit Moodle gives it: one of Moodle's fractions, from -1 to 1. */
export interface GiftAnswer {
	fraction: number;
	/** Written with "=" in a choice: the first such option is a single choice's answer. */
	equals?: boolean;
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
	/** Moodle's multichoice: one answer to pick when the block has an `=`, else several. */
	| { kind: 'choice'; single: boolean; answers: GiftAnswer[] }
	| {
			kind: 'truefalse';
			answer: boolean;
			/** Moodle shows the first `#` feedback for a wrong response, the second for a right one. */
			wrongFeedback?: string;
			rightFeedback?: string;
	  }
	/** GIFT has no case flag; Moodle XML's `usecase` sets `caseSensitive`. */
	| { kind: 'short'; answers: GiftAnswer[]; caseSensitive?: boolean }
	| {
			kind: 'numeric';
			answers: GiftNumeric[];
			/** The `~#…` feedback for any other number. */
			wrongFeedback?: string;
	  }
	| { kind: 'matching'; pairs: GiftPair[] }
	/** Moodle's essay (`{}`): free text an instructor grades; the extras come from Moodle XML. */
	| { kind: 'essay'; guidance?: string; template?: string; minWords?: number; maxWords?: number };

/** The JSON of a `// @question` or `// @quiz` comment, as our export writes it. */
export interface AppComment {
	line: number;
	json: string;
}

export type GiftQuestion = GiftBody & {
	/** App-only data our export wrote before the question. */
	app?: AppComment;
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
	/** The quiz settings our export wrote. */
	quiz?: AppComment;
}
