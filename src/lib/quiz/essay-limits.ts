// Shared by the quiz schema, the server's reading of an answer and the essay box in the browser,
// which must not pull the schema (and its keys' shapes) into a page's scripts.

/** The longest essay a learner may send, in characters (about 3,000 words). */
export const ESSAY_MAX_CHARACTERS = 20_000;
