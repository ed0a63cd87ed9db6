import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target';

const origin = 'http://course.test:3000';

/** What a browser does with the Location header: resolve it against the page it came from. */
function whereBrowserGoes(location: string): URL {
	return new URL(location, `${origin}/sign-in`);
}

/** A Location value a server can send: visible ASCII only, so no header splitting and no 500. */
const headerSafe = /^[\x21-\x7e]*$/;

function expectSafe(value: string) {
	const target = safeRedirectTarget(value, origin);
	expect(target, JSON.stringify(value)).toMatch(headerSafe);
	expect(target, JSON.stringify(value)).toMatch(/^\/(?![/\\])/);
	expect(whereBrowserGoes(target).origin, JSON.stringify(value)).toBe(origin);
	return target;
}

// Known ways past prefix checks, from OWASP's and PortSwigger's open-redirect lists.
const bypasses = [
	'//evil.example',
	'///evil.example',
	'////evil.example',
	'/\\evil.example',
	'/\\/evil.example',
	'\\\\evil.example',
	'\\/evil.example',
	'/\t/evil.example',
	'/\n/evil.example',
	'/\r\n/evil.example',
	'\t//evil.example',
	' //evil.example',
	'\u0000//evil.example',
	'/./\\evil.example',
	'/.//evil.example',
	'/..//evil.example',
	'/a/..//evil.example',
	'https://evil.example',
	'https:evil.example',
	'https:/\\evil.example',
	'HTTPS://evil.example',
	'//course.test:3000@evil.example',
	'http://course.test:3000@evil.example',
	'//course.test:3000.evil.example',
	'//evil.example%2F@course.test:3000',
	'javascript:alert(1)',
	'JaVaScRiPt:alert(1)',
	' javascript:alert(1)',
	'java\tscript:alert(1)',
	'java\nscript:alert(1)',
	'javascript://%0aalert(1)',
	'data:text/html,<script>alert(1)</script>',
	'blob:http://course.test:3000/0d0c6b4b',
	'vbscript:msgbox(1)'
];

describe('safeRedirectTarget', () => {
	it('keeps a path on this site, with its query and fragment', () => {
		expect(safeRedirectTarget('/learn', origin)).toBe('/learn');
		expect(safeRedirectTarget('/learn/a/b?x=1&y=%2F#part', origin)).toBe(
			'/learn/a/b?x=1&y=%2F#part'
		);
		expect(safeRedirectTarget('/join/ABCD-EFGH', origin)).toBe('/join/ABCD-EFGH');
	});

	it('uses the fallback when there is nothing to follow', () => {
		expect(safeRedirectTarget(null, origin)).toBe('/');
		expect(safeRedirectTarget(undefined, origin)).toBe('/');
		expect(safeRedirectTarget('', origin, '/dashboard')).toBe('/dashboard');
	});

	it.each(bypasses)('never leaves the site for %j', (value) => {
		expectSafe(value);
	});

	it('sends the tab-slash trick from the issue home', () => {
		expect(safeRedirectTarget('/\t/evil.example', origin)).toBe('/');
		expect(safeRedirectTarget('/.//evil.example', origin)).toBe('/');
		expect(safeRedirectTarget('javascript:alert(1)', origin)).toBe('/');
	});

	it('percent-encodes control and non-ASCII characters instead of putting them in a header', () => {
		expect(safeRedirectTarget('/learn\u0000x', origin)).toBe('/learn%00x');
		expect(safeRedirectTarget('/learn?q=\r\nSet-Cookie:x=1', origin)).toBe(
			'/learn?q=Set-Cookie:x=1'
		);
		expect(safeRedirectTarget('/léçon#§', origin)).toBe('/l%C3%A9%C3%A7on#%C2%A7');
	});

	it('reads encoded slashes as a path on this site, as the browser will', () => {
		expect(expectSafe('%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
		expect(expectSafe('/%2F/evil.example')).toBe('/%2F/evil.example');
		expect(expectSafe('/%5Cevil.example')).toBe('/%5Cevil.example');
	});

	it('keeps every combination of tricky characters on this site', () => {
		// Every sequence of up to four of these before a host name: over 20,000 values.
		const pieces = ['/', '\\', '\t', '\n', '\r', '\u0000', ' ', '.', ':', '@', '%2F', 'https:'];
		let values = [''];
		for (let length = 0; length < 4; length++) {
			values = [...values, ...values.flatMap((value) => pieces.map((piece) => value + piece))];
		}
		for (const prefix of new Set(values)) expectSafe(`${prefix}evil.example/path`);
	});
});
