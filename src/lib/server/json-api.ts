import { error, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { SessionUser } from './users';

// The JSON endpoints serve the learner's own pages and service worker only. Another site can
// neither read their answers (no CORS is ever granted) nor send them JSON: only a same-origin
// script can send application/json without a preflight, so any other type is refused.

const unreadable = Symbol('unreadable');

/** The signed-in learner, or 401; nothing answered here may be kept by any cache. */
export function jsonUser(event: RequestEvent, signIn: string): SessionUser {
	event.setHeaders({ 'cache-control': 'no-store' });
	if (!event.locals.user) error(401, signIn);
	return event.locals.user;
}

/** The first problem zod found, with where it is: "reviews.3.answeredAt: Invalid ISO datetime". */
function firstProblem(problem: z.ZodError): string {
	const issue = problem.issues[0];
	if (!issue) return 'unknown problem';
	return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/**
 * The learner and the body of a JSON post, checked against `schema`; refused with 401, 415 or
 * 400 and a message that says what to fix.
 */
export async function jsonPost<T>(
	event: RequestEvent,
	schema: z.ZodType<T>,
	{ what, signIn }: { what: string; signIn: string }
): Promise<{ user: SessionUser; body: T }> {
	// Read before any answer: one sent while a large body is still arriving makes Node reset the
	// connection, and the sender sees no answer at all.
	const body: unknown = await event.request.json().catch(() => unreadable);
	const user = jsonUser(event, signIn);
	const type = event.request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
	if (type !== 'application/json') error(415, `Send the ${what} as application/json.`);
	if (body === unreadable) error(400, `Send the ${what} as JSON.`);
	const parsed = schema.safeParse(body);
	if (!parsed.success) error(400, `That ${what} is not valid (${firstProblem(parsed.error)}).`);
	return { user, body: parsed.data };
}
