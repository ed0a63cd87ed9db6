import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { browserErrors, failOnBrowserErrors } from './browser-errors';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling out on this closed network.
const args = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export interface Browser {
	context: BrowserContext;
	page: Page;
	close(): Promise<void>;
}

/** Debian's Chromium, headless, in a fresh profile; a phone-sized window unless told otherwise. */
export async function openBrowser(
	options: {
		width?: number;
		height?: number;
		javaScriptEnabled?: boolean;
		/** A phone: taps (locator.tap) and its meta viewport, as a touch screen gives them. */
		touch?: boolean;
		/** More Chromium switches, e.g. a --host-resolver-rules that maps a name to loopback. */
		args?: string[];
	} = {}
): Promise<Browser> {
	const profile = mkdtempSync(join(tmpdir(), 'course-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		args: [...args, ...(options.args ?? [])],
		viewport: { width: options.width ?? 360, height: options.height ?? 640 },
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		hasTouch: options.touch ?? false,
		isMobile: options.touch ?? false,
		// The test server reads the client address from this header, as behind a proxy.
		extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.10' }
	});
	// Well inside the test's own timeout, so a stuck step fails naming itself.
	context.setDefaultTimeout(15_000);
	// Every page of the context, including ones opened later.
	context.on('weberror', (webError) => {
		const error = webError.error();
		browserErrors.push(`${webError.page()?.url() ?? 'a page'}: ${error.stack ?? error.message}`);
	});
	context.on('console', (message) => {
		if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
			browserErrors.push(`${message.page()?.url() ?? 'a page'}: console: ${message.text()}`);
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
			// Thrown after the last test's check, e.g. by a timer that outlived a page.
			failOnBrowserErrors();
		}
	};
}

/** axe-core's violations on the current page, as `rule: selectors` lines for readable failures. */
export async function axeViolations(page: Page): Promise<string[]> {
	// Evaluated through the DevTools protocol, so the page's Content-Security-Policy still holds.
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		const result = await (
			window as unknown as {
				axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
			}
		).axe.run();
		return result.violations.map(
			(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
	});
	return violations;
}

/**
 * True when the page is wider than the window (something forces sideways scrolling). Asked of
 * the browser's layout through the DevTools protocol, so it works with JavaScript off too.
 */
export async function scrollsSideways(page: Page): Promise<boolean> {
	const session = await page.context().newCDPSession(page);
	try {
		const { cssContentSize, cssLayoutViewport } = await session.send('Page.getLayoutMetrics');
		return cssContentSize.width > cssLayoutViewport.clientWidth;
	} finally {
		await session.detach();
	}
}

/** Signs up through the real form, as a new student would, and waits to be signed in. */
export async function signUpInBrowser(
	page: Page,
	baseUrl: string,
	account: { email: string; displayName: string; password: string }
): Promise<void> {
	await page.goto(`${baseUrl}/sign-up`);
	await page.getByLabel('Email').fill(account.email);
	await page.getByLabel('Name to show').fill(account.displayName);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	// In the closed menu: there once the page has it.
	await page.getByText('Signed in as').waitFor({ state: 'attached' });
}
