import { readdirSync, readFileSync } from 'node:fs';
import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, createBrotliDecompress, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressDynamic } from '../../scripts/server/compression.js';
import { query } from '../helpers/db';
import { signUp } from '../helpers/people';
import { answerFields, postAnswer, questionPath, sampleQuiz, startAttempt } from '../helpers/quiz';
import { rawRequest } from '../helpers/raw-http';
import { projectRoot, startServer, type TestServer } from '../helpers/server';

const LESSON = '/learn/franchise-model/local-allies';

interface Raw {
	status: number;
	headers: IncomingHttpHeaders;
	/** The bytes as they came over the wire, not decoded. */
	body: Buffer;
}

/** One request to loopback that leaves Content-Encoding to the test (fetch would decode it). */
function getRaw(
	url: string,
	headers: Record<string, string>,
	options: { method?: string; agent?: Agent } = {}
): Promise<Raw> {
	return new Promise((done, fail) => {
		const req = request(url, { method: options.method, headers, agent: options.agent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
			);
		});
		req.on('error', fail);
		req.end();
	});
}

function decoded(response: Raw): string {
	const encoding = response.headers['content-encoding'];
	if (encoding === 'br') return brotliDecompressSync(response.body).toString('utf8');
	if (encoding === 'gzip') return gunzipSync(response.body).toString('utf8');
	expect(encoding).toBeUndefined();
	return response.body.toString('utf8');
}

/** Each response has its own CSP nonce; everything else must be the same bytes. */
const withoutNonce = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce=""');

const varies = (response: Raw) =>
	String(response.headers.vary ?? '')
		.toLowerCase()
		.split(/\s*,\s*/)
		.includes('accept-encoding');

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

