/**
 * A small HTTP client with a cookie jar, acting as one visitor from one address.
 * Redirects are not followed, so tests can assert on them.
 */
export class Visitor {
	readonly cookies = new Map<string, string>();
	private static nextAddress = 1;

	constructor(
		readonly baseUrl: string,
		readonly address = `198.51.100.${Visitor.nextAddress++ % 250}`
	) {}

	private headers(extra: Record<string, string> = {}): Record<string, string> {
		const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		return { 'x-forwarded-for': this.address, ...(cookie ? { cookie } : {}), ...extra };
	}

	private remember(response: Response): Response {
		for (const header of response.headers.getSetCookie()) {
			const [pair, ...attributes] = header.split(';');
			const [name, ...rest] = pair!.split('=');
			const value = rest.join('=');
			const expired = attributes.some((attribute) => {
				const [key, setting] = attribute.trim().split('=');
				if (key!.toLowerCase() === 'max-age') return Number(setting) <= 0;
				if (key!.toLowerCase() === 'expires') return new Date(setting!).getTime() <= Date.now();
				return false;
			});
			if (expired || value === '') this.cookies.delete(name!.trim());
			else this.cookies.set(name!.trim(), value);
		}
		return response;
	}

	async get(path: string): Promise<Response> {
		const response = await fetch(new URL(path, this.baseUrl), {
			headers: this.headers(),
			redirect: 'manual'
		});
		return this.remember(response);
	}

	/** Posts JSON as the page's own scripts do. */
	async postJson(
		path: string,
		body: unknown,
		extraHeaders: Record<string, string> = {}
	): Promise<Response> {
		const response = await fetch(new URL(path, this.baseUrl), {
			method: 'POST',
			headers: this.headers({
				origin: this.baseUrl,
				'content-type': 'application/json',
				...extraHeaders
			}),
			body: typeof body === 'string' ? body : JSON.stringify(body),
			redirect: 'manual'
		});
		return this.remember(response);
	}

	/** Posts a form as a browser without JavaScript would (same origin). */
	async post(
		path: string,
		fields: Record<string, string | string[]> | URLSearchParams
	): Promise<Response> {
		const body = new URLSearchParams();
		if (fields instanceof URLSearchParams) fields.forEach((value, key) => body.append(key, value));
		else
			for (const [key, value] of Object.entries(fields))
				for (const one of [value].flat()) body.append(key, one);
		const response = await fetch(new URL(path, this.baseUrl), {
			method: 'POST',
			headers: this.headers({
				origin: this.baseUrl,
				// What a browser sends; without it SvelteKit answers as to use:enhance (JSON).
				accept: 'text/html,application/xhtml+xml',
				'content-type': 'application/x-www-form-urlencoded'
			}),
			body,
			redirect: 'manual'
		});
		return this.remember(response);
	}
}

let counter = 0;

/** A fresh, valid sign-up form; every call gives a new email. */
export function newAccount(
	overrides: Partial<Record<'email' | 'displayName' | 'password', string>> = {}
) {
	counter += 1;
	const id = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
	return {
		email: `student.${id}@example.org`,
		displayName: `Student ${counter}`,
		password: `correct horse ${id}`,
		...overrides
	};
}
