/** A refusal a learner should read: the status and message go straight into the response. */
export class QuizError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		message: string
	) {
		super(message);
	}
}
