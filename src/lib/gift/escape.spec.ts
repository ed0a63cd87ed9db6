import { describe, expect, it } from 'vitest';
import { escapeGift, indexOf, scan, splitAll, splitOnce, textOf } from './escape.ts';

const chars = (text: string, line = 1) => scan([{ line, text }]);

describe('scan', () => {
	it('resolves every GIFT escape and marks the characters as escaped', () => {
		const scanned = chars(String.raw`\~\=\#\{\}\:\\`);
		expect(textOf(scanned)).toBe('~=#{}:\\');
		expect(scanned.every((ch) => ch.escaped)).toBe(true);
	});

	it('reads \\n as a newline and keeps a backslash before anything else', () => {
		expect(textOf(chars(String.raw`a\nb`))).toBe('a\nb');
		expect(textOf(chars(String.raw`C:\temp \x`))).toBe(String.raw`C:\temp \x`);
		expect(textOf(chars('ends with \\'))).toBe('ends with \\');
	});

	it('trims each line, joins lines with newlines and keeps line numbers', () => {
		const scanned = scan([
			{ line: 4, text: '  first  ' },
			{ line: 5, text: '\tsecond' }
		]);
		expect(textOf(scanned)).toBe('first\nsecond');
		expect(scanned[0]!.line).toBe(4);
		expect(scanned.at(-1)!.line).toBe(5);
	});
});

describe('finding unescaped tokens', () => {
	it('skips escaped characters', () => {
		const scanned = chars(String.raw`a\#b#c`);
		expect(indexOf(scanned, '#')).toBe(3);
		expect(indexOf(chars(String.raw`\:\: ::`), '::')).toBe(3);
		expect(indexOf(chars('abc'), '#')).toBe(-1);
	});

	it('splits once or at every occurrence', () => {
		const [before, after] = splitOnce(chars('x#y#z'), '#');
		expect([textOf(before), textOf(after!)]).toEqual(['x', 'y#z']);
		expect(splitOnce(chars('xyz'), '#')).toHaveLength(1);
		expect(splitAll(chars(String.raw`a#b\#c#`), '#').map(textOf)).toEqual(['a', 'b#c', '']);
	});
});

describe('escapeGift', () => {
	it('escapes the special characters and writes newlines as \\n', () => {
		expect(escapeGift('a{b}c~d=e#f:g\\h\ni')).toBe(String.raw`a\{b\}c\~d\=e\#f\:g\\h\ni`);
	});

	it('is undone by scan', () => {
		const samples = ['{x} = ~y # z: w', 'back\\slash \\n not a newline', 'two\nlines', '::t::'];
		for (const text of samples) expect(textOf(chars(escapeGift(text)))).toBe(text);
	});
});
