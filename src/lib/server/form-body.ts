import { json, type Handle, type RequestEvent } from '@sveltejs/kit';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
/**
 * Any bytes read as a URL-encoded form, so one no larger than this (below any body-size limit
 * worth setting) cannot fail to read and goes on unchecked: checking means reading a copy of the
 * body, which costs a quiz answer more than its own reading and grading.
 */
const SURELY_READABLE_BYTES = 16 * 1024;

// Endpoints (+server.ts) read their own bodies and answer for them; only pages take form actions.
const endpoints = new Set(
	Object.keys(import.meta.glob('/src/routes/**/+server.ts')).map(
		(file) => file.slice('/src/routes'.length, -'/+server.ts'.length) || '/'
	)
);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Answers as SvelteKit answers a failed action: a page for a browser's form, JSON for use:enhance. */
async function refuse(event: RequestEvent, status: number, message: string): Promise<Response> {
	// The body is read (within the size limit) even so: an answer sent while a large body is still
	// arriving makes Node reset the connection, and the sender sees no answer at all.
	await event.request.arrayBuffer().catch(() => undefined);
	if (!event.request.headers.get('accept')?.includes('text/html'))
		return json({ type: 'error', status, error: { message } }, { status });
	const back = escapeHtml(event.url.pathname);
	const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>That did not work</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<h1>That did not work</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${back}">Back to the page</a></p>
</body>
</html>`;
	return new Response(page, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** What reading the body as a form failed with: the body-size limit, or a body that is not a form. */
async function formBodyProblem(
	request: Request
): Promise<{ status: number; message: string } | null> {
	try {
		// A clone, so the action still reads the body; the size limit still applies to both.
		await request.clone().formData();
		return null;
	} catch (caught) {
		if ((caught as { status?: unknown } | null)?.status === 413)
			return { status: 413, message: 'The form is too large to send.' };
		return {
			status: 400,
			message: 'The form could not be read. Please go back and send it again.'
		};
	}
}

/**
 * Form actions read `request.formData()`, which throws on a body that is not a form (plain
 * text, a broken multipart body): that would be a 500. SvelteKit itself refuses only some other
 * types (415), and lets `text/plain` through, so every page POST is checked here once.
 */
export const formBody: Handle = async ({ event, resolve }) => {
	if (event.request.method !== 'POST' || !event.route.id || endpoints.has(event.route.id))
		return resolve(event);
	// SvelteKit names the action after the first query key starting with "/", and throws (a 500)
	// on the reserved "?/default" where it answers 404 for any other unknown name.
	const action = [...event.url.searchParams.keys()].find((key) => key.startsWith('/'));
	if (action === '/default') return refuse(event, 404, 'This page has no such form action.');
	const type = event.request.headers.get('content-type')?.split(';', 1)[0]!.trim().toLowerCase();
	if (!type || !FORM_TYPES.includes(type))
		return refuse(
			event,
			415,
			'Send this form from its page: it must be sent as form data ' +
				'(application/x-www-form-urlencoded or multipart/form-data).'
		);
	const declared = event.request.headers.get('content-length');
	if (type === FORM_TYPES[0] && declared !== null && Number(declared) <= SURELY_READABLE_BYTES)
		return resolve(event);
	const problem = await formBodyProblem(event.request);
	return problem ? refuse(event, problem.status, problem.message) : resolve(event);
};