describe('what the app renders goes out compressed', () => {
	const cases = [
		{ name: 'a lesson page', path: LESSON, signedIn: false, normalise: withoutNonce },
		{ name: "a lesson's __data.json", path: `${LESSON}/__data.json`, signedIn: false },
		{ name: 'a CSV download', path: '/account/export/answers.csv', signedIn: true }
	];
	let cookie = '';
	beforeAll(async () => {
		// Enough answers that the CSV is worth compressing.
		const student = await signUp(server);
		const attempt = await startAttempt(student.visitor);
		for (const question of sampleQuiz.questions)
			await postAnswer(student.visitor, attempt, question);
		cookie = [...student.visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	});

	for (const { name, path, signedIn, normalise = (text: string) => text } of cases) {
		it(`${name}: brotli, gzip or none as accepted, always the same content`, async () => {
			const get = (acceptEncoding?: string) =>
				getRaw(server.url + path, {
					'x-forwarded-for': '198.51.100.40',
					...(signedIn ? { cookie } : {}),
					...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding })
				});
			const plain = await get();
			expect(plain.status).toBe(200);
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(varies(plain)).toBe(true);
			const text = decoded(plain);
			expect(Buffer.byteLength(text)).toBeGreaterThan(1024);

			for (const [accepted, expected] of [
				['gzip, deflate, br, zstd', 'br'],
				['gzip', 'gzip'],
				['identity', undefined],
				['br;q=0, gzip', 'gzip']
			] as const) {
				const response = await get(accepted);
				expect(response.status, accepted).toBe(200);
				expect(response.headers['content-encoding'], accepted).toBe(expected);
				expect(varies(response), accepted).toBe(true);
				expect(normalise(decoded(response)), accepted).toBe(normalise(text));
				if (expected) expect(response.body.length).toBeLessThan(Buffer.byteLength(text));
			}
		});
	}

	it('sends a quiz answer’s result for use:enhance as it is, feedback and all', async () => {
		const student = await signUp(server);
		const attempt = await startAttempt(student.visitor);
		const question = sampleQuiz.questions[0]!;
		const html = await (await student.visitor.get(questionPath(attempt, question))).text();
		const reply = await rawRequest({
			port: server.port,
			path: `${attempt}?/answer`,
			method: 'POST',
			headers: {
				'x-forwarded-for': student.visitor.address,
				cookie: [...student.visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
				origin: server.url,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'accept-encoding': 'br, gzip',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(
				Object.entries(answerFields(question, html)).flatMap(([key, value]) =>
					[value].flat().map((one) => [key, one])
				)
			).toString()
		});
		expect(reply.status).toBe(200);
		expect(reply.headers['content-encoding']).toBeUndefined();
		expect(Buffer.byteLength(reply.body)).toBeGreaterThan(1024);
		expect(JSON.parse(reply.body).type).toBe('success');
	});

	it('leaves small answers alone, and sends no body for HEAD', async () => {
		const health = await getRaw(`${server.url}/healthz`, { 'accept-encoding': 'br, gzip' });
		expect(health.status).toBe(200);
		expect(health.headers['content-encoding']).toBeUndefined();
		expect(JSON.parse(health.body.toString('utf8'))).toMatchObject({ status: 'ok' });

		const head = await getRaw(
			server.url + LESSON,
			{ 'accept-encoding': 'br, gzip' },
			{ method: 'HEAD' }
		);
		expect(head.status).toBe(200);
		expect(head.body.length).toBe(0);
		expect(head.headers['content-encoding']).toBeUndefined();
	});
});

describe('built files', () => {
	const clientDir = join(projectRoot, 'build/client');
	const chunks = join(clientDir, '_app/immutable/chunks');
	const chunk = readdirSync(chunks).find((name) => name.endsWith('.js'))!;
	const path = `/_app/immutable/chunks/${chunk}`;

	it('are sent as the copies the build compressed, with their long cache lifetime', async () => {
		for (const [accepted, encoding, file] of [
			['gzip, deflate, br', 'br', `${chunk}.br`],
			['gzip', 'gzip', `${chunk}.gz`],
			// Not compressed again on the fly for a client that takes only deflate.
			['deflate', undefined, chunk]
		] as const) {
			const response = await getRaw(server.url + path, { 'accept-encoding': accepted });
			expect(response.status, accepted).toBe(200);
			expect(response.headers['content-encoding'], accepted).toBe(encoding);
			expect(response.headers['cache-control'], accepted).toContain('immutable');
			expect(response.body.equals(readFileSync(join(chunks, file))), accepted).toBe(true);
		}
	});

	it('still answer a revalidation with 304', async () => {
		const first = await getRaw(server.url + path, { 'accept-encoding': 'br' });
		const etag = String(first.headers.etag);
		const again = await getRaw(server.url + path, {
			'accept-encoding': 'br',
			'if-none-match': etag
		});
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
	});
});

describe('a server that has sent compressed pages', () => {
	it('still stops cleanly on SIGTERM, its kept-alive connections included', async () => {
		const own = await startServer();
		const agent = new Agent({ keepAlive: true });
		try {
			for (let i = 0; i < 3; i++) {
				const page = await getRaw(own.url + LESSON, { 'accept-encoding': 'br' }, { agent });
				expect(page.headers['content-encoding']).toBe('br');
			}
			expect(await own.signal('SIGTERM')).toBe(0);
			expect(own.output()).toContain('"event":"stopped"');
			expect(query(own.databasePath, 'pragma integrity_check')).toEqual([
				{ integrity_check: 'ok' }
			]);
		} finally {
			agent.destroy();
			await own.stop();
		}
	});
});

describe('streamed responses', () => {
	// No route streams today (SvelteKit does when a load returns promises), so a plain server with
	// the same middleware writes a first part, then waits for the test to have read it.
	let plain: Server;
	let url = '';
	let release: () => void = () => {};
	beforeAll(async () => {
		const compress = compressDynamic(() => false);
		plain = createServer((req, res) =>
			compress(req, res, () => {
				const type = req.url === '/events' ? 'text/event-stream' : 'text/html; charset=utf-8';
				res.writeHead(200, { 'content-type': type });
				res.write(`first part ${'of a long page '.repeat(200)}\n`);
				new Promise<void>((done) => (release = done)).then(() => res.end('second part\n'));
			})
		);
		await new Promise<void>((done) => plain.listen(0, '127.0.0.1', done));
		url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
	});
	afterAll(() => {
		plain.closeAllConnections();
		return new Promise((done) => plain.close(done));
	});

	for (const [path, encoding] of [
		['/page', 'br'],
		['/events', undefined]
	] as const) {
		it(`sends each part as it is written (${path})`, async () => {
			const text = await new Promise<string>((done, fail) => {
				// A compressor holding the first part back would hang; say so instead.
				const timer = setTimeout(() => fail(new Error('the first part never arrived')), 10_000);
				request(url + path, { headers: { 'accept-encoding': 'br' } }, (res) => {
					expect(res.headers['content-encoding']).toBe(encoding);
					const body = encoding === 'br' ? res.pipe(createBrotliDecompress()) : res;
					let received = '';
					body.setEncoding('utf8');
					body.on('data', (chunk: string) => {
						received += chunk;
						if (received.includes('first part')) release();
					});
					body.on('end', () => {
						clearTimeout(timer);
						done(received);
					});
					body.on('error', fail);
				})
					.on('error', fail)
					.end();
			});
			expect(text).toContain('second part');
		});
	}
});
