import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { QuizError } from './errors';

/** Runs quiz work for a page load; a QuizError becomes that HTTP error page. */
export async function orErrorPage<T>(work: () => T | Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (caught) {
		if (caught instanceof QuizError) error(caught.status, caught.message);
		throw caught;
	}
}

/** Runs quiz work for a form action; a QuizError becomes a failure shown beside the form. */
export async function orFailure<T, F extends Record<string, unknown>>(
	fields: F,
	work: () => T | Promise<T>
): Promise<T | ActionFailure<F & { message: string }>> {
	try {
		return await work();
	} catch (caught) {
		if (caught instanceof QuizError)
			return fail(caught.status, { ...fields, message: caught.message });
		throw caught;
	}
}

/**
 * Whether the form was posted by `use:enhance`, which asks for the action's result as JSON: the
 * page can then apply the result in place, where a browser without JavaScript needs a redirect.
 */
export function postedByEnhance(request: Request): boolean {
	return request.headers.get('accept') === 'application/json';
}
