import { request } from 'node:http';

export interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/**
 * One HTTP request to a loopback address with full control of the headers (fetch will not send
 * another Host), as a browser on another device would send it. Never leaves this machine.
 */
export function rawRequest(options: {
	address?: string;
	port: number;
	path: string;
	method?: string;
	headers?: Record<string, string>;
	body?: string;
}): Promise<RawResponse> {
	const address = options.address ?? '127.0.0.1';
	if (!address.startsWith('127.')) throw new Error(`tests stay on loopback, not ${address}`);
	return new Promise((done, fail) => {
		const req = request(
			{
				host: address,
				port: options.port,
				path: options.path,
				method: options.method ?? 'GET',
				headers: options.headers
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
			}
		);
		req.on('error', fail);
		req.end(options.body);
	});
}

/** A browser's form post: urlencoded, from the page's own origin unless told otherwise. */
export function formPost(
	options: { port: number; host: string; path: string; origin?: string; address?: string },
	fields: Record<string, string>
): Promise<RawResponse> {
	return rawRequest({
		address: options.address,
		port: options.port,
		path: options.path,
		method: 'POST',
		headers: {
			host: options.host,
			origin: options.origin ?? `http://${options.host}`,
			accept: 'text/html,application/xhtml+xml',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields).toString()
	});
}

export const setCookies = (response: RawResponse): string[] => {
	const value = response.headers['set-cookie'];
	return value === undefined ? [] : [value].flat();
};
