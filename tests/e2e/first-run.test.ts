import { afterEach, describe, expect, it } from 'vitest';
import { newAccount } from '../helpers/client';
import { openBrowser, signUpInBrowser, type Browser } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer | undefined;
let browser: Browser | undefined;
afterEach(async () => {
	await browser?.close();
	await server?.stop();
	browser = server = undefined;
});

/** The address `npm start` prints, as a newcomer would copy it. */
const printedAddress = (output: string) => output.match(/open (http:\/\/\S+?)\/?$/m)?.[1];

describe('a newcomer who ran the README command and opened the printed address', () => {
	for (const javaScriptEnabled of [true, false]) {
		it(`signs up in Chromium with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
			server = await startServer({ asReadme: true });
			const address = printedAddress(server.output());
			expect(address).toBe(`http://localhost:${server.port}`);
			browser = await openBrowser({ javaScriptEnabled });
			const account = newAccount();
			await signUpInBrowser(browser.page, address!, account);
			await browser.page.reload();
			expect(await browser.page.getByText(`Signed in as ${account.displayName}`).count()).toBe(1);
		});
	}
});

describe('a phone on the same network (HOST=0.0.0.0), its address mapped to loopback', () => {
	it('signs up over plain http at a LAN name and stays signed in', async () => {
		server = await startServer({ asReadme: true, env: { HOST: '0.0.0.0' } });
		// A name that is neither localhost nor https: Chromium drops Secure cookies here, as a phone does.
		browser = await openBrowser({
			width: 360,
			height: 640,
			args: ['--host-resolver-rules=MAP course.lan 127.0.0.1']
		});
		const account = newAccount();
		await signUpInBrowser(browser.page, `http://course.lan:${server.port}`, account);
		await browser.page.goto(`http://course.lan:${server.port}/dashboard`);
		expect(new URL(browser.page.url()).pathname).toBe('/dashboard');
		expect(await browser.page.getByText(`Signed in as ${account.displayName}`).count()).toBe(1);
	});
});
