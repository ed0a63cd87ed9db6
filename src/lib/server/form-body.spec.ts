import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { formBody } from './form-body';

const BROWSER = 'text/html,application/xhtml+xml';

/** Runs the guard the way the server would; the "action" reads the body afterwards. */
async function post(
	path: string,
	body: BodyInit | null,
	headers: Record<string, string> = {}
): Promise<{ response: Response; actionSaw: string | null; bodyRead: boolean }> {
	const url = new URL(path, 'http://course.test');
	const request = new Request(url, { method: 'POST', body, headers });
	let actionSaw: string | null = null;
	const event = { request, url, route: { id: url.pathname } } as unknown as RequestEvent;
	const response = await formBody({
		event,
		resolve: async () => {
			actionSaw = String((await request.formData()).get('name'));
			return new Response('done');
		}
	});
	return { response, actionSaw, bodyRead: request.bodyUsed };
}

describe('formBody', () => {
	it('lets a form through, and the action can still read it', async () => {
		const urlencoded = await post('/teach', new URLSearchParams({ name: 'Zoë' }));
		expect(urlencoded.actionSaw).toBe('Zoë');
		const form = new FormData();
		form.set('name', 'Politics 101');
		const multipart = await post('/teach', form);
		expect(multipart.actionSaw).toBe('Politics 101');
	});

	it('reads a small URL-encoded form once, in the action, and checks a large one first', async () => {
		const url = new URL('/teach', 'http://course.test');
		for (const [size, checked] of [
			[100, false],
			[20_000, true]
		] as const) {
			const body = new URLSearchParams({ name: 'x'.repeat(size) }).toString();
			const request = new Request(url, {
				method: 'POST',
				body,
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': String(body.length)
				}
			});
			const copies = vi.spyOn(request, 'clone');
			const event = { request, url, route: { id: '/teach' } } as unknown as RequestEvent;
			const response = await formBody({
				event,
				resolve: async () => new Response(String((await request.formData()).get('name')))
			});
			expect((await response.text()).length).toBe(size);
			expect(copies.mock.calls.length, `${size} bytes`).toBe(checked ? 1 : 0);
		}
	});

	it('refuses a body that is not a form with 415 and a page that says why', async () => {
		for (const type of ['text/plain', 'application/json', 'application/x-sveltekit-formdata']) {
			const { response, actionSaw, bodyRead } = await post('/teach', 'name=x', {
				'content-type': type,
				accept: BROWSER
			});
			expect(response.status).toBe(415);
			// Read all the same, or Node would reset the connection under a large body.
			expect(bodyRead).toBe(true);
			expect(response.headers.get('content-type')).toContain('text/html');
			expect(await response.text()).toContain('it must be sent as form data');
			expect(actionSaw).toBeNull();
		}
	});

	it('refuses a broken multipart body with 400, as JSON for use:enhance', async () => {
		const { response, actionSaw } = await post('/teach', 'no boundary here', {
			'content-type': 'multipart/form-data; boundary=abc',
			accept: 'application/json'
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			type: 'error',
			status: 400,
			error: { message: 'The form could not be read. Please go back and send it again.' }
		});
		expect(actionSaw).toBeNull();
	});

	it('answers the reserved action name "default" with 404, as any unknown action', async () => {
		const { response, actionSaw } = await post('/sign-in?/default', new URLSearchParams());
		expect(response.status).toBe(404);
		expect(actionSaw).toBeNull();
	});

	it('leaves endpoints, which read their own bodies, and other methods alone', async () => {
		const url = new URL('http://course.test/api/progress');
		for (const [routeId, method] of [
			['/api/progress', 'POST'],
			['/teach', 'PUT']
		] as const) {
			const request = new Request(url, {
				method,
				body: '{}',
				headers: { 'content-type': 'text/plain' }
			});
			const event = { request, url, route: { id: routeId } } as unknown as RequestEvent;
			const response = await formBody({ event, resolve: () => new Response('endpoint') });
			expect(await response.text()).toBe('endpoint');
		}
	});
});
