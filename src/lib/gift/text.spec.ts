import { describe, expect, it } from 'vitest';
import { htmlToText, readText } from './text.ts';

describe('readText', () => {
	it('strips a format marker in any case and reports the format', () => {
		expect(readText('[markdown]**bold**')).toEqual({ text: 'bold', format: 'markdown' });
		expect(readText('[PLAIN]text')).toEqual({ text: 'text', format: 'plain' });
		expect(readText(' [moodle]text')).toEqual({ text: 'text', format: 'moodle' });
	});

	it('inherits the format when there is no marker, and turns HTML into text', () => {
		expect(readText('no marker')).toEqual({ text: 'no marker', format: 'moodle' });
		expect(readText('<i>x</i>', 'html')).toEqual({ text: 'x', format: 'html' });
		expect(readText('[html]<b>a</b> &lt;b&gt;')).toEqual({ text: 'a <b>', format: 'html' });
	});

	it('leaves unknown bracketed text alone', () => {
		expect(readText('[note] text').text).toBe('[note] text');
	});
});

describe('htmlToText', () => {
	it('drops tags and keeps breaks and paragraphs', () => {
		expect(htmlToText('<p>One <b>two</b></p><p>Three<br/>four</p>')).toBe('One two\n\nThree\nfour');
	});

	it('collapses source whitespace like a browser', () => {
		expect(htmlToText('a\n   b\t c')).toBe('a b c');
	});

	it('decodes named and numeric entities, an encoded space staying', () => {
		expect(htmlToText('&amp; &quot;q&quot; &#39;s&#x27; &nbsp;&eacute;')).toBe(
			`& "q" 's'  &eacute;`
		);
		expect(htmlToText('a&#32;&#32;b<br>&#32;c')).toBe('a  b\n c');
		expect(htmlToText('caf&#233;')).toBe('café');
	});

	it('keeps a space at either end, which separates text from a missing-word blank', () => {
		expect(htmlToText(' <b>x</b> ')).toBe(' x ');
	});
});
