import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signUpInBrowser, type Browser } from '../helpers/browser';
import { newAccount } from '../helpers/client';
import { sectionsReached } from '../helpers/reading';
import { copyOfProject } from '../helpers/project-copy';
import { startServer, type TestServer } from '../helpers/server';

// A new deploy takes over cleanly: the page offers "Reload to update" instead of mixing the old
// app with the new server, the old build's cache goes, and what the old page queued offline
// still reaches the new server.

const LESSON = '/learn/mastung-networks/two-attacks';
const LESSON_KEY = 'mastung-networks/two-attacks';

let root: string;
let server: TestServer;
/** The database outlives the first server, whose folder holds it. */
let databaseFolder = '';
let browser: Browser;
const account = newAccount();

beforeAll(async () => {
	root = copyOfProject();
	server = await startServer({ root });
	databaseFolder = dirname(server.databasePath);
	browser = await openBrowser({ width: 360, height: 640 });
	await signUpInBrowser(browser.page, server.url, account);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	rmSync(root, { recursive: true, force: true });
	if (databaseFolder) rmSync(databaseFolder, { recursive: true, force: true });
});

/** Deploys a new build in place: the same files, the service worker marked with a new version. */
function deployNewVersion(): string {
	const client = join(root, 'build', 'client');
	const { version } = JSON.parse(readFileSync(join(client, '_app', 'version.json'), 'utf8'));
	const next = String(Number(version) + 1);
	const worker = join(client, 'service-worker.js');
	writeFileSync(worker, readFileSync(worker, 'utf8').replaceAll(version, next));
	for (const compressed of ['.br', '.gz']) rmSync(worker + compressed, { force: true });
	return next;
}

function shellCaches(page: Page): Promise<string[]> {
	return page.evaluate(async () =>
		(await caches.keys()).filter((name) => name.startsWith('course-shell-'))
	);
}

function reached(): string[] {
	return sectionsReached(server.databasePath, account.email, LESSON_KEY);
}

describe('a new version of the app', () => {
	it('waits for "Reload to update", replaces the old cache, and sends what the old page queued', async () => {
		const { page, context } = browser;
		await page.goto(server.url + LESSON);
		await page.evaluate(() => navigator.serviceWorker.ready);
		await page.reload();
		await page.waitForFunction(() => !!navigator.serviceWorker.controller);
		const [oldShell] = await shellCaches(page);
		expect(oldShell).toBeDefined();

		// Read offline under the old version: the checkpoint waits on the device.
		await context.setOffline(true);
		const kept = page.waitForResponse(
			(response) => response.url().endsWith('/api/progress') && response.status() === 202
		);
		await page.mouse.wheel(0, 20_000);
		await kept;

		// Meanwhile the server is updated and restarted on the same address and database.
		await server.signal('SIGTERM');
		const version = deployNewVersion();
		server = await startServer({
			root,
			databasePath: server.databasePath,
			port: server.port
		});
		await context.setOffline(false);
		await expect.poll(reached, { timeout: 10_000 }).toContain('end');

		// The new worker installs beside the old one, and the page asks before switching.
		await page.goto(server.url + '/');
		const update = page.getByRole('button', { name: 'Reload to update' });
		await update.waitFor();
		expect(await shellCaches(page)).toContain(oldShell);
		await Promise.all([page.waitForEvent('load'), update.click()]);
		await expect.poll(() => shellCaches(page)).toEqual([`course-shell-${version}`]);
		await expect(page.getByRole('button', { name: 'Reload to update' }).count()).resolves.toBe(0);
	});
});
