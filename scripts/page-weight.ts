// Part of `npm run bench` (alone: `npm run bench:weight`): what a phone downloads on its first
// visit, with an empty cache, to the home page, two lessons and a quiz attempt, against the weight
// budgets of issue 10. Runs the built app (`npm run build` first) on a temporary database, and
// reads the bytes off Chromium's own network events (the DevTools protocol), as they came over
// the wire: compressed, with their headers.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CDPSession, Cookie } from 'playwright-core';
import { openBrowser, signUpInBrowser } from '../tests/helpers/browser';
import { newAccount } from '../tests/helpers/client';
import { startServer, type TestServer } from '../tests/helpers/server';

const LOADS = 3;
const LESSON_PATH = '/learn/franchise-model/local-allies';
// One of the heaviest lessons: its "who is who" list adds the course's actors to the page.
const LESSON_WITH_ACTORS_PATH = '/learn/franchise-model/claims-and-propaganda';
const KB = 1000;

interface Budget {
	script?: number;
	total?: number;
}

interface PageToWeigh {
	name: string;
	budget: Budget;
	/** The page's address, once the account it needs exists. */
	path: string;
	signedIn: boolean;
}

interface Weight {
	/** Compressed bodies of the JavaScript files, as received. */
	scriptBytes: number;
	/** Everything received: every response's headers and compressed body. */
	totalBytes: number;
	requests: number;
	/** The Content-Encoding the page's own HTML came with. */
	encoding: string;
}

/** One first load in a fresh profile (an empty cache), at 360 × 640, until the network is idle. */
async function weigh(url: string, cookies: Cookie[]): Promise<Weight> {
	const browser = await openBrowser({ width: 360, height: 640 });
	try {
		const { context, page } = browser;
		if (cookies.length) await context.addCookies(cookies);
		const session: CDPSession = await context.newCDPSession(page);
		const scripts = new Set<string>();
		const headerBytes = new Map<string, number>();
		let scriptBytes = 0;
		let totalBytes = 0;
		let requests = 0;
		let encoding = 'identity';
		session.on('Network.requestWillBeSent', () => (requests += 1));
		session.on('Network.responseReceived', ({ requestId, type, response }) => {
			if (type === 'Script' || response.mimeType.includes('javascript')) scripts.add(requestId);
			// For HTTP/1.1 the bytes received so far are the status line and headers.
			headerBytes.set(requestId, response.encodedDataLength);
			if (type === 'Document')
				encoding =
					Object.entries(response.headers).find(
						([name]) => name.toLowerCase() === 'content-encoding'
					)?.[1] ?? 'identity';
		});
		session.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
			totalBytes += encodedDataLength;
			if (scripts.has(requestId))
				scriptBytes += encodedDataLength - (headerBytes.get(requestId) ?? 0);
		});
		await session.send('Network.enable');
		await page.goto(url, { waitUntil: 'networkidle' });
		await session.detach();
		return { scriptBytes, totalBytes, requests, encoding };
	} finally {
		await browser.close();
	}
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const verdict = (bytes: number, limit?: number) =>
	limit === undefined ? '' : `${bytes <= limit ? 'pass' : 'FAIL'} (≤ ${kb(limit)})`;

/** A student with a quiz attempt under way, and the cookies that sign them in. */
async function student(server: TestServer): Promise<{ cookies: Cookie[]; attemptPath: string }> {
	const browser = await openBrowser();
	try {
		const { context, page } = browser;
		await signUpInBrowser(page, server.url, newAccount());
		await page.goto(`${server.url}${LESSON_PATH}/quiz`);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.waitForURL(/\/quiz\/\d+/);
		return { cookies: await context.cookies(), attemptPath: new URL(page.url()).pathname };
	} finally {
		await browser.close();
	}
}

export async function benchPageWeight(): Promise<void> {
	console.log('\npage weight: a first visit with an empty cache, Chromium at 360 × 640');
	const buildDir = fileURLToPath(new URL('../build/', import.meta.url));
	if (!existsSync(`${buildDir}handler.js`)) {
		console.log('skipped: no build (run `npm run build` first)');
		return;
	}
	const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!existsSync(chromium)) {
		console.log(`skipped: no Chromium at ${chromium} (see "Two commands" in the README)`);
		return;
	}

	const server = await startServer();
	try {
		const { cookies, attemptPath } = await student(server);
		const pages: PageToWeigh[] = [
			{ name: 'home', budget: {}, path: '/', signedIn: false },
			{
				name: 'lesson',
				budget: { script: 35 * KB, total: 60 * KB },
				path: LESSON_PATH,
				signedIn: true
			},
			{
				name: 'lesson with actors',
				budget: { script: 35 * KB, total: 60 * KB },
				path: LESSON_WITH_ACTORS_PATH,
				signedIn: true
			},
			{ name: 'quiz attempt', budget: { script: 60 * KB }, path: attemptPath, signedIn: true }
		];

		const rows: string[][] = [];
		for (const { name, budget, path, signedIn } of pages) {
			const loads: Weight[] = [];
			for (let i = 0; i < LOADS; i++)
				loads.push(await weigh(server.url + path, signedIn ? cookies : []));
			const script = median(loads.map((load) => load.scriptBytes));
			const total = median(loads.map((load) => load.totalBytes));
			rows.push([
				name,
				kb(script),
				verdict(script, budget.script),
				kb(total),
				verdict(total, budget.total),
				String(median(loads.map((load) => load.requests))),
				loads[0]!.encoding
			]);
		}
		printTable(
			['page', 'JavaScript', 'budget', 'on the wire', 'budget', 'requests', 'HTML as'],
			rows
		);
		console.log(
			`median of ${LOADS} loads; JavaScript counts compressed bodies, "on the wire" every ` +
				'response with its headers; 1 KB = 1,000 bytes'
		);
	} finally {
		await server.stop();
	}
}

function printTable(head: string[], rows: string[][]) {
	const widths = head.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => row[column]!.length))
	);
	const line = (cells: string[]) =>
		cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
	console.log(line(head));
	console.log(line(widths.map((width) => '-'.repeat(width))));
	for (const row of rows) console.log(line(row));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPageWeight();
